package io.sartracker.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sartracker.service.config.AxonConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Clock;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RULES.md 13 over HTTP: a fact dated after today (by the service's clock, in Tokyo) is answered
 * 422 FACT_DATED_IN_FUTURE with today among the figures and records nothing; today is accepted;
 * a split resolved in advance may be recorded before its record date. The person's history is
 * recorded after the series' events, so an answer lists the series' events first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FutureFactsHttpTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("future-facts")::toString);
    }

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(TODAY.atTime(23, 30).atZone(AxonConfig.ISSUER_ZONE).toInstant(), AxonConfig.ISSUER_ZONE);
        }
    }

    TestRestTemplate http;

    @Autowired
    void signIn(TestRestTemplate anonymous, Environment environment) {
        http = TrackerTestSupport.asAdmin(anonymous, environment);
    }
    @Autowired
    ObjectMapper json;

    @Test
    void aFactDatedAfterTodayIsAnswered422WithTodayAndRecordsNothing() throws Exception {
        assertThat(post("/series", issueBody()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post("/series/FUT-1/allotments", "{\"holderId\": \"D01\", \"role\": \"DIRECTOR\", \"rights\": 30,"
                + " \"allotmentDate\": \"2015-07-13\"}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        int before = json.readTree(http.getForEntity("/series/FUT-1/events", String.class).getBody()).size();

        JsonNode problem = problem(post("/issuers/FUT-CO/departures",
                "{\"holderId\": \"D01\", \"departureDate\": \"2026-11-28\", \"reason\": \"RETIREMENT\"}"));
        assertThat(problem.at("/figures/today").asText()).isEqualTo("2026-11-27");
        assertThat(problem.at("/figures/date").asText()).isEqualTo("2026-11-28");
        assertThat(json.readTree(http.getForEntity("/series/FUT-1/events", String.class).getBody()).size())
                .as("nothing recorded").isEqualTo(before);

        ResponseEntity<String> today = post("/issuers/FUT-CO/departures",
                "{\"holderId\": \"D01\", \"departureDate\": \"2026-11-27\", \"reason\": \"RETIREMENT\"}");
        assertThat(today.getStatusCode()).as(today.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(json.readTree(today.getBody()).at("/events/0/type").asText()).isEqualTo("HolderLeftOffice");

        JsonNode exercise = problem(post("/series/FUT-1/exercises",
                "{\"holderId\": \"D01\", \"exerciseDate\": \"2026-11-28\", \"rights\": 1}"));
        assertThat(exercise.at("/figures/today").asText()).isEqualTo("2026-11-27");

        assertThat(post("/issuers/FUT-CO/share-splits", "{\"ratio\": \"2/1\", \"recordDate\": \"2027-03-31\"}")
                .getStatusCode()).as("resolved in advance").isEqualTo(HttpStatus.CREATED);
    }

    private JsonNode problem(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("code").asText()).isEqualTo("FACT_DATED_IN_FUTURE");
        assertThat(problem.get("detail").asText()).contains("2026-11-27");
        return problem;
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private static String issueBody() {
        return "{\"seriesId\":\"FUT-1\",\"issuerId\":\"FUT-CO\",\"terms\":{"
                + "\"name\":\"Series FUT-1\",\"issuerName\":\"Future Inc.\",\"resolutionDate\":\"2015-06-26\","
                + "\"maximumRights\":230,\"sharesPerRightAtIssue\":200,\"exercisePricePerShare\":1,"
                + "\"exercisePeriod\":{\"firstDay\":\"2015-07-14\",\"lastDay\":\"2045-07-13\"},"
                + "\"allotmentDate\":\"2015-07-13\",\"paymentDate\":\"2015-07-13\",\"windowAfterLeavingOfficeDays\":10,"
                + "\"heirWindowMonths\":6,\"transferAllowed\":false,\"eligibleRoles\":[\"DIRECTOR\",\"EXECUTIVE_OFFICER\"]}}";
    }
}
