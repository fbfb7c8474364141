package io.sartracker.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes of the tracker, each its own JVM, on one real PostgreSQL database. Four clients record
 * allotments over HTTP, two on each node, and log every 201; one node is killed with SIGKILL at a random
 * moment (fixed seed), three times, the nodes taking turns, and started again. After each kill, on the
 * survivor: every acknowledged allotment is in the store exactly once, at most one unanswered one per
 * client of the killed node was recorded, the survivor holds the projections' segments (within the
 * claim timeout when the dead node held them) and its views have caught up and equal a fresh rebuild.
 */
class PostgresCrashTest {
    private static final long SEED = 20261128L;
    private static final int CLIENTS = 4;
    private static final int KILLS = 3;
    private static final int HOLDERS_PER_SERIES = 200;
    private static final Duration BOUND = Duration.ofSeconds(120);
    private static final Duration POLL = Duration.ofMillis(100);

    private final Path dataDir = TrackerTestSupport.freshDataDir("pg-crash").resolve("data");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private String databaseUrl;
    private JdbcTemplate jdbc;

    private ServiceProcess start(String nodeId) throws Exception {
        return ServiceProcess.start(dataDir, "--spring.profiles.active=postgres", "--TRACKER_DB_URL=" + databaseUrl,
                "--TRACKER_DB_USER=" + TestPostgres.USER, "--TRACKER_DB_PASSWORD=" + TestPostgres.PASSWORD,
                "--tracker.node.id=" + nodeId, "--tracker.security.bcrypt-strength=4",
                "--spring.datasource.hikari.minimum-idle=1",
                // production's structured logs, with the lapse sweep's lines to find a request's id in
                "--logging.structured.format.console=ecs", "--logging.level.io.sartracker.service.lapse=info");
    }

    @Test
    void everyAcknowledgedFactSurvivesAKilledNodeOnceAndTheSurvivorCatchesUp() throws Exception {
        databaseUrl = TestPostgres.newDatabase("crash");
        jdbc = new JdbcTemplate(new DriverManagerDataSource(databaseUrl, TestPostgres.USER, TestPostgres.PASSWORD));
        Random random = new Random(SEED);
        java.nio.file.Files.createDirectories(dataDir);
        ServiceProcess[] nodes = {start("node-0"), null};
        nodes[1] = start("node-1");
        String[] names = {"node-0", "node-1"};
        try {
            for (int run = 0; run < KILLS; run++) {
                int victim = run % 2;
                int survivor = 1 - victim;
                int ackedBefore = acknowledged.size();
                int killAfter = ackedBefore + 60 + random.nextInt(200);
                String[] heldBefore = new String[2];
                long killedAt = recordUntilKilled(nodes, run, victim, killAfter, heldBefore);
                assertThat(acknowledged.size()).as("allotments acknowledged in run " + run).isGreaterThan(ackedBefore);
                awaitSurvivorHolds(names[survivor]);
                System.out.printf("PostgresCrashTest kill %d: SIGKILL of %s (segments of register held by %s, of audit"
                                + " by %s); %s holds every segment of both projections %.1f s after the kill%n", run + 1,
                        names[victim], heldBefore[0], heldBefore[1], names[survivor], (System.nanoTime() - killedAt) / 1e9);
                checkStoreAndViews(nodes[survivor], "after kill " + (run + 1) + " (on the survivor " + names[survivor]
                        + ")");
                names[victim] = "node-" + victim + "-restart-" + (run + 1);
                nodes[victim] = start(names[victim]);
            }
            checkStoreAndViews(nodes[0], "at the end, on " + names[0]);
            checkStoreAndViews(nodes[1], "at the end, on " + names[1]);
            logsCarryTheRequestId(nodes[1]);
        } finally {
            for (ServiceProcess node : nodes) {
                if (node != null) {
                    node.close();
                }
            }
        }
    }

