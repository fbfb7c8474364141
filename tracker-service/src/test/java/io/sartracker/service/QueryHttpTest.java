package io.sartracker.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sartracker.query.history.StoredEvents;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Record over HTTP, then read the views over HTTP within a bounded wait (projections are asynchronous). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tracker.load-reference-history=true")
class QueryHttpTest {
    private static final Duration BOUND = Duration.ofSeconds(5);

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("query-http")::toString);
    }

    TestRestTemplate http;
    /** The equity administrator who records this test's facts. */
    TestRestTemplate carol;

    @Autowired
    void signIn(TestRestTemplate anonymous, Environment environment) {
        http = TrackerTestSupport.asAdmin(anonymous, environment);
        carol = TrackerTestSupport.asUser(anonymous, environment, "carol", "EQUITY_ADMINISTRATOR");
    }
    @Autowired
    ObjectMapper json;
    @Autowired
    StoredEvents storedEvents;

    @Test
    void aRecordedDepartureShowsInTheHolderViewAndTheWindowsList() throws Exception {
        JsonNode before = await("/holders/D02", v -> v.at("/holdings/0/state").asText().equals("IN_OFFICE"));
        assertThat(before.at("/holdings/0/sharesPerRight").asLong()).isEqualTo(800);
        assertThat(before.at("/holdings/0/sharesDeliverable").asLong()).isEqualTo(25 * 800);

        Instant beforeDeparture = Instant.now();
        // The departure must be recorded at a later instant than this one (the clock may be coarse).
        Awaitility.await().atMost(BOUND).until(() -> Instant.now().isAfter(beforeDeparture));
        post("/issuers/IIJ/departures", "{\"holderId\": \"D02\", \"departureDate\": \"2026-11-20\", \"reason\": \"RESIGNATION\"}");
        long recorded = System.nanoTime();
        JsonNode after = await("/holders/D02?asOf=2026-11-25",
                v -> v.at("/holdings/0/state").asText().equals("WINDOW_OPEN"));
        assertThat(after.at("/holdings/0/windowLastDay").asText()).isEqualTo("2026-11-30");
        JsonNode stored = await("/holders/D02", v -> !v.at("/holdings/0/state").asText().equals("IN_OFFICE"));
        assertThat(Duration.ofNanos(System.nanoTime() - recorded)).isLessThan(BOUND);
        assertThat(stored.at("/holdings/0/lapseDate").asText()).isEqualTo("2026-12-01");

        JsonNode windows = await("/windows?on=2026-11-25&closingWithinDays=10", v -> v.at("/items").size() == 1);
        assertThat(windows.at("/items/0/holderId").asText()).isEqualTo("D02");
        assertThat(windows.at("/items/0/daysLeft").asLong()).isEqualTo(5);
        assertThat(json.readTree(http.getForEntity("/windows?on=2026-11-25&closingWithinDays=4", String.class)
                .getBody()).at("/total").asInt()).isZero();
        ResponseEntity<String> csv = http.getForEntity("/windows?on=2026-11-25&format=csv", String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).contains("IIJ-SAR-5,D02,D02,WINDOW_OPEN,2026-11-21,2026-11-30,5,25,20000");

        JsonNode knownBefore = json.readTree(http.getForEntity("/holders/D02?knownAt=" + beforeDeparture,
                String.class).getBody());
        assertThat(knownBefore.at("/holdings/0/state").asText()).as("as known before the departure")
                .isEqualTo("IN_OFFICE");

        // The series' fact and the person's own history at the issuer (RULES.md 13), both found by the person.
        JsonNode audit = await("/audit?holderId=D02", v -> types(v).contains("PersonLeftOffice"));
        assertThat(types(audit)).startsWith("RightsAllotted").contains("HolderLeftOffice", "PersonLeftOffice");
        JsonNode departure = StreamSupport.stream(audit.at("/items").spliterator(), false)
                .filter(item -> item.at("/eventType").asText().equals("HolderLeftOffice")).findFirst().orElseThrow();
        assertThat(departure.at("/recordedBy").asText()).isEqualTo("carol");
        assertThat(departure.at("/command").asText()).isEqualTo("RecordDepartureFromOffice");
        assertThat(departure.at("/payload/window/lastDay").asText()).isEqualTo("2026-11-30");
        JsonNode newestFirst = get("/audit?holderId=D02&order=desc&size=1");
        assertThat(newestFirst.at("/items/0/eventType").asText()).isEqualTo(types(audit).get(types(audit).size() - 1));
        assertThat(newestFirst.at("/total").asInt()).isEqualTo(audit.at("/total").asInt());
        assertThat(http.getForEntity("/audit?order=sideways", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theRegisterAsOfDatesOfTheReferenceHistory() throws Exception {
        assertThat(storedEvents.readsPayloadsAlone()).as("the service has no upcaster: as-of views read the payloads alone")
                .isTrue();
        await("/series/IIJ-SAR-5/register", v -> v.at("/exercised").asLong() == 30);
        JsonNode beforeSplits = get("/series/IIJ-SAR-5/register?asOf=2020-12-31");
        assertThat(beforeSplits.get("sharesPerRightInForce").asLong()).isEqualTo(200);
        assertThat(beforeSplits.get("allotted").asLong()).isEqualTo(230);
        assertThat(get("/series/IIJ-SAR-5/register?asOf=2021-01-01").get("sharesPerRightInForce").asLong()).isEqualTo(400);
        JsonNode during = get("/series/IIJ-SAR-5/register?asOf=2023-06-28");
        assertThat(during.get("sharesPerRightInForce").asLong()).isEqualTo(800);
        assertThat(during.get("exercised").asLong()).isZero();
        JsonNode after = get("/series/IIJ-SAR-5/register?asOf=2023-07-01");
        assertThat(after.get("exercised").asLong()).isEqualTo(30);
        assertThat(after.get("outstanding").asLong()).isEqualTo(200);
        assertThat(after.get("sharesDelivered").asLong()).isEqualTo(24_000);
        assertThat(after.get("capitalStockAdded").asLong() + after.get("capitalReserveAdded").asLong()).isEqualTo(24_000);

        ResponseEntity<String> csv = http.getForEntity("/series/IIJ-SAR-5/register?asOf=2023-06-28&format=csv", String.class);
        assertThat(csv.getBody().lines()).hasSize(1 + 18);
        assertThat(csv.getBody()).contains("IIJ-SAR-5,2023-06-28,D01,D01,DIRECTOR,WINDOW_OPEN,30,30,0,0,0,800,24000,2023-06-24,2023-07-03");

        JsonNode list = get("/series?issuerId=IIJ");
        assertThat(list.at("/series/0/seriesId").asText()).isEqualTo("IIJ-SAR-5");
        assertThat(list.at("/series/0/allotted").asLong()).isEqualTo(230);
        assertThat(list.at("/series/0/sharesPerRightInForce").asLong()).isEqualTo(800);
        assertThat(get("/series?issuerId=OTHER").get("series")).isEmpty();

        ResponseEntity<String> unknown = http.getForEntity("/series/NOPE/register", String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<String> badDate = http.getForEntity("/series/IIJ-SAR-5/register?asOf=yesterday", String.class);
        assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<String> badPage = http.getForEntity("/audit?size=0", String.class);
        assertThat(badPage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theApiIsDescribedForClients() throws Exception {
        JsonNode paths = get("/v3/api-docs").get("paths");
        assertThat(paths.has("/series/{seriesId}/exercises")).isTrue();
        assertThat(paths.has("/issuers/{issuerId}/departures")).isTrue();
        assertThat(paths.has("/series/{seriesId}/allotment-amount/preview")).isTrue();
        assertThat(paths.has("/holders/{personId}")).isTrue();
        assertThat(paths.has("/projections/rebuild")).isTrue();
    }

    private static List<String> types(JsonNode auditPage) {
        return StreamSupport.stream(auditPage.at("/items").spliterator(), false)
                .map(item -> item.at("/eventType").asText()).toList();
    }

    private JsonNode await(String path, Predicate<JsonNode> done) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        Awaitility.await(path).atMost(BOUND).pollInterval(Duration.ofMillis(25))
                .until(() -> {
                    ResponseEntity<String> response = http.getForEntity(path, String.class);
                    if (!response.getStatusCode().is2xxSuccessful()) {
                        return false;
                    }
                    last.set(json.readTree(response.getBody()));
                    return done.test(last.get());
                });
        return last.get();
    }

    private JsonNode get(String path) throws Exception {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private void post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        // a header cannot name the recorder: the signed-in user is recorded
        headers.set("X-Recorded-By", "system");
        ResponseEntity<String> response = carol.postForEntity(path, new HttpEntity<>(body, headers), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    }
}
