package io.sartracker.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lapse sweep with two nodes on one PostgreSQL database and one settable clock: both look at the
 * clock every 100 ms and both are asked to sweep at the same moment, day after day. Each day exactly one
 * scheduled sweep runs (the node holding the task's row lock; the other skips), and each due lapse is
 * recorded exactly once, on its day.
 */
class LapseSweepTwoNodesPostgresTest {
    private static final int SERIES = 3;
    private static final int HOLDERS = 6;
    private static final Duration BOUND = Duration.ofSeconds(60);

    @Test
    void eachDueLapseIsRecordedOnceWhileBothNodesSweep() {
        String url = TestPostgres.newDatabase("lapse_two_nodes");
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, TestPostgres.USER, TestPostgres.PASSWORD));
        Path dataDir = TrackerTestSupport.freshDataDir("lapse-two-nodes");
        LapseSweepServiceTest.SettableClock clock = new LapseSweepServiceTest.SettableClock(LocalDate.of(2023, 6, 30));
        try (InProcessNode a = InProcessNode.start("sweeper-a", url, dataDir, clock,
                "--tracker.lapse-sweep.check-interval=PT0.1S");
             InProcessNode b = InProcessNode.start("sweeper-b", url, dataDir, clock,
                     "--tracker.lapse-sweep.check-interval=PT0.1S")) {
            // holders leave office on 2023-06-25 .. 06-30: their windows close 07-05 .. 07-10
            for (int s = 0; s < SERIES; s++) {
                assertThat(a.post("/series", TrackerTestSupport.issueSeriesBody("LAPSE-S" + s, "LAPSE-I" + s))
                        .statusCode()).isEqualTo(201);
                for (int h = 0; h < HOLDERS; h++) {
                    InProcessNode node = h % 2 == 0 ? a : b;
                    assertThat(node.post("/series/LAPSE-S" + s + "/allotments", "{\"holderId\":\"H" + h
                            + "\",\"role\":\"DIRECTOR\",\"rights\":3,\"allotmentDate\":\"2015-07-13\"}").statusCode())
                            .isEqualTo(201);
                    assertThat(node.post("/issuers/LAPSE-I" + s + "/departures", "{\"holderId\":\"H" + h
                            + "\",\"departureDate\":\"2023-06-" + (25 + h) + "\",\"reason\":\"RETIREMENT\"}")
                            .statusCode()).isEqualTo(201);
                }
            }
            double before = scheduled(a) + scheduled(b);
            int days = 0;
            for (LocalDate day = LocalDate.of(2023, 7, 1); !day.isAfter(LocalDate.of(2023, 7, 12)); day = day.plusDays(1)) {
                clock.set(day);
                days++;
                LocalDate today = day;
                Awaitility.await("the sweep of " + day).atMost(BOUND).pollInterval(Duration.ofMillis(50))
                        .until(() -> today.equals(jdbc.queryForObject("select last_done_on from cluster_task"
                                + " where name = 'lapse-sweep'", Date.class).toLocalDate()));
                if (day.getDayOfMonth() % 3 == 0) {
                    // and an operator on each node asks for a sweep at the same moment
                    CompletableFuture<HttpResponse<String>> onA = a.postAsync("/lapse-sweeps", "");
                    CompletableFuture<HttpResponse<String>> onB = b.postAsync("/lapse-sweeps", "");
                    assertThat(List.of(onA.join().statusCode(), onB.join().statusCode())).containsOnly(200);
                }
            }
            // the last day's scheduled checks have all seen the day as swept
            Awaitility.await("both nodes looked again").pollDelay(Duration.ofMillis(300)).atMost(BOUND).until(() -> true);
            double scheduled = scheduled(a) + scheduled(b) - before;
            Map<String, Object> last = jdbc.queryForMap("select last_done_by, last_done_on from cluster_task");
            System.out.printf("LapseSweepTwoNodes: %d days, %.0f scheduled sweeps over both nodes (a %.0f, b %.0f);"
                    + " last by %s%n", days, scheduled, scheduled(a), scheduled(b), last.get("last_done_by"));
            assertThat(scheduled).as("one scheduled sweep a day among both nodes").isEqualTo(days);

            Map<String, Integer> lapses = new TreeMap<>();
            jdbc.query("select aggregateIdentifier, payload from DomainEventEntry where payloadType like '%RightsLapsed'",
                    rs -> {
                        JsonNode payload = read(rs.getBytes(2));
                        String holder = text(payload.get("holderId"));
                        lapses.merge(rs.getString(1) + "/" + holder, 1, Integer::sum);
                        String lapseDate = text(payload.get("lapseDate"));
                        int departureDay = 25 + Integer.parseInt(holder.substring(1));
                        assertThat(LocalDate.parse(lapseDate)).as(holder + "'s lapse date")
                                .isEqualTo(LocalDate.of(2023, 6, departureDay).plusDays(11));
                    });
            assertThat(lapses).as("every due lapse recorded, each exactly once").hasSize(SERIES * HOLDERS)
                    .allSatisfy((holding, count) -> assertThat(count).as(holding).isEqualTo(1));
        }
    }

    private static JsonNode read(byte[] payload) {
        try {
            return new ObjectMapper().readTree(payload);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A value object written as its value, or as an object holding it. */
    private static String text(JsonNode node) {
        return node.isValueNode() ? node.asText() : node.elements().next().asText();
    }

    private static double scheduled(InProcessNode node) {
        var counter = node.context().getBean(MeterRegistry.class).find("tracker.lapse.sweeps")
                .tag("trigger", "schedule").counter();
        return counter == null ? 0 : counter.count();
    }
}
