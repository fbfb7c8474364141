package io.sartracker.service;

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
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
    private final CrashRecord record = new CrashRecord("PostgresCrashTest", BOUND, POLL);
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
                            int status = record.post(node, "/series", TrackerTestSupport.issueSeriesBody(series, "CRASH"));
                            if (status != 201 && status != 409) {
                                unexpected.add("issue " + status);
                                return;
                            }
                            issued.add(series);
                        }
                        int status = record.post(node, "/series/" + series + "/allotments", "{\"holderId\":\"" + holder
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
        CrashRecord.Stored stored = record.checkStored(service, issued, acknowledged, when);
        assertThat(stored.allotmentsPerHolder().size() - acknowledged.size())
                .as(when + ": stored but unanswered, at most one per client of a killed node and kill")
                .isBetween(0, CLIENTS / 2 * KILLS);
        record.checkViewsEqualARebuild(service, stored, when);
    }
}
