package io.sartracker.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sartracker.kernel.command.IssueSeries;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.Terms;
import io.sartracker.service.web.CommandSender;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Idempotency-Key over HTTP: a retried command is recorded once, a reused key with another request refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdempotencyHttpTest {
    private static final String ALLOT_5 = allot("H1", 5);

    private static String allot(String holder, int rights) {
        return "{\"holderId\": \"" + holder + "\", \"role\": \"DIRECTOR\", \"rights\": " + rights
                + ", \"allotmentDate\": \"2015-07-13\"}";
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("idempotency")::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    @Autowired
    CommandSender sender;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private HttpClientSupport http() {
        return new HttpClientSupport(port, TrackerTestSupport.basic(TrackerTestSupport.ADMIN,
                TrackerTestSupport.adminPassword(environment)));
    }

    private void issue(String series) {
        sender.send(new IssueSeries(SeriesId.of(series), IssuerId.of("IDEM-CO"), Terms.fifthSeries()), TrackerTestSupport.recorder("tester"));
    }

    private int events(String series, String type) {
        return jdbc.queryForObject("select count(*) from DomainEventEntry where aggregateIdentifier = ?"
                + " and payloadType like ?", Integer.class, series, "%" + type);
    }

    @Test
    void twentyIdenticalRequestsAtOnceRecordOneAllotmentAndAllGetTheFirstAnswer() throws Exception {
        issue("IDEM-1");
        int senders = 20;
        CountDownLatch ready = new CountDownLatch(senders);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < senders; i++) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return http().post("/series/IDEM-1/allotments", ALLOT_5, Map.of("Idempotency-Key", "allot-H1-once"));
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                responses.add(answer.get(30, TimeUnit.SECONDS));
            }

            assertThat(events("IDEM-1", "RightsAllotted")).as("one fact recorded").isEqualTo(1);
            assertThat(responses).as("every sender gets 201").allSatisfy(r -> assertThat(r.statusCode())
                    .as(r.body()).isEqualTo(201));
            List<HttpResponse<String>> first = responses.stream()
                    .filter(r -> r.headers().firstValue("Idempotency-Replayed").isEmpty()).toList();
            assertThat(first).as("exactly one answer is the original").hasSize(1);
            String body = first.get(0).body();
            assertThat(json.readTree(body).at("/events/0/payload/rights").asLong()).isEqualTo(5);
            assertThat(responses).allSatisfy(r -> {
                assertThat(r.body()).isEqualTo(body);
                assertThat(r.headers().firstValue("ETag")).hasValue("\"1\"");
            });
            assertThat(responses.stream().filter(r -> r.headers().firstValue("Idempotency-Replayed")
                    .orElse("").equals("true"))).hasSize(senders - 1);
        } finally {
            pool.shutdownNow();
        }
        JsonNode series = json.readTree(http().get("/series/IDEM-1").body());
        assertThat(series.get("allotted").asLong()).as("the holding has 5 rights, not 100").isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from idempotency_key where idempotency_key = ?",
                Integer.class, "allot-H1-once")).isEqualTo(1);
    }

    @Test
    void aKeyReusedForAnotherRequestIsRefusedAndNamesTheKey() throws Exception {
        issue("IDEM-2");
        HttpResponse<String> first = http().post("/series/IDEM-2/allotments", ALLOT_5, Map.of("Idempotency-Key", "k-2"));
        assertThat(first.statusCode()).isEqualTo(201);

        HttpResponse<String> otherBody = http().post("/series/IDEM-2/allotments", allot("H1", 6),
                Map.of("Idempotency-Key", "k-2"));
        assertThat(otherBody.statusCode()).isEqualTo(422);
        JsonNode problem = json.readTree(otherBody.body());
        assertThat(problem.get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(problem.at("/figures/idempotencyKey").asText()).isEqualTo("k-2");

        HttpResponse<String> otherPath = http().post("/series/IDEM-1/allotments", ALLOT_5, Map.of("Idempotency-Key", "k-2"));
        assertThat(otherPath.statusCode()).isEqualTo(422);
        assertThat(events("IDEM-2", "RightsAllotted")).isEqualTo(1);

        HttpResponse<String> again = http().post("/series/IDEM-2/allotments", ALLOT_5, Map.of("Idempotency-Key", "k-2"));
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(events("IDEM-2", "RightsAllotted")).isEqualTo(1);
    }

    @Test
    void malformedKeysAreBadRequests() throws Exception {
        issue("IDEM-3");
        for (String key : List.of("with space", "x".repeat(129), "")) {
            HttpResponse<String> answer = http().post("/series/IDEM-3/allotments", ALLOT_5, Map.of("Idempotency-Key", key));
            assertThat(answer.statusCode()).as(key).isEqualTo(400);
            assertThat(json.readTree(answer.body()).get("code").asText()).isEqualTo("INVALID_INPUT");
        }
        assertThat(http().post("/series/IDEM-3/allotments", ALLOT_5, Map.of("Idempotency-Key", "x".repeat(128)))
                .statusCode()).isEqualTo(201);
    }

    @Test
    void aRejectedCommandStoresNoKeyBecauseTheKeyIsWrittenInTheCommandsTransaction() throws Exception {
        issue("IDEM-4");
        String tooMany = allot("H1", 231);
        HttpResponse<String> rejected = http().post("/series/IDEM-4/allotments", tooMany, Map.of("Idempotency-Key", "k-4"));
        assertThat(rejected.statusCode()).isEqualTo(422);
        assertThat(json.readTree(rejected.body()).get("code").asText()).isEqualTo("MAXIMUM_RIGHTS_EXCEEDED");
        assertThat(jdbc.queryForObject("select count(*) from idempotency_key where idempotency_key = 'k-4'",
                Integer.class)).as("the key row inserted before the handler ran was rolled back with it").isZero();

        HttpResponse<String> accepted = http().post("/series/IDEM-4/allotments", ALLOT_5, Map.of("Idempotency-Key", "k-4"));
        assertThat(accepted.statusCode()).isEqualTo(201);
        Map<String, Object> row = jdbc.queryForMap("select status, etag, body from idempotency_key where idempotency_key = 'k-4'");
        assertThat(row.get("STATUS")).isEqualTo(201);
        assertThat(row.get("ETAG")).isEqualTo("\"1\"");
        assertThat(row.get("BODY")).isEqualTo(accepted.body());
    }

    @Test
    void issuingASeriesWithAKeyAnswersItsLocationAgain() throws Exception {
        String issue = "{\"seriesId\": \"IDEM-5\", \"issuerId\": \"IDEM-CO\", \"terms\": "
                + json.writeValueAsString(Terms.fifthSeries()) + "}";
        HttpResponse<String> first = http().post("/series", issue, Map.of("Idempotency-Key", "issue-5"));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.headers().firstValue("Location")).hasValue("/series/IDEM-5");
        assertThat(first.headers().firstValue("ETag")).hasValue("\"0\"");
        HttpResponse<String> again = http().post("/series", issue, Map.of("Idempotency-Key", "issue-5"));
        assertThat(again.statusCode()).as("not 409: the retry gets the first answer").isEqualTo(201);
        assertThat(again.headers().firstValue("Location")).hasValue("/series/IDEM-5");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(http().get("/series/IDEM-5").statusCode()).as("the Location exists").isEqualTo(200);
    }

    @Test
    void aLapseSweepWithAKeyIsAnsweredAgain() throws Exception {
        HttpResponse<String> first = http().post("/lapse-sweeps", "", Map.of("Idempotency-Key", "sweep-1"));
        assertThat(first.statusCode()).isEqualTo(200);
        HttpResponse<String> again = http().post("/lapse-sweeps", "", Map.of("Idempotency-Key", "sweep-1"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(http().post("/lapse-sweeps", "", Map.of("If-Match", "\"3\"")).statusCode()).isEqualTo(400);
    }

    @Test
    void aStaleIfMatchIsRefusedWithTheCurrentVersionAndTheCurrentOneAccepted() throws Exception {
        issue("IDEM-6");
        HttpResponse<String> read = http().get("/series/IDEM-6");
        assertThat(read.headers().firstValue("ETag")).hasValue("\"0\"");
        assertThat(json.readTree(read.body()).get("version").asLong()).isZero();
        HttpResponse<String> allotted = http().post("/series/IDEM-6/allotments", ALLOT_5, Map.of("If-Match", "\"0\""));
        assertThat(allotted.statusCode()).isEqualTo(201);
        assertThat(allotted.headers().firstValue("ETag")).hasValue("\"1\"");

        HttpResponse<String> stale = http().post("/series/IDEM-6/allotments", allot("H2", 5),
                Map.of("If-Match", "\"0\""));
        assertThat(stale.statusCode()).isEqualTo(412);
        JsonNode problem = json.readTree(stale.body());
        assertThat(problem.get("code").asText()).isEqualTo("VERSION_MISMATCH");
        assertThat(problem.at("/figures/expectedVersion").asLong()).isZero();
        assertThat(problem.at("/figures/currentVersion").asLong()).isEqualTo(1);
        assertThat(stale.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(events("IDEM-6", "RightsAllotted")).as("nothing recorded").isEqualTo(1);

        HttpResponse<String> staleAndAgainstTheRules = http().post("/series/IDEM-6/allotments",
                allot("H1", 300), Map.of("If-Match", "\"0\""));
        assertThat(staleAndAgainstTheRules.statusCode()).as("the stale version is said first").isEqualTo(412);
        assertThat(http().post("/series/IDEM-6/allotments", ALLOT_5, Map.of("If-Match", "\"9\"")).statusCode())
                .as("a version from the future").isEqualTo(412);

        HttpResponse<String> current = http().post("/series/IDEM-6/allotments", allot("H2", 5),
                Map.of("If-Match", "\"1\""));
        assertThat(current.statusCode()).isEqualTo(201);
        assertThat(current.headers().firstValue("ETag")).hasValue("\"2\"");

        assertThat(http().get("/series/IDEM-6").headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(http().get("/series/IDEM-6/events").headers().firstValue("ETag")).hasValue("\"2\"");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(http().get("/series/IDEM-6/register").headers().firstValue("ETag")).hasValue("\"2\""));
        assertThat(json.readTree(http().get("/series/IDEM-6/register").body()).get("version").asLong()).isEqualTo(2);
        assertThat(json.readTree(http().get("/series/IDEM-6").body()).get("allotted").asLong()).isEqualTo(10);
    }

    @Test
    void ifMatchMalformedOrOnIssuerWideCommandsIsABadRequest() throws Exception {
        issue("IDEM-7");
        for (String ifMatch : List.of("1", "W/\"1\"", "\"one\"", "\"0\", \"1\"")) {
            HttpResponse<String> answer = http().post("/series/IDEM-7/allotments", ALLOT_5, Map.of("If-Match", ifMatch));
            assertThat(answer.statusCode()).as(ifMatch).isEqualTo(400);
        }
        HttpResponse<String> any = http().post("/series/IDEM-7/allotments", ALLOT_5, Map.of("If-Match", "*"));
        assertThat(any.statusCode()).isEqualTo(201);
        HttpResponse<String> departure = http().post("/issuers/IDEM-CO/departures",
                "{\"holderId\": \"H1\", \"departureDate\": \"2020-01-31\", \"reason\": \"RETIREMENT\"}",
                Map.of("If-Match", "\"1\""));
        assertThat(departure.statusCode()).isEqualTo(400);
        assertThat(json.readTree(departure.body()).at("/figures/header").asText()).isEqualTo("If-Match");
        assertThat(events("IDEM-7", "HolderLeftOffice")).isZero();
    }
}
