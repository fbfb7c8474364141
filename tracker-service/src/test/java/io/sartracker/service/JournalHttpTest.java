package io.sartracker.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accounting journal of the reference history (RULES.md 12) with an allotment amount determined before the
 * allotment, and a second director whose window closes unexercised so that the lapse sweep records a lapse:
 * under ASBJ Statement No. 8 and under IFRS 2, over the API, as CSV and on the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JournalHttpTest {
    /** The amount per right the inputs below determine (as ValuationHttpTest computes it). */
    private static final long A = 378_540;
    private static final String SERIES = "/series/IIJ-SAR-5";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("journal")::toString);
    }

    TestRestTemplate http;
    TestRestTemplate reporting;
    String root;
    String adminPassword;
    /** GET /issuers/IIJ/accounting-standard before any test chose one. */
    String standardBeforeAnyChoice;

    @Autowired
    void signIn(TestRestTemplate anonymous, Environment environment) {
        http = TrackerTestSupport.asAdmin(anonymous, environment);
        reporting = TrackerTestSupport.asUser(anonymous, environment, "rita", "REPORTING");
        root = anonymous.getRootUri();
        adminPassword = TrackerTestSupport.adminPassword(environment);
    }

    @Autowired
    ObjectMapper json;

    @BeforeAll
    void recordTheReferenceHistoryWithAnAmountAndALapse() {
        created(post("/series", TrackerTestSupport.issueSeriesBody("IIJ-SAR-5", "IIJ")));
        created(post(SERIES + "/allotment-amount", """
                {"determinationDate": "2015-07-13", "spot": 2200, "years": 15, "riskFreeRate": 0.01,
                 "dividendYield": 0.01, "volatility": 0.40}"""));
        Map<String, Integer> allotted = new LinkedHashMap<>();
        allotted.put("D01", 30);
        allotted.put("D02", 23);
        for (int d = 3; d <= 7; d++) {
            allotted.put("D0" + d, 20);
        }
        for (int e = 1; e <= 11; e++) {
            allotted.put(String.format("E%02d", e), 7);
        }
        allotted.forEach((holder, rights) -> created(post(SERIES + "/allotments", "{\"holderId\": \"" + holder
                + "\", \"role\": \"" + (holder.startsWith("D") ? "DIRECTOR" : "EXECUTIVE_OFFICER")
                + "\", \"rights\": " + rights + ", \"allotmentDate\": \"2015-07-13\"}")));
        created(post("/issuers/IIJ/share-splits", "{\"ratio\": \"2/1\", \"recordDate\": \"2020-12-31\"}"));
        created(post("/issuers/IIJ/share-splits", "{\"ratio\": \"2/1\", \"recordDate\": \"2022-09-30\"}"));
        created(post("/issuers/IIJ/departures",
                "{\"holderId\": \"D01\", \"departureDate\": \"2023-06-23\", \"reason\": \"RETIREMENT\"}"));
        created(post(SERIES + "/exercises", "{\"holderId\": \"D01\", \"exerciseDate\": \"2023-06-30\", \"rights\": 30}"));
        // D02 leaves and never exercises: the window 2024-03-30..2024-04-08 closes, the lapse is dated 2024-04-09
        created(post("/issuers/IIJ/departures",
                "{\"holderId\": \"D02\", \"departureDate\": \"2024-03-29\", \"reason\": \"RESIGNATION\"}"));
        assertThat(post("/lapse-sweeps", null).getStatusCode().value()).isEqualTo(200);
        // before any test chooses a standard for the issuer
        standardBeforeAnyChoice = http.getForEntity("/issuers/IIJ/accounting-standard", String.class).getBody();
    }

    @Test
    void theStandardIsAsbjUntilTheIssuerChoosesOne() throws Exception {
        JsonNode standard = json.readTree(standardBeforeAnyChoice);
        assertThat(standard.get("standard").asText()).isEqualTo("ASBJ");
        assertThat(standard.get("choices")).isEmpty();
    }

    @Test
    void asbjBooksTheExpenseTheCapitalAndTheGainOnLapse() throws Exception {
        JsonNode journal = get(SERIES + "/journal?standard=ASBJ&to=2026-03-31");
        assertThat(journal.get("standard").asText()).isEqualTo("ASBJ");
        assertBalanced(journal);
        assertThat(journal.get("openingBalance").asLong()).isZero();
        assertThat(journal.get("closingBalance").asLong()).as("outstanding 177 rights at their book value")
                .isEqualTo(177 * A);
        assertThat(sum(journal, "6110", "debit")).as("the allotment expensed in full").isEqualTo(230 * A);
        assertThat(sum(journal, "7110", "credit")).as("新株予約権戻入益 = lapsed rights x amount").isEqualTo(23 * A);

        JsonNode exercise = entry(journal, "EXERCISE");
        long limit = 24_000 + 30 * A;
        assertThat(lines(exercise)).containsExactly("1110 D 24000", "3410 D " + 30 * A,
                "3110 C " + (limit + 1) / 2, "3120 C " + (limit - (limit + 1) / 2));
        assertThat(exercise.at("/source/eventType").asText()).isEqualTo("RightsExercised");
        assertThat(exercise.at("/source/holderId").asText()).isEqualTo("D01");
        assertThat(exercise.at("/source/inputs/sharesDelivered").asLong()).isEqualTo(24_000);
        long exerciseSequence = exercise.at("/source/sequenceNumber").asLong();
        JsonNode recorded = get(SERIES + "/events").get((int) exerciseSequence);
        assertThat(recorded.get("type").asText()).as("the source names the event of the series' stream")
                .isEqualTo("RightsExercised");

        JsonNode allotment = entry(journal, "ALLOTMENT");
        assertThat(allotment.at("/source/inputs/amountPerRight").asLong()).isEqualTo(A);
        assertThat(allotment.at("/source/inputs/volatility").asDouble()).isEqualTo(0.40);
        assertThat(allotment.at("/source/inputs/valuationDate").asText()).isEqualTo("2015-07-13");

        JsonNode lapse = entry(journal, "LAPSE");
        assertThat(lapse.get("date").asText()).isEqualTo("2024-04-09");
        assertThat(lines(lapse)).containsExactly("3410 D " + 23 * A, "7110 C " + 23 * A);
    }

    @Test
    void ifrsTransfersWithinEquityAndBooksNoGain() throws Exception {
        JsonNode journal = get(SERIES + "/journal?standard=ifrs&to=2026-03-31");
        assertThat(journal.get("standard").asText()).isEqualTo("IFRS");
        assertBalanced(journal);
        assertThat(journal.get("closingBalance").asLong()).isEqualTo(177 * A);
        List<String> accounts = new ArrayList<>();
        journal.get("entries").forEach(e -> e.get("lines").forEach(l -> accounts.add(l.get("accountCode").asText())));
        assertThat(accounts).as("no gain or income line").noneMatch(code -> code.startsWith("7"));
        assertThat(lines(entry(journal, "LAPSE"))).containsExactly("3410 D " + 23 * A, "3310 C " + 23 * A);
        assertThat(sum(journal, "6110", "debit")).isEqualTo(230 * A);
    }

    @Test
    void aPeriodOpensAtTheBalanceBeforeItAndBalancesAreByDay() throws Exception {
        JsonNode period = get(SERIES + "/journal?from=2023-07-01&to=2024-12-31&standard=ASBJ");
        assertThat(period.get("openingBalance").asLong()).isEqualTo(200 * A);
        assertThat(period.get("closingBalance").asLong()).isEqualTo(177 * A);
        assertThat(period.get("entries")).hasSize(1);
        assertThat(period.at("/entries/0/number").asInt()).as("numbered in the series' whole journal").isEqualTo(20);
        assertThat(get(SERIES + "/journal/balance?on=2023-06-29&standard=ASBJ").get("balance").asLong())
                .isEqualTo(230 * A);
        assertThat(get(SERIES + "/journal/balance?on=2023-06-30&standard=ASBJ").get("balance").asLong())
                .isEqualTo(200 * A);
        assertThat(get(SERIES + "/journal/balance?on=2015-07-12&standard=IFRS").get("balance").asLong()).isZero();
    }

    @Test
    void theCsvHasOneRowPerLineAndBalances() {
        ResponseEntity<byte[]> csv = http.getForEntity(SERIES + "/journal?format=csv&standard=ASBJ&to=2026-03-31",
                byte[].class);
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.valueOf("text/csv"))).isTrue();
        String text = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFdate,entry,account_code,");
        List<String> rows = List.of(text.substring(1).split("\r\n"));
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");
        long debits = 0;
        long credits = 0;
        boolean gain = false;
        for (String row : rows.subList(1, rows.size())) {
            String[] fields = row.split(",");
            debits += Long.parseLong(fields[5]);
            credits += Long.parseLong(fields[6]);
            gain |= fields[3].equals("新株予約権戻入益");
        }
        assertThat(rows).hasSize(1 + 18 * 2 + 4 + 2);
        assertThat(debits).isEqualTo(credits).isEqualTo(230 * A + 24_000 + 30 * A + 23 * A);
        assertThat(gain).isTrue();
    }

    @Test
    void theIssuersChoiceOfStandardIsKeptWithWhoMadeIt() throws Exception {
        ResponseEntity<String> chosen = http.exchange("/issuers/IIJ/accounting-standard", HttpMethod.PUT,
                jsonBody("{\"standard\": \"IFRS\"}"), String.class);
        assertThat(chosen.getStatusCode().value()).as(chosen.getBody()).isEqualTo(200);
        JsonNode standard = json.readTree(reporting.getForEntity("/issuers/IIJ/accounting-standard", String.class)
                .getBody());
        assertThat(standard.get("standard").asText()).isEqualTo("IFRS");
        assertThat(standard.at("/choices/0/chosenBy").asText()).isEqualTo("admin");
        assertThat(get(SERIES + "/journal?to=2026-03-31").get("standard").asText()).isEqualTo("IFRS");
        http.exchange("/issuers/IIJ/accounting-standard", HttpMethod.PUT, jsonBody("{\"standard\": \"ASBJ\"}"),
                String.class);
        assertThat(get(SERIES + "/journal?to=2026-03-31").get("standard").asText()).isEqualTo("ASBJ");

        ResponseEntity<String> unknownIssuer = http.exchange("/issuers/NO-SUCH/accounting-standard", HttpMethod.PUT,
                jsonBody("{\"standard\": \"IFRS\"}"), String.class);
        assertRefused(unknownIssuer, 404, "UNKNOWN_ISSUER");
        assertRefused(http.exchange("/issuers/IIJ/accounting-standard", HttpMethod.PUT,
                jsonBody("{\"standard\": \"GAAP\"}"), String.class), 400, "INVALID_INPUT");
        assertRefused(reporting.exchange("/issuers/IIJ/accounting-standard", HttpMethod.PUT,
                jsonBody("{\"standard\": \"IFRS\"}"), String.class), 403, "ROLE_REQUIRED");
    }

    @Test
    void refusesAnUnknownSeriesAReversedPeriodAndAnUnknownStandard() throws Exception {
        assertRefused(http.getForEntity("/series/NO-SUCH/journal", String.class), 404, "UNKNOWN_SERIES");
        assertRefused(http.getForEntity("/series/NO-SUCH/journal/balance", String.class), 404, "UNKNOWN_SERIES");
        ResponseEntity<String> reversed = http.getForEntity(SERIES + "/journal?from=2024-01-02&to=2024-01-01",
                String.class);
        assertRefused(reversed, 400, "INVALID_INPUT");
        assertThat(json.readTree(reversed.getBody()).at("/figures/from").asText()).isEqualTo("2024-01-02");
        ResponseEntity<String> gaap = http.getForEntity(SERIES + "/journal?standard=GAAP", String.class);
        assertRefused(gaap, 400, "INVALID_INPUT");
        assertThat(json.readTree(gaap.getBody()).get("detail").asText()).contains("ASBJ, IFRS");
        assertRefused(http.getForEntity(SERIES + "/journal?from=yesterday", String.class), 400, "INVALID_INPUT");
        assertRefused(http.getForEntity(SERIES + "/journal?format=xml", String.class), 400, "INVALID_INPUT");
    }

    @Test
    void thePageShowsTheJournalInJapaneseWithItsCsv() {
        PageSession admin = PageSession.signIn(root, "admin", adminPassword);
        HttpResponse<String> page = admin.get("/app/series/IIJ-SAR-5/journal?standard=ASBJ&to=2026-03-31&lang=ja");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("新株予約権戻入益", "株式報酬費用", "仕訳帳", "id=\"journal-closing\"");
        HttpResponse<String> english = admin.get("/app/series/IIJ-SAR-5/journal?standard=IFRS&lang=en");
        assertThat(english.body()).contains("Retained earnings").doesNotContain("Gain on reversal");
        HttpResponse<byte[]> csv = admin.download("/app/series/IIJ-SAR-5/journal.csv?standard=ASBJ");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).startsWith("\uFEFFdate,");
        assertThat(admin.get("/app/series/IIJ-SAR-5?lang=en").body()).contains("id=\"journal-link\"");
        HttpResponse<String> reversed = admin.get("/app/series/IIJ-SAR-5/journal?from=2024-01-02&to=2024-01-01&lang=en");
        assertThat(reversed.statusCode()).as("a refused period is the pages' refusal (422), never a 500").isEqualTo(422);
        assertThat(reversed.body()).contains("INVALID_INPUT");
        assertThat(admin.get("/app/series/NO-SUCH/journal").statusCode()).isEqualTo(404);
    }

    private static void assertBalanced(JsonNode journal) {
        journal.get("entries").forEach(e -> {
            long debit = 0;
            long credit = 0;
            for (JsonNode line : e.get("lines")) {
                debit += line.get("debit").asLong();
                credit += line.get("credit").asLong();
            }
            assertThat(debit).as("entry %s", e.get("number")).isEqualTo(credit);
        });
        assertThat(journal.get("totalDebit").asLong()).isEqualTo(journal.get("totalCredit").asLong()).isPositive();
    }

    private static long sum(JsonNode journal, String account, String side) {
        long total = 0;
        for (JsonNode e : journal.get("entries")) {
            for (JsonNode line : e.get("lines")) {
                if (line.get("accountCode").asText().equals(account)) {
                    total += line.get(side).asLong();
                }
            }
        }
        return total;
    }

    private static JsonNode entry(JsonNode journal, String kind) {
        for (JsonNode e : journal.get("entries")) {
            if (e.get("kind").asText().equals(kind)) {
                return e;
            }
        }
        throw new AssertionError("no " + kind + " entry in " + journal);
    }

    private static List<String> lines(JsonNode entry) {
        List<String> lines = new ArrayList<>();
        entry.get("lines").forEach(l -> lines.add(l.get("accountCode").asText() + (l.get("debit").asLong() > 0
                ? " D " + l.get("debit").asLong() : " C " + l.get("credit").asLong())));
        return lines;
    }

    private void assertRefused(ResponseEntity<String> answer, int status, String code) throws Exception {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        assertThat(json.readTree(answer.getBody()).get("code").asText()).isEqualTo(code);
    }

    private JsonNode get(String path) throws Exception {
        ResponseEntity<String> answer = http.getForEntity(path, String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        return json.readTree(answer.getBody());
    }

    private ResponseEntity<String> post(String path, String body) {
        return http.postForEntity(path, body == null ? null : jsonBody(body), String.class);
    }

    private static HttpEntity<String> jsonBody(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static void created(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
    }
}
