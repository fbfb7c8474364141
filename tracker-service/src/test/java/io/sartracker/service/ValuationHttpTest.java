package io.sartracker.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sartracker.kernel.command.AllotRights;
import io.sartracker.kernel.command.IssueSeries;
import io.sartracker.kernel.command.RecordDepartureFromOffice;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.Terms;
import io.sartracker.service.web.CommandSender;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.time.DayOfWeek;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The allotment amount over HTTP: preview, determine (JSON and upload), and its use as book value. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ValuationHttpTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("valuation")::toString);
    }

    TestRestTemplate http;

    @Autowired
    void signIn(TestRestTemplate anonymous, Environment environment) {
        http = TrackerTestSupport.asAdmin(anonymous, environment);
    }
    @Autowired
    ObjectMapper json;
    @Autowired
    CommandSender sender;

    private static final String GIVEN_INPUTS = """
            {"determinationDate": "2015-07-13", "spot": 2200, "years": 15, "riskFreeRate": 0.01,
             "dividendYield": 0.01, "volatility": 0.40}""";

    @Test
    void previewsDeterminesAndUsesTheAmountAsBookValue() throws Exception {
        SeriesId series = SeriesId.of("VAL-1");
        IssuerId issuer = IssuerId.of("VAL-CO");
        sender.send(new IssueSeries(series, issuer, Terms.fifthSeries()), TrackerTestSupport.recorder("alice"));

        JsonNode preview = json.readTree(postJson("/series/VAL-1/allotment-amount/preview", GIVEN_INPUTS).getBody());
        assertThat(preview.get("amountPerRight").asLong()).isEqualTo(378_540);
        assertThat(preview.get("optionPricePerShare").asDouble()).isCloseTo(1892.6968, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(history("/series/VAL-1/events")).as("a preview records nothing").hasSize(1);

        ResponseEntity<String> determined = postJson("/series/VAL-1/allotment-amount", GIVEN_INPUTS);
        assertThat(determined.getStatusCode()).as(determined.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(json.readTree(determined.getBody()).at("/events/0/payload/valuation/amountPerRight").asLong())
                .isEqualTo(378_540);

        ResponseEntity<String> again = postJson("/series/VAL-1/allotment-amount", GIVEN_INPUTS);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json.readTree(again.getBody()).get("code").asText()).isEqualTo("ALLOTMENT_AMOUNT_ALREADY_DETERMINED");

        HolderId holder = HolderId.of("D01");
        sender.send(new AllotRights(series, holder, Role.DIRECTOR, Rights.of(3), LocalDate.of(2015, 7, 13)), TrackerTestSupport.recorder("alice"));
        sender.send(new RecordDepartureFromOffice(issuer, holder, LocalDate.of(2016, 6, 24), DepartureReason.RETIREMENT), TrackerTestSupport.recorder("alice"));
        JsonNode exercised = json.readTree(postJson("/series/VAL-1/exercises",
                "{\"holderId\": \"D01\", \"exerciseDate\": \"2016-06-30\", \"rights\": 3}").getBody());
        JsonNode event = exercised.at("/events/0/payload");
        assertThat(event.get("bookValuePerRight").asLong()).isEqualTo(378_540);
        long limit = 600 + 3 * 378_540;
        assertThat(event.get("capitalIncreaseLimit").asLong()).isEqualTo(limit);
        assertThat(event.get("capitalStockIncrease").asLong()).isEqualTo((limit + 1) / 2);
        assertThat(event.get("capitalReserveIncrease").asLong()).isEqualTo(limit - (limit + 1) / 2);
    }

    @Test
    void computesTheVolatilityFromAnUploadedPriceHistory() throws Exception {
        sender.send(new IssueSeries(SeriesId.of("VAL-2"), IssuerId.of("VAL-CO"), Terms.fifthSeries()), TrackerTestSupport.recorder("alice"));
        StringBuilder csv = new StringBuilder("date,close\n");
        LocalDate day = LocalDate.of(2015, 1, 5);
        double price = 2000;
        int n = 0;
        while (!day.isAfter(LocalDate.of(2015, 7, 13))) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                price *= (n++ % 2 == 0) ? 1.02 : 0.99;
                csv.append(day).append(',').append(String.format("%.1f", price)).append('\n');
            }
            day = day.plusDays(1);
        }
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders jsonPart = new HttpHeaders();
        jsonPart.setContentType(MediaType.APPLICATION_JSON);
        parts.add("request", new HttpEntity<>("""
                {"determinationDate": "2015-07-13", "spot": 2200, "years": 15, "riskFreeRate": 0.01,
                 "dividendPerShare": 27,
                 "priceHistory": {"lookBackFrom": "2015-01-01", "lookBackTo": "2015-07-13"}}""", jsonPart));
        parts.add("priceHistory", new ByteArrayResource(csv.toString().getBytes()) {
            @Override
            public String getFilename() {
                return "closes.csv";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> response = http.postForEntity("/series/VAL-2/allotment-amount",
                new HttpEntity<>(parts, headers), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode valuation = json.readTree(response.getBody()).at("/events/0/payload/valuation");
        assertThat(valuation.get("volatilitySource").asText()).isEqualTo("WEEKLY_CLOSES");
        assertThat(valuation.get("weeklyCloses").size()).isEqualTo(28);
        assertThat(valuation.get("volatility").asDouble()).isPositive();
        assertThat(valuation.get("dividendYield").asDouble()).isCloseTo(27.0 / 2200, org.assertj.core.data.Offset.offset(1e-12));

        ResponseEntity<String> bad = postJson("/series/VAL-2/allotment-amount/preview", """
                {"determinationDate": "2015-07-13", "spot": 2200, "years": 15, "riskFreeRate": 0.01,
                 "dividendPerShare": 27,
                 "priceHistory": {"csv": "2015-07-10,2200\\n2015-07-13,abc", "lookBackFrom": "2015-01-01", "lookBackTo": "2015-07-13"}}""");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode problem = json.readTree(bad.getBody());
        assertThat(problem.get("code").asText()).isEqualTo("INVALID_VALUATION_INPUT");
        assertThat(problem.get("detail").asText()).contains("line 2");

        ResponseEntity<String> negative = postJson("/series/VAL-2/allotment-amount/preview", """
                {"determinationDate": "2015-07-13", "spot": -1, "years": 15, "riskFreeRate": 0.01,
                 "dividendYield": 0.01, "volatility": 0.4}""");
        assertThat(negative.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(negative.getBody()).get("detail").asText()).contains("spot");
    }

    private JsonNode history(String path) throws Exception {
        return json.readTree(http.getForEntity(path, String.class).getBody());
    }

    private ResponseEntity<String> postJson(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }
}
