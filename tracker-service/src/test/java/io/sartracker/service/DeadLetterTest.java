package io.sartracker.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event the register projection cannot fold goes to the dead-letter queue, and the events after
 * it still reach the views. Here the poison is made by test means: the stored register of series
 * POISONED is overwritten with text that is not a document (and another version, so that the document kept in
 * memory is set aside), so its next event finds a register it cannot read, with a cause whose message (259
 * characters) the dead-letter table held only once V28 widened it. A missing register is no poison: the
 * projection folds the series from the event store (RebuildWritesTest). Once the row is back, an operator's retry
 * folds the dead letter in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeadLetterTest {
    private static final Duration BOUND = Duration.ofSeconds(15);

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("dead-letter")::toString);
    }

    TestRestTemplate http;

    @Autowired
    void signIn(TestRestTemplate anonymous, Environment environment) {
        http = TrackerTestSupport.asAdmin(anonymous, environment);
    }
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void aPoisonedEventIsDeadLetteredLaterEventsReachTheViewsAndARetryFoldsItIn() throws Exception {
        issue("POISONED");
        issue("HEALTHY");
        await("/series/POISONED/register", register -> register.at("/seriesId").asText().equals("POISONED"));
        Map<String, Object> register = jdbc.queryForMap("select * from series_view where series_id = 'POISONED'");
        jdbc.update("update series_view set document = 'not a document', version = version + 1"
                + " where series_id = 'POISONED'");

        allot("POISONED", "P1", 5);
        JsonNode letters = await("/dead-letters/register", list -> list.size() == 1);
        assertThat(letters.at("/0/seriesId").asText()).isEqualTo("POISONED");
        assertThat(letters.at("/0/eventType").asText()).isEqualTo("RightsAllotted");
        assertThat(letters.at("/0/causeType").asText()).isEqualTo(UncheckedIOException.class.getName());
        assertThat(letters.at("/0/causeMessage").asText()).contains("Unrecognized token 'not'");

        allot("HEALTHY", "H1", 7);
        JsonNode healthy = await("/series/HEALTHY/register", r -> r.at("/allotted").asLong() == 7);
        assertThat(healthy.at("/holders/0/holderId").asText()).as("a later event reached the views").isEqualTo("H1");
        int events = jdbc.queryForObject("select count(*) from DomainEventEntry", Integer.class);
        await("/audit?size=1", audit -> audit.at("/total").asInt() == events);

        JsonNode health = await("/actuator/health", h -> h.at("/components/deadLetters/status").asText()
                .equals("DEGRADED"));
        assertThat(health.at("/components/deadLetters/details/register").asLong()).isEqualTo(1);
        assertThat(health.at("/components/deadLetters/details/audit").asLong()).isZero();
        JsonNode gauge = get("/actuator/metrics/tracker.dead.letters?tag=processing_group:register");
        assertThat(gauge.at("/measurements/0/value").asDouble()).isEqualTo(1.0);

        JsonNode failedRetry = post("/dead-letters/register/retries");
        assertThat(failedRetry.at("/sequencesHandled").asInt()).as("the cause is not mended yet").isZero();
        assertThat(failedRetry.at("/lettersLeft").asLong()).isEqualTo(1);

        jdbc.update("update series_view set document = ?, version = ? where generation = ? and series_id = ?",
                register.get("DOCUMENT"), register.get("VERSION"), register.get("GENERATION"), register.get("SERIES_ID"));
        JsonNode retry = post("/dead-letters/register/retries");
        assertThat(retry.at("/sequencesHandled").asInt()).isEqualTo(1);
        assertThat(retry.at("/lettersLeft").asLong()).isZero();
        JsonNode poisoned = get("/series/POISONED/register");
        assertThat(poisoned.at("/allotted").asLong()).as("the retried event is folded in").isEqualTo(5);
        assertThat(get("/dead-letters").at("/register")).isEmpty();
        assertThat(get("/actuator/health").at("/components/deadLetters/status").asText()).isEqualTo("UP");

        ResponseEntity<String> unknown = http.postForEntity("/dead-letters/nope/retries", null, String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json.readTree(unknown.getBody()).at("/code").asText()).isEqualTo("UNKNOWN_PROCESSING_GROUP");
    }

    private void issue(String series) {
        send("/series", TrackerTestSupport.issueSeriesBody(series, "DLQ"));
    }

    private void allot(String series, String holder, int rights) {
        send("/series/" + series + "/allotments", "{\"holderId\":\"" + holder + "\",\"role\":\"DIRECTOR\",\"rights\":"
                + rights + ",\"allotmentDate\":\"2015-07-13\"}");
    }

    private void send(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private JsonNode post(String path) throws Exception {
        ResponseEntity<String> response = http.postForEntity(path, null, String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private JsonNode get(String path) throws Exception {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private JsonNode await(String path, Predicate<JsonNode> done) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        Awaitility.await(path).atMost(BOUND).pollInterval(Duration.ofMillis(20)).until(() -> {
            ResponseEntity<String> response = http.getForEntity(path, String.class);
            if (!response.getStatusCode().is2xxSuccessful()) {
                return false;
            }
            last.set(json.readTree(response.getBody()));
            return done.test(last.get());
        });
        return last.get();
    }
}
