package io.sartracker.service;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
    private final CrashRecord record = new CrashRecord("CrashTest", BOUND, POLL);
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
                            int status = record.post(service, "/series", TrackerTestSupport.issueSeriesBody(series, "CRASH"));
                            if (status == 201 || status == 409) {
                                issued.add(series);
                            } else {
                                unexpected.incrementAndGet();
                                unexpectedStatuses.add(status);
                                return;
                            }
                        }
                        int status = record.post(service, "/series/" + series + "/allotments", "{\"holderId\":\"" + holder
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

    /** Reads the store and the views through the service (it holds the H2 file). */
    private void checkStoreAndViews(ServiceProcess service, String when) throws Exception {
        CrashRecord.Stored stored = record.checkStored(service, issued, acknowledged, when);
        assertThat(stored.allotmentsPerHolder().size() - acknowledged.size())
                .as(when + ": stored but unanswered, at most one per client and kill")
                .isBetween(0, CLIENTS * KILLS);
        record.checkViewsEqualARebuild(service, stored, when);
    }
}
