package io.sartracker.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference history of RULES.md 12 recorded over HTTP, as an administrator would, on an H2
 * file: the exercise of 2023 delivers 800 shares per right after the two splits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReferenceHistoryHttpTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("reference-http")::toString);
    }

    TestRestTemplate http;
    /** The equity administrator who records this test's facts. */
    TestRestTemplate alice;

    @Autowired
    void signIn(TestRestTemplate anonymous, Environment environment) {
        http = TrackerTestSupport.asAdmin(anonymous, environment);
        alice = TrackerTestSupport.asUser(anonymous, environment, "alice", "EQUITY_ADMINISTRATOR");
    }
    @Autowired
    ObjectMapper json;

    @Test
    @Order(1)
    void recordsTheReferenceHistoryAndDelivers800SharesPerRightIn2023() throws Exception {
        ResponseEntity<String> issued = post("/series", """
                {"seriesId": "IIJ-5", "issuerId": "IIJ", "terms": {
                  "name": "Internet Initiative Japan Inc. Stock Acquisition Rights (5th series)",
                  "issuerName": "Internet Initiative Japan Inc.",
                  "resolutionDate": "2015-06-26", "maximumRights": 230, "sharesPerRightAtIssue": 200,
                  "exercisePricePerShare": 1,
                  "exercisePeriod": {"firstDay": "2015-07-14", "lastDay": "2045-07-13"},
                  "allotmentDate": "2015-07-13", "paymentDate": "2015-07-13",
                  "windowAfterLeavingOfficeDays": 10, "heirWindowMonths": 6, "transferAllowed": false,
                  "eligibleRoles": ["DIRECTOR", "EXECUTIVE_OFFICER"]}}""");
        assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(issued.getHeaders().getLocation()).hasToString("/series/IIJ-5");

        long[] directors = {30, 25, 22, 21, 20, 20, 15};
        for (int i = 0; i < directors.length; i++) {
            assertThat(post("/series/IIJ-5/allotments", """
                    {"holderId": "D%02d", "role": "DIRECTOR", "rights": %d, "allotmentDate": "2015-07-13"}"""
                    .formatted(i + 1, directors[i])).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
        for (int i = 1; i <= 11; i++) {
            assertThat(post("/series/IIJ-5/allotments", """
                    {"holderId": "E%02d", "role": "EXECUTIVE_OFFICER", "rights": 7, "allotmentDate": "2015-07-13"}"""
                    .formatted(i)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
        JsonNode full = problem(post("/series/IIJ-5/allotments", """
                {"holderId": "E12", "role": "EXECUTIVE_OFFICER", "rights": 1, "allotmentDate": "2015-07-13"}"""),
                HttpStatus.UNPROCESSABLE_ENTITY, "MAXIMUM_RIGHTS_EXCEEDED");
        assertThat(full.at("/figures/rightsLeft").asLong()).isZero();

        JsonNode firstSplit = body(post("/issuers/IIJ/share-splits",
                "{\"ratio\": \"2/1\", \"recordDate\": \"2020-12-31\"}"));
        assertThat(firstSplit.at("/events/0/payload/after").asLong()).isEqualTo(400);
        assertThat(firstSplit.at("/events/0/payload/appliesFrom").asText()).isEqualTo("2021-01-01");
        JsonNode secondSplit = body(post("/issuers/IIJ/share-splits",
                "{\"ratio\": \"2/1\", \"recordDate\": \"2022-09-30\"}"));
        assertThat(secondSplit.at("/events/0/payload/after").asLong()).isEqualTo(800);

        problem(post("/series/IIJ-5/exercises",
                        "{\"holderId\": \"D01\", \"exerciseDate\": \"2023-06-30\", \"rights\": 30}"),
                HttpStatus.UNPROCESSABLE_ENTITY, "HOLDER_IN_OFFICE");

        JsonNode departure = body(post("/issuers/IIJ/departures",
                "{\"holderId\": \"D01\", \"departureDate\": \"2023-06-23\", \"reason\": \"RETIREMENT\"}"));
        assertThat(departure.at("/events/0/payload/window/firstDay").asText()).isEqualTo("2023-06-24");
        assertThat(departure.at("/events/0/payload/window/lastDay").asText()).isEqualTo("2023-07-03");

        JsonNode late = problem(post("/series/IIJ-5/exercises",
                        "{\"holderId\": \"D01\", \"exerciseDate\": \"2023-07-04\", \"rights\": 30}"),
                HttpStatus.UNPROCESSABLE_ENTITY, "OUTSIDE_EXERCISE_WINDOW");
        assertThat(late.at("/figures/windowLastDay").asText()).isEqualTo("2023-07-03");

        JsonNode exercised = body(post("/series/IIJ-5/exercises",
                "{\"holderId\": \"D01\", \"exerciseDate\": \"2023-06-30\", \"rights\": 30}"));
        JsonNode event = exercised.at("/events/0/payload");
        assertThat(exercised.at("/events/0/type").asText()).isEqualTo("RightsExercised");
        assertThat(event.get("sharesPerRight").asLong()).isEqualTo(800);
        assertThat(event.get("sharesDelivered").asLong()).isEqualTo(24_000);
        assertThat(event.get("amountPaidIn").asLong()).isEqualTo(24_000);
        assertThat(event.get("capitalStockIncrease").asLong()).isEqualTo(12_000);
        assertThat(event.get("capitalReserveIncrease").asLong()).isEqualTo(12_000);

        JsonNode history = json.readTree(http.getForEntity("/series/IIJ-5/events", String.class).getBody());
        assertThat(history).hasSize(1 + 18 + 2 + 1 + 1);
        assertThat(history.get(history.size() - 1).at("/metadata/recordedBy").asText()).isEqualTo("alice");
        assertThat(history.get(history.size() - 1).at("/metadata/command").asText()).isEqualTo("ExerciseRights");
    }

    @Test
    @Order(2)
    void answersEveryBadInputWithAProblemDocumentAndNever500() throws Exception {
        problem(post("/series/IIJ-5/exercises", "{\"holderId\": \"D02\","), HttpStatus.BAD_REQUEST,
                "INVALID_INPUT");
        problem(post("/series/IIJ-5/exercises", "{\"exerciseDate\": \"2023-06-30\", \"rights\": 1}"),
                HttpStatus.BAD_REQUEST, "INVALID_INPUT");
        problem(post("/series/IIJ-5/exercises", "{\"holderId\": \"D02\", \"exerciseDate\": \"2023-06-30\", \"rights\": -3}"),
                HttpStatus.BAD_REQUEST, "INVALID_INPUT");
        problem(post("/series/IIJ-5/exercises", "{\"holderId\": \"D02\", \"exerciseDate\": \"30/06/2023\", \"rights\": 1}"),
                HttpStatus.BAD_REQUEST, "INVALID_INPUT");
        problem(post("/series/IIJ-5/allotments", "{\"holderId\": \"D09\", \"role\": \"CHAIRMAN\", \"rights\": 1, \"allotmentDate\": \"2015-07-13\"}"),
                HttpStatus.BAD_REQUEST, "INVALID_INPUT");
        problem(post("/series/IIJ-5/allotments", "{\"holderId\": \"D09\", \"role\": \"DIRECTOR\", \"rights\": \"many\", \"allotmentDate\": \"2015-07-13\"}"),
                HttpStatus.BAD_REQUEST, "INVALID_INPUT");
        problem(post("/issuers/IIJ/share-splits", "{\"ratio\": \"two\", \"recordDate\": \"2024-03-31\"}"),
                HttpStatus.BAD_REQUEST, "INVALID_INPUT");
        problem(post("/issuers/IIJ/share-splits", "{\"ratio\": \"0/1\", \"recordDate\": \"2024-03-31\"}"),
                HttpStatus.BAD_REQUEST, "INVALID_INPUT");
        problem(post("/series/NO-SUCH/exercises", "{\"holderId\": \"D02\", \"exerciseDate\": \"2023-06-30\", \"rights\": 1}"),
                HttpStatus.NOT_FOUND, "UNKNOWN_SERIES");
        problem(post("/series/IIJ-5/exercises", "{\"holderId\": \"X99\", \"exerciseDate\": \"2023-06-30\", \"rights\": 1}"),
                HttpStatus.NOT_FOUND, "UNKNOWN_HOLDER");
        problem(post("/issuers/NO-SUCH/departures", "{\"holderId\": \"D02\", \"departureDate\": \"2023-06-30\", \"reason\": \"RETIREMENT\"}"),
                HttpStatus.NOT_FOUND, "UNKNOWN_ISSUER");
        problem(post("/issuers/IIJ/departures", "{\"holderId\": \"X99\", \"departureDate\": \"2023-06-30\", \"reason\": \"RETIREMENT\"}"),
                HttpStatus.NOT_FOUND, "UNKNOWN_HOLDER");
        problem(post("/series/IIJ-5/transfers", "{\"holderId\": \"D02\", \"transfereeId\": \"Z01\", \"rights\": 1, \"transferDate\": \"2024-01-05\"}"),
                HttpStatus.UNPROCESSABLE_ENTITY, "TRANSFER_NOT_ALLOWED");
        problem(post("/series/IIJ-5/exercises", "{\"holderId\": \"D02\", \"exerciseDate\": \"2023-06-30\", \"rights\": 1.5}"),
                HttpStatus.UNPROCESSABLE_ENTITY, "HOLDER_IN_OFFICE");
        problem(post("/series/IIJ-5/inheritances", "{\"holderId\": \"D02\", \"heirIds\": [\"H1\", \"H2\"], \"inheritanceDate\": \"2024-01-05\"}"),
                HttpStatus.UNPROCESSABLE_ENTITY, "MORE_THAN_ONE_HEIR");
        problem(post("/series", "{\"seriesId\": \"IIJ-5\", \"issuerId\": \"IIJ\"}"),
                HttpStatus.BAD_REQUEST, "INVALID_INPUT");
        JsonNode again = problem(post("/series", """
                {"seriesId": "IIJ-5", "issuerId": "IIJ", "terms": {
                  "name": "again", "issuerName": "Internet Initiative Japan Inc.",
                  "resolutionDate": "2015-06-26", "maximumRights": 230, "sharesPerRightAtIssue": 200,
                  "exercisePricePerShare": 1,
                  "exercisePeriod": {"firstDay": "2015-07-14", "lastDay": "2045-07-13"},
                  "allotmentDate": "2015-07-13", "windowAfterLeavingOfficeDays": 10, "heirWindowMonths": 6}}"""),
                HttpStatus.CONFLICT, "SERIES_ALREADY_ISSUED");
        assertThat(again.get("detail").asText()).isNotBlank();
    }

    @Test
    @Order(3)
    void recordsARoleChangeAndReversesADepartureAcrossTheIssuer() throws Exception {
        JsonNode promoted = body(post("/issuers/IIJ/role-changes",
                "{\"holderId\": \"E01\", \"newRole\": \"DIRECTOR\", \"changeDate\": \"2024-06-20\"}"));
        assertThat(promoted.at("/events/0/type").asText()).isEqualTo("HolderRoleChanged");
        assertThat(promoted.at("/events/0/payload/previousRole").asText()).isEqualTo("EXECUTIVE_OFFICER");

        body(post("/issuers/IIJ/departures",
                "{\"holderId\": \"D03\", \"departureDate\": \"2024-06-28\", \"reason\": \"END_OF_TERM\"}"));
        JsonNode reversed = body(post("/issuers/IIJ/reversals", """
                {"personId": "D03", "fact": "DEPARTURE", "reason": "re-elected at the same meeting",
                 "reversedOn": "2024-06-29"}"""));
        assertThat(reversed.at("/events/0/type").asText()).isEqualTo("FactReversed");
        assertThat(reversed.at("/events/0/payload/fact").asText()).isEqualTo("DEPARTURE");
        problem(post("/issuers/IIJ/reversals",
                        "{\"personId\": \"D03\", \"fact\": \"DEPARTURE\", \"reason\": \"again\"}"),
                HttpStatus.UNPROCESSABLE_ENTITY, "NOTHING_TO_REVERSE");
        problem(post("/issuers/IIJ/reversals",
                        "{\"personId\": \"D03\", \"fact\": \"EXERCISE\", \"reason\": \"wrong kind\"}"),
                HttpStatus.BAD_REQUEST, "INVALID_INPUT");
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        // a header cannot name the recorder: the signed-in user is recorded
        headers.set("X-Recorded-By", "system");
        return alice.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode body(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(response.getBody());
    }

    private JsonNode problem(ResponseEntity<String> response, HttpStatus status, String code) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status.value());
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("\tat ");
        return problem;
    }
}
