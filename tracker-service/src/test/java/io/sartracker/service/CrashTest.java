package io.sartracker.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acknowledged means on disk. The service runs as its own JVM on an H2 file; four clients record
 * allotments over HTTP and log every 201; the process is killed with SIGKILL at a random moment, three
 * times, and started again on the same file. After each restart every acknowledged allotment is in the
 * store exactly once, nothing is recorded twice, and the register and audit projections equal a fresh
 * rebuild of them.
 */
class CrashTest {
    private static final long SEED = 20261127L;
    private static final int CLIENTS = 4;
    private static final int KILLS = 3;
    private static final int HOLDERS_PER_SERIES = 200;
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(50);
    /**
     * One more argument for the service; {@code -DcrashTest.serviceArgument=--tracker.durability.group-sync=false}
     * shows the test failing on the old, delayed H2 write.
     */
    private static final String SERVICE_ARGUMENT = System.getProperty("crashTest.serviceArgument",
            "--tracker.durability.group-sync=true");

    private final Path dataDir = TrackerTestSupport.freshDataDir("crash").resolve("data");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    /** Every acknowledged allotment: holder → series. */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    /** Series whose issue was acknowledged. */
    private final Set<String> issued = ConcurrentHashMap.newKeySet();

    @Test
    void everyAcknowledgedFactSurvivesAKilledProcessOnceAndTheViewsEqualARebuild() throws Exception {
        Random random = new Random(SEED);
        for (int run = 0; run < KILLS; run++) {
            ServiceProcess service = ServiceProcess.start(dataDir, SERVICE_ARGUMENT);
            try {
                if (run > 0) {
                    checkStoreAndViews(service, "after kill " + run);
                }
                int ackedBefore = acknowledged.size();
                int killAfter = ackedBefore + 40 + random.nextInt(200);
                recordUntilKilled(service, run, killAfter);
                assertThat(acknowledged.size()).as("allotments acknowledged in run " + run).isGreaterThan(ackedBefore);
            } finally {
                service.kill();
            }
        }
        try (ServiceProcess service = ServiceProcess.start(dataDir)) {
            checkStoreAndViews(service, "after kill " + KILLS);
        }
    }

    /** Four clients record allotments until the service is killed, once {@code killAfter} are acknowledged. */
    private void recordUntilKilled(ServiceProcess service, int run, int killAfter) throws Exception {
        CountDownLatch enough = new CountDownLatch(1);
        AtomicInteger unexpected = new AtomicInteger();
        List<Integer> unexpectedStatuses = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                for (int i = 0; ; i++) {
                    String series = "R" + run + "C" + client + "S" + i / HOLDERS_PER_SERIES;
                    String holder = "R" + run + "C" + client + "H" + i;
                    try {
                        if (i % HOLDERS_PER_SERIES == 0 && !issued.contains(series)) {
                            int status = post(service, "/series", TrackerTestSupport.issueSeriesBody(series, "CRASH"));
                            if (status == 201 || status == 409) {
                                issued.add(series);
                            } else {
                                unexpected.incrementAndGet();
                                unexpectedStatuses.add(status);
                                return;
                            }
                        }
                        int status = post(service, "/series/" + series + "/allotments", "{\"holderId\":\"" + holder
                                + "\",\"role\":\"DIRECTOR\",\"rights\":1,\"allotmentDate\":\"2015-07-13\"}");
                        if (status != 201) {
                            unexpected.incrementAndGet();
                            unexpectedStatuses.add(status);
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
            }, "crash-client-" + c);
            thread.start();
            clients.add(thread);
        }
        assertThat(enough.await(BOUND.toSeconds(), TimeUnit.SECONDS)).as("clients recorded " + killAfter + "; statuses other than 201: "
                + unexpectedStatuses).isTrue();
        service.kill();
        for (Thread client : clients) {
            client.join(BOUND.toMillis());
            assertThat(client.isAlive()).as(client.getName() + " stopped after the kill").isFalse();
        }
        assertThat(unexpected.get()).as("answers other than 201 before the kill").isZero();
    }

    /**
     * Reads the store and the views through the service (it holds the H2 file): the events of every
     * series, the registers and the audit trail once caught up, then the same after a rebuild.
     */
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
        System.out.printf("CrashTest %s: %d allotments acknowledged, %d stored (%d recorded but unanswered when"
                + " killed), %d events in %d series%n", when, acknowledged.size(), allotmentsPerHolder.size(),
                allotmentsPerHolder.size() - acknowledged.size(), eventsPerSeries.values().stream()
                        .mapToInt(Integer::intValue).sum(), eventsPerSeries.size());
        assertThat(allotmentsPerHolder.size() - acknowledged.size())
                .as(when + ": stored but unanswered, at most one per client and kill")
                .isBetween(0, CLIENTS * KILLS);
        // Each holder's first allotment opens the person's history at the issuer (opened, allotted): two
        // events of no series, which the audit trail files under no series id.
        eventsPerSeries.put("", 2 * allotmentsPerHolder.size());
        int events = eventsPerSeries.values().stream().mapToInt(Integer::intValue).sum();

        Views live = awaitViews(service, series, rightsAllotted, events, when);
        assertThat(live.auditPerSeries()).as(when + ": the audit trail has one row per stored event")
                .isEqualTo(eventsPerSeries);
        assertThat(live.auditEventIds()).as(when + ": no event has two audit rows").hasSize(events);

        assertThat(postJson(service, "/projections/rebuild")).isEqualTo(202);
        Awaitility.await(when + ": the rebuild finished").atMost(BOUND).pollInterval(POLL).until(() -> {
            boolean rebuilding = false;
            for (JsonNode projection : getJson(service, "/projections/rebuild")) {
                rebuilding |= projection.at("/rebuilding").asBoolean();
            }
            return !rebuilding;
        });
        Views rebuilt = awaitViews(service, series, rightsAllotted, events, when + " (rebuilt)");
        assertThat(rebuilt.registers()).as(when + ": the registers equal a fresh rebuild").isEqualTo(live.registers());
        assertThat(rebuilt.audit()).as(when + ": the audit trail has as many rows after a rebuild")
                .hasSameSizeAs(live.audit());
        for (int row = 0; row < live.audit().size(); row++) {
            assertThat(rebuilt.audit().get(row)).as(when + ": audit row " + row + " after a fresh rebuild")
                    .isEqualTo(live.audit().get(row));
        }
    }

    private record Views(Map<String, JsonNode> registers, List<JsonNode> audit, Map<String, Integer> auditPerSeries,
                         Set<String> auditEventIds) {
    }

    /** The registers and the audit trail, once they have taken in every stored event (bounded). */
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

    private int postJson(ServiceProcess service, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(service.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", service.authorization()).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private JsonNode getJson(ServiceProcess service, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(service.uri(path))
                .header("Authorization", service.authorization()).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
