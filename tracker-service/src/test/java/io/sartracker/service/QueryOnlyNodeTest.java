package io.sartracker.service;

import com.fasterxml.jackson.databind.ObjectMapper;
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

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node with the query role only ({@code tracker.node.roles=query}) records nothing: every request that
 * would record facts answers 503 {@code NOT_SERVED_BY_THIS_NODE}, after sign-in, whatever its body;
 * everything else (views, the valuation preview, a rebuild) is answered as usual.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.node.roles=query")
class QueryOnlyNodeTest {
    private static final List<String> RECORDING = List.of("/series", "/series/Q-1/allotments",
            "/series/Q-1/exercises", "/series/Q-1/inheritances", "/series/Q-1/transfers", "/series/Q-1/reversals",
            "/series/Q-1/share-adjustments", "/series/Q-1/restructurings", "/series/Q-1/acquisitions",
            "/series/Q-1/allotment-amount", "/series/Q-1/allotment-amount/corrections", "/issuers/Q/departures",
            "/issuers/Q/deaths", "/issuers/Q/role-changes", "/issuers/Q/reversals", "/issuers/Q/share-splits",
            "/issuers/Q/share-consolidations", "/lapse-sweeps", "/imports");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("query-only")::toString);
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
    void everyRequestThatWouldRecordAnswers503AndTheRestIsServed() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        for (String path : RECORDING) {
            ResponseEntity<String> refused = http.postForEntity(path, new HttpEntity<>("{}", headers), String.class);
            assertThat(refused.getStatusCode().value()).as(path + ": " + refused.getBody()).isEqualTo(503);
            assertThat(json.readTree(refused.getBody()).at("/code").asText()).isEqualTo("NOT_SERVED_BY_THIS_NODE");
            assertThat(json.readTree(refused.getBody()).at("/figures/node").asText()).isNotBlank();
        }
        assertThat(jdbc.queryForObject("select count(*) from DomainEventEntry", Long.class)).isZero();

        assertThat(http.getForEntity("/series", String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(http.postForEntity("/series/Q-1/allotment-amount/preview", new HttpEntity<>("{}", headers),
                String.class).getStatusCode().value()).as("the preview records nothing: not refused").isNotEqualTo(503);
        assertThat(http.postForEntity("/projections/rebuild", null, String.class).getStatusCode().value())
                .isEqualTo(202);
    }
}
