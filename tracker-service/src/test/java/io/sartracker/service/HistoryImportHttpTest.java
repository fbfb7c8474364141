package io.sartracker.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sartracker.command.directory.SeriesDirectory;
import io.sartracker.service.reference.ReferenceHistoryLoader;
import io.sartracker.service.web.CommandSender;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Importing past history over HTTP on an H2 file: the reference history as a CSV gives the loader's events;
 * a refused line in the middle records nothing and is named; the same file twice records once; a dry run
 * decides each line against what the lines before it would record and records nothing; a long file shows
 * its progress while it runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HistoryImportHttpTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("history-import")::toString);
    }

    /** An equity administrator, who may import. */
    TestRestTemplate alice;
    /** A reporting user, who may not. */
    TestRestTemplate reporter;

    @Autowired
    void signIn(TestRestTemplate anonymous, Environment environment) {
        alice = TrackerTestSupport.asUser(anonymous, environment, "alice", "EQUITY_ADMINISTRATOR");
        reporter = TrackerTestSupport.asUser(anonymous, environment, "rita", "REPORTING");
    }

    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    CommandSender sender;
    @Autowired
    SeriesDirectory directory;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    @Order(1)
    void theReferenceHistoryAsCsvGivesTheSameEventsAsTheLoader() throws Exception {
        // The loader's events, recorded in a transaction that is then rolled back: the store stays empty.
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        Map<String, List<String>> loaded = rolledBack.execute(tx -> {
            new ReferenceHistoryLoader(sender, directory).run(null);
            Map<String, List<String>> events = eventsByAggregate();
            tx.setRollbackOnly();
            return events;
        });
        assertThat(loaded).containsKey("IIJ-SAR-5");
        assertThat(eventCount()).isZero();

        JsonNode outcome = importAndWait("reference-history.csv", resource("reference-history.csv"), false);

        assertThat(outcome.path("state").asText()).as(outcome.toString()).isEqualTo("RECORDED");
        assertThat(outcome.path("linesTotal").asInt()).isEqualTo(23);
        assertThat(outcome.path("factsRecorded").asInt()).isEqualTo(23);
        assertThat(outcome.path("format").asText()).isEqualTo("CSV");
        assertThat(outcome.path("errors").size()).isZero();
        assertThat(eventsByAggregate()).isEqualTo(loaded);
        assertThat(outcome.path("eventsRecorded").asLong()).isEqualTo(eventCount());
    }

    @Test
    @Order(2)
    void theSameFileImportedTwiceRecordsOnce() throws Exception {
        long before = eventCount();
        String first = jdbc.queryForObject("select import_id from history_import_file", String.class);

        JsonNode again = importAndWait("a copy.csv", resource("reference-history.csv"), false);

        assertThat(again.path("state").asText()).isEqualTo("ALREADY_IMPORTED");
        assertThat(again.path("earlierImportId").asText()).isEqualTo(first);
        assertThat(again.path("factsRecorded").asInt()).isZero();
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void aRefusedLineInTheMiddleRecordsNothingAndIsNamed() throws Exception {
        long before = eventCount();
        String file = """
                {"factKind": "issue-series", %s}
                {"factKind": "allotment", "seriesId": "B-1", "holderId": "P1", "role": "DIRECTOR", "rights": 10, "allotmentDate": "2015-07-13"}
                {"factKind": "exercise", "seriesId": "B-1", "holderId": "P1", "exerciseDate": "2016-01-05", "rights": 1}

                {"factKind": "allotment", "seriesId": "B-1", "holderId": "P2", "role": "DIRECTOR", "rights": 10, "allotmentDate": "2015-07-13"}
                {"factKind": "departure", "issuerId": "BI", "holderId": "P2", "departureDate": "2016-02-01", "reason": "RESIGNATION"}
                """.formatted(issueFields("B-1", "BI"));

        JsonNode outcome = importAndWait("bad.jsonl", file.getBytes(StandardCharsets.UTF_8), false);

        assertThat(outcome.path("state").asText()).isEqualTo("REJECTED");
        assertThat(outcome.path("format").asText()).isEqualTo("JSON_LINES");
        assertThat(outcome.path("errorCount").asInt()).as(outcome.toString()).isEqualTo(1);
        JsonNode error = outcome.path("errors").get(0);
        assertThat(error.path("line").asInt()).isEqualTo(3);
        assertThat(error.path("code").asText()).isEqualTo("HOLDER_IN_OFFICE");
        assertThat(error.path("detail").asText()).contains("P1");
        assertThat(error.path("figures").path("rightsHeld").asInt()).isEqualTo(10);
        assertThat(outcome.path("factsRecorded").asInt()).isZero();
        assertThat(eventCount()).as("nothing of the file is recorded").isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from series_directory where series_id = 'B-1'", Long.class))
                .isZero();
    }

    @Test
    @Order(4)
    void aDryRunDecidesEachLineAgainstTheLinesBeforeItAndRecordsNothing() throws Exception {
        long before = eventCount();
        // Out of date order on purpose: the departure (2016) is decided after the allotment (2015); the
        // exercise on day 11 after it is outside the window, a later line exceeds the maximum of 230, and
        // one line is not a fact at all.
        String file = """
                factKind,seriesId,issuerId,holderId,role,rights,allotmentDate,departureDate,reason,exerciseDate,%s
                departure,,DI,Q1,,,,2016-03-01,RETIREMENT,,%s
                issue-series,D-1,DI,,,,,,,,%s
                allotment,D-1,,Q1,DIRECTOR,200,2015-07-13,,,,%s
                exercise,D-1,,Q1,,5,,,,2016-03-05,%s
                exercise,D-1,,Q1,,1,,,,2016-03-12,%s
                allotment,D-1,,Q2,DIRECTOR,31,2015-07-13,,,,%s
                vesting,D-1,,Q2,,,,,,,%s
                """.formatted(TERMS_HEADER, NO_TERMS, termsCells("D-1 series", "DI Inc."), NO_TERMS, NO_TERMS, NO_TERMS,
                NO_TERMS, NO_TERMS);

        JsonNode outcome = importAndWait("dry.csv", file.getBytes(StandardCharsets.UTF_8), true);

        assertThat(outcome.path("state").asText()).isEqualTo("REJECTED");
        assertThat(outcome.path("dryRun").asBoolean()).isTrue();
        List<String> refused = new ArrayList<>();
        outcome.path("errors").forEach(e -> refused.add(e.path("line").asInt() + " " + e.path("code").asText()));
        assertThat(refused).containsExactly("6 OUTSIDE_EXERCISE_WINDOW", "7 MAXIMUM_RIGHTS_EXCEEDED",
                "8 INVALID_INPUT");
        JsonNode window = outcome.path("errors").get(0).path("figures");
        assertThat(window.toString()).contains("2016-03-02").contains("2016-03-11");
        assertThat(outcome.path("errors").get(1).path("figures").path("rightsLeft").asInt()).isEqualTo(30);
        assertThat(eventCount()).as("a dry run records nothing").isEqualTo(before);

        JsonNode valid = importAndWait("dry-valid.csv", file.lines().limit(5).reduce((a, b) -> a + "\n" + b)
                .orElseThrow().getBytes(StandardCharsets.UTF_8), true);
        assertThat(valid.path("state").asText()).as(valid.toString()).isEqualTo("VALID");
        assertThat(valid.path("factsRecorded").asInt()).isZero();
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    @Order(5)
    void aLongFileShowsItsProgressWhileItRuns() throws Exception {
        int holders = 2_000;
        byte[] file = GeneratedHistory.csv(20, holders / 20);
        ResponseEntity<String> started = post("long.csv", file, false, alice);
        assertThat(started.getStatusCode().value()).isEqualTo(202);
        String id = json.readTree(started.getBody()).path("importId").asText();
        assertThat(started.getHeaders().getLocation()).hasToString("/imports/" + id);

        AtomicReference<JsonNode> midwayStatus = new AtomicReference<>();
        JsonNode status = await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode now = json.readTree(alice.getForEntity("/imports/" + id, String.class).getBody());
            int done = now.path("linesDone").asInt();
            if (now.path("state").asText().equals("RUNNING") && done > 0 && done < now.path("linesTotal").asInt()) {
                midwayStatus.set(now);
            }
            return now;
        }, now -> !now.path("state").asText().equals("RUNNING"));
        JsonNode midway = midwayStatus.get();

        assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("RECORDED");
        assertThat(status.path("factsRecorded").asInt()).isEqualTo(GeneratedHistory.lines(20, holders / 20));
        assertThat(midway).as("a status read while the import ran").isNotNull();
        assertThat(midway.path("factsPerSecond").asDouble()).isPositive();
        assertThat(midway.has("secondsLeft")).isTrue();
        // Each series passed the snapshot threshold during the import; its snapshot is taken once the import
        // has committed (before, the snapshot thread looked for the events while the import's transaction was open).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(distinct aggregateIdentifier) from SnapshotEventEntry where aggregateIdentifier like 'G-%'",
                Integer.class)).isEqualTo(20));
        System.out.printf("imported %d facts at %.0f facts a second%n", status.path("linesTotal").asInt(),
                status.path("factsPerSecond").asDouble());
    }

    @Test
    @Order(6)
    void onlyEquityAdministratorsImportAndAnUnknownImportIs404() throws Exception {
        assertThat(post("x.csv", "factKind\n".getBytes(StandardCharsets.UTF_8), true, reporter).getStatusCode().value())
                .isEqualTo(403);
        ResponseEntity<String> unknown = alice.getForEntity("/imports/no-such-import", String.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(json.readTree(unknown.getBody()).path("code").asText()).isEqualTo("UNKNOWN_IMPORT");
        ResponseEntity<String> empty = post("empty.csv", new byte[0], true, alice);
        assertThat(empty.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(empty.getBody()).path("code").asText()).isEqualTo("INVALID_INPUT");
        JsonNode badHeader = importAndWait("header.csv", "factKind,colour\nallotment,red\n"
                .getBytes(StandardCharsets.UTF_8), true);
        assertThat(badHeader.path("state").asText()).isEqualTo("REJECTED");
        assertThat(badHeader.path("errors").get(0).path("line").asInt()).isEqualTo(1);
        assertThat(badHeader.path("errors").get(0).path("detail").asText()).contains("colour");
    }

    @Test
    @Order(7)
    void whileAnImportRecordsEveryOtherCommandIsRefusedAndTheViewsTakeInEveryImportedEvent() throws Exception {
        byte[] file = GeneratedHistory.csv("X", 30, 100);
        ResponseEntity<String> started = post("exclusive.csv", file, false, alice);
        String id = json.readTree(started.getBody()).path("importId").asText();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(
                () -> json.readTree(alice.getForEntity("/imports/" + id, String.class).getBody()),
                now -> now.path("linesDone").asInt() > 0 || !now.path("state").asText().equals("RUNNING"));
        long before = eventCount();

        ResponseEntity<String> refused = alice.postForEntity("/series", jsonBody(
                TrackerTestSupport.issueSeriesBody("DURING-1", "DURING-CO")), String.class);

        JsonNode status = json.readTree(alice.getForEntity("/imports/" + id, String.class).getBody());
        assertThat(status.path("state").asText()).as("the import still ran when the command came").isEqualTo("RUNNING");
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(503);
        JsonNode problem = json.readTree(refused.getBody());
        assertThat(problem.path("code").asText()).isEqualTo("IMPORT_IN_PROGRESS");
        assertThat(problem.path("detail").asText()).contains("import");
        assertThat(problem.path("figures").path("importId").asText()).isEqualTo(id);
        assertThat(Long.parseLong(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isPositive();

        JsonNode outcome = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(
                () -> json.readTree(alice.getForEntity("/imports/" + id, String.class).getBody()),
                now -> !now.path("state").asText().equals("RUNNING"));
        assertThat(outcome.path("state").asText()).as(outcome.toString()).isEqualTo("RECORDED");
        assertThat(eventCount()).isEqualTo(before + outcome.path("eventsRecorded").asLong());
        assertThat(jdbc.queryForObject("select count(*) from import_exclusive", Long.class)).isZero();
        assertThat(alice.postForEntity("/series", jsonBody(TrackerTestSupport.issueSeriesBody("DURING-1",
                "DURING-CO")), String.class).getStatusCode().value()).isEqualTo(201);
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class)).isEqualTo(eventCount());
            assertThat(jdbc.queryForObject("select count(*) from holding_view where series_id like 'X-%'",
                    Long.class)).isEqualTo(30L * 100);
        });
    }

    @Test
    @Order(8)
    void anImportLeftRunningByAStoppedServiceIsMarkedInterrupted() throws Exception {
        jdbc.update("insert into history_import (import_id, file_name, sha256, file_format, dry_run, state, lines_total,"
                + " lines_done, facts_recorded, events_recorded, error_count, recorded_by, started_at, lease_until)"
                + " values ('stopped-import', 'old.csv', 'ab', 'CSV', false, 'RUNNING', 10, 4, 0, 0, 0, 'alice',"
                + " current_timestamp - interval '2' hour, current_timestamp - interval '1' hour)");

        JsonNode status = json.readTree(alice.getForEntity("/imports/stopped-import", String.class).getBody());

        assertThat(status.path("state").asText()).isEqualTo("INTERRUPTED");
        assertThat(status.path("finishedAt").isMissingNode()).isFalse();
    }

    static HttpEntity<String> jsonBody(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    static final String TERMS_HEADER = "terms.name,terms.issuerName,terms.resolutionDate,terms.maximumRights,"
            + "terms.sharesPerRightAtIssue,terms.exercisePricePerShare,terms.exercisePeriod.firstDay,"
            + "terms.exercisePeriod.lastDay,terms.allotmentDate,terms.windowAfterLeavingOfficeDays,"
            + "terms.heirWindowMonths";
    static final String NO_TERMS = ",,,,,,,,,,";

    static String termsCells(String name, String issuerName) {
        return name + "," + issuerName + ",2015-06-26,230,200,1,2015-07-14,2045-07-13,2015-07-13,10,6";
    }

    static String issueFields(String seriesId, String issuerId) {
        return ("\"seriesId\": \"%s\", \"issuerId\": \"%s\", \"terms\": {\"name\": \"Series %s\","
                + " \"issuerName\": \"%s Inc.\", \"resolutionDate\": \"2015-06-26\", \"maximumRights\": 230,"
                + " \"sharesPerRightAtIssue\": 200, \"exercisePricePerShare\": 1, \"exercisePeriod\":"
                + " {\"firstDay\": \"2015-07-14\", \"lastDay\": \"2045-07-13\"}, \"allotmentDate\": \"2015-07-13\","
                + " \"windowAfterLeavingOfficeDays\": 10, \"heirWindowMonths\": 6}")
                .formatted(seriesId, issuerId, seriesId, issuerId);
    }

    JsonNode importAndWait(String name, byte[] file, boolean dryRun) throws Exception {
        ResponseEntity<String> started = post(name, file, dryRun, alice);
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(202);
        String id = json.readTree(started.getBody()).path("importId").asText();
        JsonNode status = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(
                () -> json.readTree(alice.getForEntity("/imports/" + id, String.class).getBody()),
                now -> !now.path("state").asText().equals("RUNNING"));
        return status;
    }

    ResponseEntity<String> post(String name, byte[] file, boolean dryRun, TestRestTemplate as) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as.postForEntity("/imports?dryRun=" + dryRun, new HttpEntity<>(parts, headers), String.class);
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = HistoryImportHttpTest.class.getResourceAsStream("/imports/" + name)) {
            return in.readAllBytes();
        }
    }

    long eventCount() {
        return jdbc.queryForObject("select count(*) from DomainEventEntry", Long.class);
    }

    /** Every stream's events in order: type and payload, as JSON. */
    Map<String, List<String>> eventsByAggregate() {
        Map<String, List<String>> events = new LinkedHashMap<>();
        for (String aggregate : jdbc.queryForList("select distinct aggregateIdentifier from DomainEventEntry"
                + " order by aggregateIdentifier", String.class)) {
            List<String> stream = new ArrayList<>();
            eventStore.readEvents(aggregate).asStream().map(DomainEventMessage.class::cast).forEach(event -> {
                try {
                    stream.add(event.getPayloadType().getSimpleName() + " " + json.writeValueAsString(event.getPayload()));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            events.put(aggregate, stream);
        }
        return events;
    }
}
