package io.sartracker.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eight clients send fifty commands each at the same moment. Events then commit out of the order of
 * their global indexes, which is what made the old audit trail (keyed by the tracking token's
 * position) drop rows. The trail must hold exactly one row per stored event, under the event's own
 * identifier and global index.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentAuditTest {
    private static final int CLIENTS = 8;
    private static final int COMMANDS = 50;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("concurrent-audit")::toString);
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
    void eightClientsAtOnceLeaveExactlyOneAuditRowPerEvent() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            String series = "CA" + c;
            clients.add(pool.submit(() -> {
                start.await();
                int created = post("/series", TrackerTestSupport.issueSeriesBody(series, "CONCURRENT"));
                for (int i = 1; i < COMMANDS; i++) {
                    created += post("/series/" + series + "/allotments", "{\"holderId\":\"" + series + "-H" + i
                            + "\",\"role\":\"DIRECTOR\",\"rights\":1,\"allotmentDate\":\"2015-07-13\"}");
                }
                return created;
            }));
        }
        start.countDown();
        int created = 0;
        for (Future<Integer> client : clients) {
            created += client.get();
        }
        pool.shutdown();
        assertThat(created).as("every command answered 201").isEqualTo(CLIENTS * COMMANDS);

        Map<String, Long> stored = jdbc.queryForList("select eventIdentifier, globalIndex from DomainEventEntry")
                .stream().collect(Collectors.toMap(row -> (String) row.get("EVENTIDENTIFIER"),
                        row -> ((Number) row.get("GLOBALINDEX")).longValue()));
        // a series event per command, and each holder's history at the issuer opened by the allotment (two events)
        assertThat(stored).hasSize(CLIENTS * COMMANDS + 2 * CLIENTS * (COMMANDS - 1));
        Awaitility.await("the audit trail took in every event").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> jdbc.queryForObject("select count(*) from audit_entry", Integer.class) >= stored.size());

        Map<String, Long> audited = jdbc.queryForList("select event_id, global_index from audit_entry").stream()
                .collect(Collectors.toMap(row -> (String) row.get("EVENT_ID"),
                        row -> ((Number) row.get("GLOBAL_INDEX")).longValue()));
        assertThat(audited).as("one row per stored event, at the event's own global index").isEqualTo(stored);
        ResponseEntity<String> page = http.getForEntity("/audit?size=1", String.class);
        assertThat(json.readTree(page.getBody()).at("/total").asInt()).isEqualTo(stored.size());
    }

    private int post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
        return response.getStatusCode().value() == 201 ? 1 : 0;
    }

}
