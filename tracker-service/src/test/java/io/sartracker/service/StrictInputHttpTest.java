package io.sartracker.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per finding of the hostile client: each is refused with a problem document that names
 * what is wrong, and nothing is recorded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tracker.load-reference-history=true")
class StrictInputHttpTest {
    static final String TERMS = """
            {"name": "Test series", "issuerName": "Test Inc.", "resolutionDate": "2015-06-26",
             "maximumRights": 10, "sharesPerRightAtIssue": 100, "exercisePricePerShare": 1,
             "exercisePeriod": {"firstDay": "2015-07-14", "lastDay": "2045-07-13"},
             "allotmentDate": "2015-07-13", "paymentDate": "2015-07-13",
             "windowAfterLeavingOfficeDays": 10, "heirWindowMonths": 6, "transferAllowed": false,
             "eligibleRoles": ["DIRECTOR", "EXECUTIVE_OFFICER"]}""";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("strict-input")::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    RawHttp http;
    long eventsBefore;

    @BeforeEach
    void setUp() {
        http = new RawHttp(port, TrackerTestSupport.basic(TrackerTestSupport.ADMIN,
                TrackerTestSupport.adminPassword(environment)));
        eventsBefore = events();
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from DomainEventEntry", Long.class);
    }

    private JsonNode refused(RawHttp.Answer answer, int status, String code) throws Exception {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.path("code").asText()).as(answer.toString()).isEqualTo(code);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.has("figures")).as(answer.toString()).isTrue();
        assertThat(events()).as("nothing recorded").isEqualTo(eventsBefore);
        return problem;
    }

    private static String terms(String field, String value) {
        return issue(TERMS.replaceFirst("\"" + field + "\": (\"[^\"]*\"|[0-9.]+|\\{[^}]*\\})", "\"" + field + "\": " + value));
    }

    private static String issue(String terms) {
        return "{\"seriesId\": \"T-1\", \"issuerId\": \"T\", \"terms\": " + terms + "}";
    }

    @Test
    void thePrimaryMapperOfEventsStillIgnoresUnknownPropertiesOnlyHttpIsStrict() throws Exception {
        String withLaterField = "{\"personId\":\"D02\",\"dateOfDeath\":\"2024-01-01\",\"addedInALaterRevision\":1}";
        assertThat(json.readValue("{\"firstDay\":\"2015-07-14\",\"lastDay\":\"2045-07-13\",\"addedLater\":1}",
                io.sartracker.kernel.model.ExerciseWindow.class).lastDay()).hasToString("2045-07-13");
        refused(http.postJson("/issuers/IIJ/deaths", withLaterField), 400, "INVALID_INPUT");
    }

    @Test
    void theValidTermsOfTheseTestsAreAccepted() {
        RawHttp.Answer answer = http.postJson("/series", issue(TERMS).replace("T-1", "T-OK"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    }

    @Test
    void aRepeatedKeyIsRefusedNamingTheKey() throws Exception {
        for (String path : new String[]{"/series/IIJ-SAR-5/allotments", "/issuers/IIJ/departures",
                "/issuers/IIJ/role-changes", "/series/IIJ-SAR-5/reversals"}) {
            String body = switch (path) {
                case "/issuers/IIJ/departures" -> "{\"holderId\":\"D09\",\"departureDate\":\"2024-01-01\","
                        + "\"reason\":\"RETIREMENT\",\"holderId\":\"Z\"}";
                case "/issuers/IIJ/role-changes" -> "{\"holderId\":\"D02\",\"newRole\":\"EXECUTIVE_OFFICER\","
                        + "\"changeDate\":\"2024-01-01\",\"holderId\":\"Z\"}";
                case "/series/IIJ-SAR-5/reversals" -> "{\"holderId\":\"D01\",\"reason\":\"x\",\"holderId\":\"Z\"}";
                default -> "{\"holderId\":\"A\",\"role\":\"DIRECTOR\",\"rights\":1,\"allotmentDate\":\"2015-07-13\","
                        + "\"holderId\":\"Z\"}";
            };
            JsonNode problem = refused(http.postJson(path, body), 400, "INVALID_INPUT");
            assertThat(problem.path("detail").asText()).contains("'holderId'").contains("repeated");
            assertThat(problem.path("figures").path("field").asText()).isEqualTo("holderId");
        }
    }

    @Test
    void anUnknownKeyIsRefusedListingTheAcceptedOnes() throws Exception {
        JsonNode problem = refused(http.postJson("/issuers/IIJ/deaths",
                "{\"personId\":\"D02\",\"dateOfDeath\":\"2024-01-01\",\"cause\":\"x\"}"), 400, "INVALID_INPUT");
        assertThat(problem.path("detail").asText()).contains("'cause'").contains("dateOfDeath, personId");
    }

    @Test
    void aFractionForWholeDaysOrMonthsIsRefused() throws Exception {
        JsonNode days = refused(http.postJson("/series", terms("windowAfterLeavingOfficeDays", "1.9")),
                400, "INVALID_INPUT");
        assertThat(days.path("detail").asText()).contains("1.9").contains("terms.windowAfterLeavingOfficeDays")
                .contains("whole number");
        JsonNode months = refused(http.postJson("/series", terms("heirWindowMonths", "6.99")), 400, "INVALID_INPUT");
        assertThat(months.path("detail").asText()).contains("terms.heirWindowMonths");
        refused(http.postJson("/series/IIJ-SAR-5/allotments",
                "{\"holderId\":\"D09\",\"role\":\"DIRECTOR\",\"rights\":1.5,\"allotmentDate\":\"2015-07-13\"}"),
                400, "INVALID_INPUT");
    }

    @Test
    void aNumberForADateIsRefused() throws Exception {
        JsonNode problem = refused(http.postJson("/issuers/IIJ/deaths",
                "{\"personId\":\"D02\",\"dateOfDeath\":2147483647}"), 400, "INVALID_INPUT");
        assertThat(problem.path("detail").asText()).contains("'dateOfDeath'").contains("YYYY-MM-DD");
    }

    @Test
    void anOrdinalOrAWrongNameForAnEnumIsRefusedListingTheValues() throws Exception {
        JsonNode ordinal = refused(http.postJson("/series/IIJ-SAR-5/allotments",
                "{\"holderId\":\"D09\",\"role\":1,\"rights\":1,\"allotmentDate\":\"2015-07-13\"}"),
                400, "INVALID_INPUT");
        assertThat(ordinal.path("detail").asText()).contains("'role'").contains("accepted: DIRECTOR, EXECUTIVE_OFFICER");
        JsonNode lowerCase = refused(http.postJson("/series/IIJ-SAR-5/allotments",
                "{\"holderId\":\"D09\",\"role\":\"director\",\"rights\":1,\"allotmentDate\":\"2015-07-13\"}"),
                400, "INVALID_INPUT");
        assertThat(lowerCase.path("detail").asText())
                .isEqualTo("'director' is not a valid value for 'role'; accepted: DIRECTOR, EXECUTIVE_OFFICER.");
    }

    @Test
    void trailingContentAfterTheJsonIsRefused() throws Exception {
        String valid = "{\"personId\":\"D02\",\"dateOfDeath\":\"2024-01-01\"}";
        for (String trailing : new String[]{" {}", " garbage", "]", ",", " \"x\""}) {
            refused(http.postJson("/issuers/IIJ/deaths", valid + trailing), 400, "INVALID_INPUT");
        }
        JsonNode problem = refused(http.postJson("/issuers/IIJ/deaths", valid + " {}"), 400, "INVALID_INPUT");
        assertThat(problem.path("detail").asText()).contains("after the JSON value");
    }

    @Test
    void termsThatContradictThemselvesAreRefused() throws Exception {
        assertThat(refused(http.postJson("/series", terms("allotmentDate", "\"2999-01-01\"")
                .replace("\"paymentDate\": \"2015-07-13\"", "\"paymentDate\": \"1000-01-01\"")), 400, "INVALID_INPUT")
                .path("detail").asText()).contains("terms.");
        assertThat(refused(http.postJson("/series", terms("paymentDate", "\"2015-08-01\"")), 400, "INVALID_INPUT")
                .path("detail").asText()).contains("paymentDate").contains("first day of the exercise period");
        assertThat(refused(http.postJson("/series", terms("allotmentDate", "\"2015-08-01\"")
                .replace("\"paymentDate\": \"2015-07-13\"", "\"paymentDate\": \"2015-07-14\"")), 400, "INVALID_INPUT")
                .path("detail").asText()).contains("allotmentDate").contains("first day of the exercise period");
        assertThat(refused(http.postJson("/series", terms("exercisePeriod",
                "{\"firstDay\": \"2045-07-14\", \"lastDay\": \"2015-07-13\"}")), 400, "INVALID_INPUT")
                .path("detail").asText()).contains("before it starts");
        assertThat(refused(http.postJson("/series", terms("exercisePricePerShare", "0")), 400, "INVALID_INPUT")
                .path("detail").asText()).contains("exercisePricePerShare");
        assertThat(refused(http.postJson("/series", terms("exercisePeriod",
                "{\"firstDay\": \"2015-07-14\", \"lastDay\": \"+999999999-12-31\"}")), 400, "INVALID_INPUT")
                .path("detail").asText()).contains("1900-01-01").contains("2200-12-31");
    }

    @Test
    void datesOutOfRangeAndInsaneValuationInputsAreRefused() throws Exception {
        refused(http.postJson("/issuers/IIJ/deaths", "{\"personId\":\"D02\",\"dateOfDeath\":\"+5881580-07-11\"}"),
                400, "INVALID_INPUT");
        refused(http.postJson("/issuers/IIJ/deaths", "{\"personId\":\"D02\",\"dateOfDeath\":\"1899-12-31\"}"),
                400, "INVALID_INPUT");
        String correction = "{\"determinationDate\": \"%s\", \"spot\": 2000, \"years\": 15, \"riskFreeRate\": 0.01,"
                + " \"dividendYield\": 0.01, \"volatility\": %s, \"reason\": \"typo\"}";
        refused(http.postJson("/series/IIJ-SAR-5/allotment-amount/corrections",
                correction.formatted("-999999999-01-01", "0.4")), 400, "INVALID_INPUT");
        refused(http.postJson("/series/IIJ-SAR-5/allotment-amount/corrections",
                correction.formatted("+999999999-12-31", "0.4")), 400, "INVALID_INPUT");
        assertThat(refused(http.postJson("/series/IIJ-SAR-5/allotment-amount/corrections",
                correction.formatted("2015-07-13", "1e30")), 400, "INVALID_INPUT").path("detail").asText())
                .contains("volatility");
        refused(http.postJson("/series/IIJ-SAR-5/allotment-amount/preview",
                correction.formatted("2015-07-13", "0.4").replace("\"years\": 15", "\"years\": 1e9")
                        .replace(", \"reason\": \"typo\"", "")), 400, "INVALID_INPUT");
    }

    @Test
    void aBodyOfOneMegabyteAndOneByteIsTooLarge() throws Exception {
        String prefix = "{\"personId\":\"D02\",\"dateOfDeath\":\"2024-01-01\",\"pad\":\"";
        String body = prefix + "x".repeat(1024 * 1024 + 1 - prefix.length() - 2) + "\"}";
        assertThat(body.length()).isEqualTo(1024 * 1024 + 1);
        JsonNode problem = refused(http.postJson("/issuers/IIJ/deaths", body), 413, "PAYLOAD_TOO_LARGE");
        assertThat(problem.path("detail").asText()).contains("1 MB");
        // Without a Content-Length the body is counted as it is read: a value longer than the limit.
        String chunkedBody = "{\"dateOfDeath\":\"2024-01-01\",\"personId\":\"" + "p".repeat(1024 * 1024) + "\"}";
        RawHttp.Answer chunked = http.send("POST", "/issuers/IIJ/deaths", Map.of("Content-Type", "application/json"),
                chunkedBody.getBytes(java.nio.charset.StandardCharsets.UTF_8), true);
        refused(chunked, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void aTenMegabyteNameIsNeverRecorded() throws Exception {
        RawHttp.Answer answer = http.postJson("/series", terms("name", "\"" + "n".repeat(10 * 1024 * 1024) + "\""));
        assertThat(answer.status()).as(answer.toString()).isIn(400, 413);
        refused(answer, answer.status(), answer.status() == 413 ? "PAYLOAD_TOO_LARGE" : "INVALID_INPUT");
        JsonNode tooLong = refused(http.postJson("/series", terms("name", "\"" + "n".repeat(201) + "\"")),
                400, "INVALID_INPUT");
        assertThat(tooLong.path("detail").asText()).contains("terms.name").contains("200");
        refused(http.postJson("/series/IIJ-SAR-5/reversals",
                "{\"holderId\":\"D01\",\"reason\":\"" + "r".repeat(1001) + "\"}"), 400, "INVALID_INPUT");
    }

    @Test
    void aRepeatedQueryParameterIsNamedNeverEchoedAsAnArray() throws Exception {
        JsonNode problem = refused(http.get("/holders/D01?asOf=2020-01-01&asOf=2021-01-01"), 400, "INVALID_INPUT");
        assertThat(problem.path("detail").asText()).contains("'asOf'").doesNotContain("[Ljava");
    }

    @Test
    void brokenMultipartIsABadRequest() throws Exception {
        for (String type : new String[]{"multipart/form-data; boundary=B", "multipart/form-data"}) {
            refused(http.send("POST", "/series/IIJ-SAR-5/allotment-amount/preview", Map.of("Content-Type", type),
                    "--B\r\ngarbage"), 400, "INVALID_INPUT");
        }
    }

    @Test
    void tomcatLevelRejectionsAreProblemDocuments() throws Exception {
        for (String target : new String[]{"/series/a%2Fb/events", "/series/a%00b/events", "/series/a%ffb/events",
                "/series/" + "x".repeat(9000) + "/events"}) {
            refused(http.get(target), 400, "INVALID_INPUT");
        }
        refused(http.send("GET", "/series", Map.of("X-Big", "h".repeat(9000)), (String) null), 400, "INVALID_INPUT");
    }

    @Test
    void unknownRoutesWrongMethodsAndMediaTypesAreProblemDocuments() throws Exception {
        refused(http.get("/nothing/here"), 404, "UNKNOWN_ROUTE");
        refused(http.send("DELETE", "/series/IIJ-SAR-5/allotments", Map.of(), (String) null), 405, "METHOD_NOT_ALLOWED");
        refused(http.send("POST", "/issuers/IIJ/deaths", Map.of("Content-Type", "text/plain"), "x"),
                415, "UNSUPPORTED_MEDIA_TYPE");
        refused(http.send("GET", "/nothing", Map.of("Accept", "text/html"), (String) null), 404, "UNKNOWN_ROUTE");
    }
}
