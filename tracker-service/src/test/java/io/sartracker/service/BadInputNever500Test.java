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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint, fed valid bodies with fields swapped for odd values (nulls, negatives, fractions,
 * huge numbers, impossible dates, long strings), answers 2xx or 4xx: never a 500. The seed is fixed
 * so that a failure can be replayed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tracker.load-reference-history=true")
class BadInputNever500Test {
    private static final long SEED = 20261124L;
    private static final Object[] ODD = {null, "", -1, 0, 1.5, "abc", Long.MAX_VALUE, 1e30, "9223372036854775807/1",
            "1/0", "-2/1", "+999999999-12-31", "2015-02-30", List.of(), Map.of(), true, "x".repeat(300)};

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("bad-input")::toString);
    }

    TestRestTemplate http;

    @Autowired
    void signIn(TestRestTemplate anonymous, Environment environment) {
        http = TrackerTestSupport.asAdmin(anonymous, environment);
    }
    @Autowired
    ObjectMapper json;

    private static Map<String, Map<String, Object>> validBodies() {
        Map<String, Map<String, Object>> bodies = new LinkedHashMap<>();
        bodies.put("/series/IIJ-SAR-5/allotments", Map.of("holderId", "D09", "role", "DIRECTOR", "rights", 1,
                "allotmentDate", "2015-07-13"));
        bodies.put("/series/IIJ-SAR-5/exercises", Map.of("holderId", "D02", "exerciseDate", "2024-01-01", "rights", 1));
        bodies.put("/series/IIJ-SAR-5/inheritances", Map.of("holderId", "D02", "heirId", "H1",
                "inheritanceDate", "2024-01-01"));
        bodies.put("/series/IIJ-SAR-5/share-adjustments", Map.of("sharesPerRight", 300, "appliesFrom", "2030-01-01",
                "reason", "merger"));
        bodies.put("/series/IIJ-SAR-5/restructurings", Map.of("kind", "SHARE_EXCHANGE", "restructuredCompanyId", "N",
                "restructuredCompanyName", "N", "effectiveDate", "2030-01-01", "shareRatio", "1/2",
                "agreementProvidesReplacement", true));
        bodies.put("/series/IIJ-SAR-5/acquisitions", Map.of("cause", "SHARE_EXCHANGE", "approvalDate", "2030-01-01",
                "acquisitionDate", "2030-02-01"));
        bodies.put("/series/IIJ-SAR-5/transfers", Map.of("holderId", "D02", "transfereeId", "Z", "rights", 1,
                "transferDate", "2024-01-01"));
        bodies.put("/series/IIJ-SAR-5/reversals", Map.of("holderId", "D02", "reason", "error"));
        bodies.put("/issuers/IIJ/departures", Map.of("holderId", "D02", "departureDate", "2024-01-01",
                "reason", "RETIREMENT"));
        bodies.put("/issuers/IIJ/deaths", Map.of("personId", "D02", "dateOfDeath", "2024-01-01"));
        bodies.put("/issuers/IIJ/role-changes", Map.of("holderId", "D02", "newRole", "EXECUTIVE_OFFICER",
                "changeDate", "2024-01-01"));
        bodies.put("/issuers/IIJ/reversals", Map.of("personId", "D02", "fact", "DEPARTURE", "reason", "error"));
        bodies.put("/issuers/IIJ/share-splits", Map.of("ratio", "2/1", "recordDate", "2030-01-01"));
        bodies.put("/issuers/IIJ/share-consolidations", Map.of("ratio", "1/2", "effectiveDate", "2031-01-01"));
        bodies.put("/series/IIJ-SAR-5/allotment-amount/preview", Map.of("determinationDate", "2015-07-13",
                "spot", 2000, "years", 15, "riskFreeRate", 0.01, "dividendYield", 0.01, "volatility", 0.4));
        return bodies;
    }

    @Test
    void oddValuesInEveryFieldGiveProblemsNotFailures() throws Exception {
        Random random = new Random(SEED);
        Map<String, Map<String, Object>> bodies = validBodies();
        List<String> paths = new ArrayList<>(bodies.keySet());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String path = paths.get(random.nextInt(paths.size()));
            Map<String, Object> body = new LinkedHashMap<>(bodies.get(path));
            List<String> fields = new ArrayList<>(body.keySet());
            String field = fields.get(random.nextInt(fields.size()));
            if (random.nextInt(5) == 0) {
                body.remove(field);
            } else {
                body.put(field, ODD[random.nextInt(ODD.length)]);
            }
            ResponseEntity<String> response = post(path, json.writeValueAsString(body));
            if (response.getStatusCode().is5xxServerError()) {
                failures.add(path + " " + body + " -> " + response.getBody());
            }
        }
        for (String raw : Arrays.asList("{", "[]", "null", "\"x\"", "{\"a\":}")) {
            ResponseEntity<String> response = post("/series/IIJ-SAR-5/exercises", raw);
            assertThat(response.getStatusCode().value()).as(raw).isEqualTo(400);
        }
        for (String query : List.of("/holders/D01?asOf=abc", "/holders/D01?asOf=+999999999-12-31",
                "/series/IIJ-SAR-5/register?knownAt=x", "/windows?page=-1", "/windows?size=100000",
                "/audit?from=2015-13-01", "/series/" + "x".repeat(65) + "/register")) {
            assertThat(http.getForEntity(query, String.class).getStatusCode().is4xxClientError()).as(query).isTrue();
        }
        assertThat(failures).isEmpty();
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }
}