    /** A line the node logs while serving a request is one JSON object naming the request's X-Request-Id. */
    private void logsCarryTheRequestId(ServiceProcess node) throws Exception {
        String requestId = "pg-crash-log-check";
        HttpResponse<String> swept = http.send(HttpRequest.newBuilder(node.uri("/lapse-sweeps"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", node.authorization())
                .header("X-Request-Id", requestId).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(swept.statusCode()).as(swept.body()).isEqualTo(200);
        Awaitility.await("the sweep's log line names the request").atMost(BOUND).pollInterval(POLL).until(() ->
                java.nio.file.Files.readAllLines(node.log()).stream().filter(line -> line.startsWith("{"))
                        .map(line -> {
                            try {
                                return json.readTree(line);
                            } catch (IOException notJson) {
                                return json.createObjectNode();
                            }
                        })
                        .anyMatch(line -> requestId.equals(line.path("requestId").asText())
                                && line.path("message").asText().startsWith("Lapse sweep")));
    }

    private String owner(String processor) {
        return String.join(",", jdbc.queryForList("select coalesce(owner, '-') from TokenEntry where processorName = ?"
                + " order by segment", String.class, processor));
    }

    private boolean heldOnlyBy(String processor, String node) {
        return jdbc.queryForObject("select count(*) from TokenEntry where processorName = ? and (owner is null"
                + " or owner <> ?)", Integer.class, processor, node) == 0;
    }

    /** Waits until the survivor holds every segment of both projections. */
    private void awaitSurvivorHolds(String survivor) {
        Awaitility.await(survivor + " claims the segments of both projections").atMost(BOUND).pollInterval(POLL)
                .until(() -> heldOnlyBy("register", survivor) && heldOnlyBy("audit", survivor));
    }

    /** Four clients, two per node, record allotments until the victim is killed; returns when it was killed. */
    private long recordUntilKilled(ServiceProcess[] nodes, int run, int victim, int killAfter, String[] heldBefore)
            throws Exception {
        CountDownLatch enough = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            ServiceProcess node = nodes[c % 2];
            Thread thread = new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    String series = "R" + run + "C" + client + "S" + i / HOLDERS_PER_SERIES;
                    String holder = "R" + run + "C" + client + "H" + i;
                    try {
                        if (i % HOLDERS_PER_SERIES == 0 && !issued.contains(series)) {
                            int status = post(node, "/series", TrackerTestSupport.issueSeriesBody(series, "CRASH"));
                            if (status != 201 && status != 409) {
                                unexpected.add("issue " + status);
                                return;
                            }
                            issued.add(series);
                        }
                        int status = post(node, "/series/" + series + "/allotments", "{\"holderId\":\"" + holder
                                + "\",\"role\":\"DIRECTOR\",\"rights\":1,\"allotmentDate\":\"2015-07-13\"}");
                        if (status != 201) {
                            unexpected.add("allotment " + status);
                            return;
                        }
                        acknowledged.put(holder, series);
                        if (acknowledged.size() >= killAfter) {
                            enough.countDown();
                        }
                    } catch (IOException killed) {
                        return;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "pg-crash-client-" + c);
            thread.start();
            clients.add(thread);
        }
        assertThat(enough.await(BOUND.toSeconds(), TimeUnit.SECONDS)).as("clients recorded " + killAfter
                + "; other answers: " + unexpected).isTrue();
        heldBefore[0] = owner("register");
        heldBefore[1] = owner("audit");
        nodes[victim].kill();
        long killedAt = System.nanoTime();
        stop.set(true);
        for (Thread client : clients) {
            client.join(BOUND.toMillis());
            assertThat(client.isAlive()).as(client.getName() + " stopped").isFalse();
        }
        assertThat(unexpected).as("answers other than 201 before the kill").isEmpty();
        return killedAt;
    }

    private void checkStoreAndViews(ServiceProcess service, String when) throws Exception {
        Set<String> series = new TreeSet<>(issued);
        getJson(service, "/series").at("/series").forEach(s -> series.add(s.at("/seriesId").asText()));
        Map<String, Integer> allotmentsPerHolder = new HashMap<>();
        Map<String, Integer> eventsPerSeries = new TreeMap<>();
        long rightsAllotted = 0;
        for (String id : series) {
            JsonNode history = getJson(service, "/series/" + id + "/events");
            eventsPerSeries.put(id, history.size());
            for (JsonNode event : history) {
                if (event.at("/type").asText().equals("RightsAllotted")) {
                    allotmentsPerHolder.merge(event.at("/payload/holderId").asText(), 1, Integer::sum);
                    rightsAllotted += event.at("/payload/rights").asLong();
                }
            }
        }
        assertThat(allotmentsPerHolder.keySet()).as(when + ": every acknowledged allotment is stored")
                .containsAll(acknowledged.keySet());
        assertThat(allotmentsPerHolder).as(when + ": no allotment is recorded twice")
                .allSatisfy((holder, count) -> assertThat(count).as(holder).isEqualTo(1));
        // Each holder's first allotment opens the person's history at the issuer (opened, allotted): two
        // events of no series, which the audit trail files under no series id.
        eventsPerSeries.put("", 2 * allotmentsPerHolder.size());
        int events = eventsPerSeries.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("PostgresCrashTest %s: %d allotments acknowledged, %d stored (%d recorded but unanswered"
                        + " when killed), %d events (%d of them in %d series)%n", when, acknowledged.size(),
                allotmentsPerHolder.size(), allotmentsPerHolder.size() - acknowledged.size(), events,
                events - eventsPerSeries.get(""), eventsPerSeries.size() - 1);
        assertThat(allotmentsPerHolder.size() - acknowledged.size())
                .as(when + ": stored but unanswered, at most one per client of a killed node and kill")
                .isBetween(0, CLIENTS / 2 * KILLS);

        Views live = awaitViews(service, series, rightsAllotted, events, when);
        assertThat(live.auditPerSeries()).as(when + ": the audit trail has one row per stored event")
                .isEqualTo(eventsPerSeries);
        assertThat(live.auditEventIds()).as(when + ": no event has two audit rows").hasSize(events);

        long started = System.nanoTime();
        assertThat(post(service, "/projections/rebuild", "")).isEqualTo(202);
        Awaitility.await(when + ": the rebuild finished").atMost(BOUND).pollInterval(POLL).until(() -> {
            boolean rebuilding = false;
            for (JsonNode projection : getJson(service, "/projections/rebuild")) {
                rebuilding |= projection.at("/rebuilding").asBoolean();
            }
            return !rebuilding;
        });
        System.out.printf("PostgresCrashTest %s: rebuilt %d events in %.1f s%n", when, events,
                (System.nanoTime() - started) / 1e9);
        Views rebuilt = awaitViews(service, series, rightsAllotted, events, when + " (rebuilt)");
        assertThat(rebuilt.registers()).as(when + ": the registers equal a fresh rebuild").isEqualTo(live.registers());
        assertThat(rebuilt.audit()).as(when + ": the audit trail equals a fresh rebuild").isEqualTo(live.audit());
    }

    private record Views(Map<String, JsonNode> registers, List<JsonNode> audit, Map<String, Integer> auditPerSeries,
                         Set<String> auditEventIds) {
    }

    private Views awaitViews(ServiceProcess service, Set<String> series, long rightsAllotted, int events,
                             String when) {
        AtomicReference<Views> views = new AtomicReference<>();
        Awaitility.await(when + ": the views took in all " + events + " events").atMost(BOUND).pollInterval(POLL)
                .until(() -> {
                    List<JsonNode> audit = new ArrayList<>();
                    for (int page = 0; ; page++) {
                        JsonNode answer = getJson(service, "/audit?order=asc&size=500&page=" + page);
                        answer.at("/items").forEach(audit::add);
                        if (answer.at("/items").size() < 500) {
                            break;
                        }
                    }
                    Map<String, JsonNode> registers = new TreeMap<>();
                    long folded = 0;
                    for (String id : series) {
                        JsonNode register = getJson(service, "/series/" + id + "/register");
                        registers.put(id, register);
                        folded += register.at("/allotted").asLong();
                    }
                    if (audit.size() < events || folded < rightsAllotted) {
                        return false;
                    }
                    Map<String, Integer> perSeries = new TreeMap<>();
                    Set<String> ids = new HashSet<>();
                    audit.forEach(row -> {
                        perSeries.merge(row.at("/seriesId").asText(), 1, Integer::sum);
                        ids.add(row.at("/eventId").asText());
                    });
                    views.set(new Views(registers, audit, perSeries, ids));
                    return true;
                });
        return views.get();
    }

    private int post(ServiceProcess service, String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(service.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", service.authorization())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private JsonNode getJson(ServiceProcess service, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(service.uri(path))
                .header("Authorization", service.authorization()).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
