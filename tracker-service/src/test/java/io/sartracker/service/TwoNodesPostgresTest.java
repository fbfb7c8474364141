package io.sartracker.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes of the tracker (two Spring applications in this JVM) on one real PostgreSQL database.
 * More than a thousand commands spread over both, half of them in pairs racing on the same holding (one
 * to each node at the same moment): every rule still holds, exactly one of each pair succeeds and the
 * other gets 409 or the rule's 422, never a 500. The projections' two segments spread over the two
 * nodes; a rebuild asked of one node is carried out across both, and its documents are byte for byte those
 * folded live; then a node stops and the other takes its segments over.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesPostgresTest {
    private static final int SERIES = 10;
    private static final int HOLDERS = 26;
    private static final int RIGHTS = 4;
    private static final Duration BOUND = Duration.ofSeconds(120);
    private static final Duration POLL = Duration.ofMillis(100);

    private final ObjectMapper json = new ObjectMapper();
    private final Path dataDir = TrackerTestSupport.freshDataDir("two-nodes");
    private String databaseUrl;
    private JdbcTemplate jdbc;
    private InProcessNode a;
    private InProcessNode b;
    private final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger commands = new AtomicInteger();
    private final AtomicInteger racingCommands = new AtomicInteger();
    private final AtomicInteger retriesAfter409 = new AtomicInteger();

    @BeforeAll
    void startTwoNodes() {
        databaseUrl = TestPostgres.newDatabase("two_nodes");
        jdbc = new JdbcTemplate(new DriverManagerDataSource(databaseUrl, TestPostgres.USER, TestPostgres.PASSWORD));
        // one after the other: the first creates the administrator and writes its password to the shared folder
        a = InProcessNode.start("node-a", databaseUrl, dataDir, null, "--tracker.lapse-sweep.check-interval=PT12H");
        b = InProcessNode.start("node-b", databaseUrl, dataDir, null, "--tracker.lapse-sweep.check-interval=PT12H");
    }

    @AfterAll
    void stop() {
        for (InProcessNode node : new InProcessNode[]{a, b}) {
            if (node != null && node.context().isActive()) {
                node.close();
            }
        }
    }

    private InProcessNode node(int i) {
        return i % 2 == 0 ? a : b;
    }

    private static String series(int s) {
        return "RACE-S" + s;
    }

    private static String holder(int s, int h) {
        return "S" + s + "H" + h;
    }

    @Test
    @Order(1)
    void aThousandCommandsOverTwoNodesHalfRacingOnTheSameHoldings() throws Exception {
        long started = System.nanoTime();
        // One worker per series, all at once: each series' commands in order, a racing pair to both nodes at once.
        runPerSeries(s -> {
            single(node(s), "/series", TrackerTestSupport.issueSeriesBody(series(s), "RACE-I" + s));
            for (int h = 0; h < HOLDERS; h++) {
                single(node(s + h), "/series/" + series(s) + "/allotments", "{\"holderId\":\"" + holder(s, h)
                        + "\",\"role\":\"DIRECTOR\",\"rights\":" + RIGHTS + ",\"allotmentDate\":\"2015-07-13\"}");
            }
            for (int h = 0; h < HOLDERS; h++) {
                String departure = "{\"holderId\":\"" + holder(s, h)
                        + "\",\"departureDate\":\"2023-06-23\",\"reason\":\"RETIREMENT\"}";
                String path = "/issuers/RACE-I" + s + "/departures";
                if (h % 2 == 0) {
                    race(path, departure, "departure of " + holder(s, h));
                } else {
                    single(node(s + h), path, departure);
                }
            }
            for (int h = 0; h < HOLDERS; h++) {
                String exercise = "{\"holderId\":\"" + holder(s, h) + "\",\"exerciseDate\":\"2023-06-30\",\"rights\":"
                        + RIGHTS + "}";
                String path = "/series/" + series(s) + "/exercises";
                if (h % 2 == 1) {
                    race(path, exercise, "exercise of " + holder(s, h));
                } else {
                    single(node(s + h), path, exercise);
                }
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("TwoNodes: %d commands (%d in racing pairs) in %.1f s over two nodes; statuses %s;"
                + " %d retries of a single command after 409%n", commands.get(), racingCommands.get(), seconds,
                new TreeMap<>(statuses), retriesAfter409.get());
        assertThat(commands.get()).isGreaterThanOrEqualTo(1_000);
        assertThat(racingCommands.get() * 2).isGreaterThanOrEqualTo(commands.get() - 10);
        assertThat(statuses.keySet()).as("no answer but 201, 409 and 422").allMatch(s ->
                s.startsWith("201") || s.startsWith("409") || s.startsWith("422"));

        // Every rule still holds, read from the events of each series.
        for (int s = 0; s < SERIES; s++) {
            JsonNode events = json(a.get("/series/" + series(s) + "/events"));
            Map<String, Integer> perType = new TreeMap<>();
            Map<String, Integer> exercisedPerHolder = new HashMap<>();
            Map<String, Integer> departuresPerHolder = new HashMap<>();
            long allotted = 0;
            for (JsonNode event : events) {
                String type = event.at("/type").asText();
                perType.merge(type, 1, Integer::sum);
                String holder = event.at("/payload/holderId").asText();
                switch (type) {
                    case "RightsAllotted" -> allotted += event.at("/payload/rights").asLong();
                    case "RightsExercised" -> exercisedPerHolder.merge(holder, event.at("/payload/rights").asInt(),
                            Integer::sum);
                    case "HolderLeftOffice" -> departuresPerHolder.merge(holder, 1, Integer::sum);
                    default -> {
                    }
                }
            }
            assertThat(allotted).as(series(s) + ": allotted within the maximum").isEqualTo((long) HOLDERS * RIGHTS)
                    .isLessThanOrEqualTo(230);
            assertThat(departuresPerHolder).as(series(s) + ": each holder left office once").hasSize(HOLDERS)
                    .allSatisfy((h, n) -> assertThat(n).as(h).isEqualTo(1));
            assertThat(exercisedPerHolder).as(series(s) + ": each holder exercised every right once, no more")
                    .hasSize(HOLDERS).allSatisfy((h, n) -> assertThat(n).as(h).isEqualTo(RIGHTS));
            assertThat(perType).containsEntry("SeriesIssued", 1).containsEntry("RightsAllotted", HOLDERS);
        }

        // The projections on both nodes take in every event, and answer alike.
        long events = jdbc.queryForObject("select count(*) from DomainEventEntry", Long.class);
        awaitViews(events);
        for (int s = 0; s < SERIES; s++) {
            String path = "/series/" + series(s) + "/register";
            JsonNode onA = json(a.get(path));
            assertThat(onA.at("/exercised").asLong()).isEqualTo((long) HOLDERS * RIGHTS);
            assertThat(onA.at("/outstanding").asLong()).isZero();
            assertThat(json(b.get(path))).as(path + " on both nodes").isEqualTo(onA);
        }
    }

    @Test
    @Order(2)
    void oneIdempotencyKeySentToBothNodesAtOnceRecordsOneFactAndBothGetTheSameAnswer() throws Exception {
        for (int i = 0; i < 10; i++) {
            String body = "{\"holderId\":\"IDEM" + i + "\",\"role\":\"DIRECTOR\",\"rights\":1,"
                    + "\"allotmentDate\":\"2015-07-13\"}";
            String key = "two-nodes-key-" + i;
            var onA = a.postAsync("/series/" + series(0) + "/allotments", body, "Idempotency-Key", key);
            var onB = b.postAsync("/series/" + series(0) + "/allotments", body, "Idempotency-Key", key);
            HttpResponse<String> first = onA.join();
            HttpResponse<String> second = onB.join();
            assertThat(List.of(first.statusCode(), second.statusCode())).as(first.body() + " / " + second.body())
                    .containsOnly(201);
            assertThat(second.body()).as("the same answer from both nodes").isEqualTo(first.body());
            String holder = "IDEM" + i;
            JsonNode events = json(a.get("/series/" + series(0) + "/events"));
            assertThat(java.util.stream.StreamSupport.stream(events.spliterator(), false)
                    .filter(event -> holder.equals(event.at("/payload/holderId").asText())).count())
                    .as(holder + " recorded once").isEqualTo(1);
        }
    }

    @Test
    @Order(3)
    void aRebuildAskedOnTheNodeWithoutTheSegmentsIsCarriedOutAcrossBothAndFoldsTheSameBytes() throws Exception {
        long events = jdbc.queryForObject("select count(*) from DomainEventEntry", Long.class);
        awaitViews(events);
        Map<String, String> documents = documents();
        List<Map<String, Object>> holdings = rows("holding_view", "register", "series_id, holder_id");
        List<Map<String, Object>> audit = rows("audit_entry", "audit", "global_index");
        assertThat(audit).hasSize((int) events);

        // The nodes share the segments: each holds its share (one of two), so neither could reset them alone.
        Awaitility.await("the segments are spread over both nodes").atMost(BOUND).pollInterval(POLL)
                .until(() -> owners("register").size() == 2 && owners("audit").size() == 2);
        System.out.printf("TwoNodes: segments of register %s, of audit %s; the rebuild is asked of %s%n",
                segments("register"), segments("audit"), b.name());
        long started = System.nanoTime();
        HttpResponse<String> asked = b.post("/projections/rebuild", "");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        for (InProcessNode node : List.of(a, b)) {
            JsonNode progress = json(node.get("/projections/rebuild"));
            assertThat(progress).as("the progress is readable on " + node.name()).hasSize(2);
        }
        Awaitility.await("the rebuild is done, as both nodes tell").atMost(BOUND).pollInterval(POLL).until(() -> {
            for (InProcessNode node : List.of(a, b)) {
                for (JsonNode projection : json(node.get("/projections/rebuild"))) {
                    if (projection.at("/rebuilding").asBoolean() || projection.at("/activeGeneration").asInt() != 2) {
                        return false;
                    }
                }
            }
            return true;
        });
        System.out.printf("TwoNodes: rebuilt %d events across both nodes in %.1f s%n", events,
                (System.nanoTime() - started) / 1e9);
        assertThat(documents()).as("the rebuilt documents, byte for byte those folded live").isEqualTo(documents);
        assertThat(rows("holding_view", "register", "series_id, holder_id")).isEqualTo(holdings);
        assertThat(rows("audit_entry", "audit", "global_index")).isEqualTo(audit);

        // both nodes are processing again: a new command reaches the views
        HttpResponse<String> more = a.post("/series", TrackerTestSupport.issueSeriesBody("AFTER-REBUILD", "RACE-X"));
        assertThat(more.statusCode()).isEqualTo(201);
        Awaitility.await("a command after the rebuild shows").atMost(BOUND).pollInterval(POLL)
                .until(() -> b.get("/series/AFTER-REBUILD/register").statusCode() == 200
                        && json(b.get("/audit?seriesId=AFTER-REBUILD")).at("/total").asInt() == 1);
    }

    @Test
    @Order(4)
    void whenTheNodeHoldingTheSegmentsStopsTheOtherTakesThemOver() throws Exception {
        Awaitility.await("the segments are spread over both nodes").atMost(BOUND).pollInterval(POLL)
                .until(() -> owners("register").size() == 2 && owners("audit").size() == 2);
        InProcessNode holding = a;
        InProcessNode survivor = b;
        long stopped = System.nanoTime();
        holding.close();
        double closing = (System.nanoTime() - stopped) / 1e9;
        HttpResponse<String> issued = survivor.post("/series", TrackerTestSupport.issueSeriesBody("FAILOVER",
                "RACE-F"));
        assertThat(issued.statusCode()).isEqualTo(201);
        Awaitility.await("the survivor claims the segments and folds the new series").atMost(BOUND).pollInterval(POLL)
                .until(() -> owners("register").equals(java.util.Set.of(survivor.name()))
                        && owners("audit").equals(java.util.Set.of(survivor.name()))
                        && survivor.get("/series/FAILOVER/register").statusCode() == 200
                        && json(survivor.get("/audit?seriesId=FAILOVER")).at("/total").asInt() == 1);
        System.out.printf("TwoNodes: %s stopped (closing took %.1f s); %s took over every segment of both projections"
                + " %.1f s after the stop began%n", holding.name(), closing, survivor.name(),
                (System.nanoTime() - stopped) / 1e9);
    }

    /** The nodes holding a claim on a segment of the processor (a segment unclaimed counts as ""). */
    private java.util.Set<String> owners(String processor) {
        return new java.util.TreeSet<>(jdbc.queryForList("select coalesce(owner, '') from TokenEntry"
                + " where processorName = ?", String.class, processor));
    }

    private Map<Integer, String> segments(String processor) {
        Map<Integer, String> segments = new TreeMap<>();
        jdbc.query("select segment, owner from TokenEntry where processorName = ?", rs -> {
            segments.put(rs.getInt(1), rs.getString(2));
        }, processor);
        return segments;
    }

    private Map<String, String> documents() {
        Map<String, String> documents = new TreeMap<>();
        jdbc.query("select series_id, document from series_view where generation = (select active_generation"
                + " from projection_generation where projection = 'register')", rs -> {
            documents.put(rs.getString(1), rs.getString(2));
        });
        return documents;
    }

    private List<Map<String, Object>> rows(String table, String projection, String orderBy) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from " + table + " where generation ="
                + " (select active_generation from projection_generation where projection = ?) order by " + orderBy,
                projection);
        rows.forEach(row -> row.remove("generation"));
        return rows;
    }

    /** Both nodes' views hold every stored event: the audit trail has a row for each, the registers are current. */
    private void awaitViews(long events) {
        Awaitility.await("the views took in all " + events + " events").atMost(BOUND).pollInterval(POLL)
                .until(() -> json(a.get("/audit?size=1")).at("/total").asLong() == events
                        && json(b.get("/audit?size=1")).at("/total").asLong() == events
                        && jdbc.queryForObject("select count(*) from series_view where generation = (select"
                        + " active_generation from projection_generation where projection = 'register') and version"
                        + " = (select max(sequenceNumber) from DomainEventEntry where aggregateIdentifier = series_id)",
                        Long.class) == jdbc.queryForObject("select count(*) from series_view where generation = (select"
                        + " active_generation from projection_generation where projection = 'register')", Long.class));
    }

    private interface SeriesWork {
        void run(int series) throws Exception;
    }

    private void runPerSeries(SeriesWork work) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(SERIES);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int s = 0; s < SERIES; s++) {
                int series = s;
                done.add(workers.submit(() -> {
                    work.run(series);
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            workers.shutdownNow();
        }
    }

    /** One command to one node; a 409 (another command on the series at that moment) is sent again. */
    private void single(InProcessNode node, String path, String body) {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = node.post(path, body);
            commands.incrementAndGet();
            count(response);
            if (response.statusCode() == 409 && attempt < 5) {
                retriesAfter409.incrementAndGet();
                continue;
            }
            assertThat(response.statusCode()).as(path + " " + body + ": " + response.body()).isEqualTo(201);
            return;
        }
    }

    /** The same command to both nodes at once: exactly one succeeds, the other is refused with 409 or 422. */
    private void race(String path, String body, String what) {
        var onA = a.postAsync(path, body);
        var onB = b.postAsync(path, body);
        List<HttpResponse<String>> answers = List.of(onA.join(), onB.join());
        commands.addAndGet(2);
        racingCommands.addAndGet(2);
        answers.forEach(this::count);
        List<Integer> codes = answers.stream().map(HttpResponse::statusCode).sorted().toList();
        assertThat(codes).as(what + ": exactly one succeeds, the other 409 or 422: " + answers.get(0).body() + " / "
                + answers.get(1).body()).isIn(List.of(201, 409), List.of(201, 422));
    }

    private void count(HttpResponse<String> response) {
        String key = String.valueOf(response.statusCode());
        if (response.statusCode() >= 400) {
            try {
                key += " " + json.readTree(response.body()).at("/code").asText();
            } catch (IOException e) {
                key += " (no problem document)";
            }
        }
        statuses.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    private JsonNode json(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
