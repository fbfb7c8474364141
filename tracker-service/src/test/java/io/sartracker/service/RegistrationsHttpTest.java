package io.sartracker.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sartracker.service.filing.DueRegistration;
import io.sartracker.service.filing.RegistrationKind;
import io.sartracker.service.filing.Registrations;
import io.sartracker.service.notice.RegistrationDeadlines;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registrations of change (変更登記) of an issuer with two series: a share capital statement, an exercise before
 * a 2-for-1 split, exercises in both series in the month after it, the lapses the sweep records and the
 * acquisition of a whole series. The April report's totals are checked against figures computed by hand below;
 * the lapse and acquisition registrations, the deadlines on Today until marked filed, the CSV and PDF, and the
 * refusals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegistrationsHttpTest {
    static final String ISSUER = "REG-CO";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("registrations")::toString);
    }

    @Autowired
    ObjectMapper json;
    @Autowired
    Registrations registrations;
    @Autowired
    RegistrationDeadlines deadlines;
    TestRestTemplate admin;
    TestRestTemplate alice;
    TestRestTemplate rita;
    PageSession alicePages;
    String root;

    @Autowired
    void signIn(TestRestTemplate anonymous, Environment environment) {
        admin = TrackerTestSupport.asAdmin(anonymous, environment);
        alice = TrackerTestSupport.asUser(anonymous, environment, "alice", "EQUITY_ADMINISTRATOR");
        rita = TrackerTestSupport.asUser(anonymous, environment, "rita", "REPORTING");
        root = anonymous.getRootUri();
        alicePages = PageSession.signIn(root, "alice", "alice-password");
    }

    /**
     * Series REG-A (H1, H2, H5) and REG-B (H3, H4), 10 rights each at 200 shares per right and 1 yen per share,
     * no allotment amount recorded (so capital comes from the amount paid in alone, RULES.md 6).
     */
    @BeforeEach
    void history() {
        if (status(admin.getForEntity("/series/REG-A", String.class)) == 200) {
            return;
        }
        created("/series", TrackerTestSupport.issueSeriesBody("REG-A", ISSUER));
        created("/series", TrackerTestSupport.issueSeriesBody("REG-B", ISSUER));
        for (String[] allotment : new String[][]{{"REG-A", "H1"}, {"REG-A", "H2"}, {"REG-A", "H5"}, {"REG-B", "H3"},
                {"REG-B", "H4"}}) {
            created("/series/" + allotment[0] + "/allotments", "{\"holderId\": \"" + allotment[1]
                    + "\", \"role\": \"DIRECTOR\", \"rights\": 10, \"allotmentDate\": \"2015-07-13\"}");
        }
        // the split applies from 2020-04-01, the day after its record date (RULES.md 7)
        created("/issuers/" + ISSUER + "/share-splits", "{\"ratio\": \"2/1\", \"recordDate\": \"2020-03-31\"}");
        departAndExercise("REG-A", "H2", "2020-03-01", "2020-03-05", 2);
        // H1 exercises on the day the split applies from: at 400 shares per right
        departAndExercise("REG-A", "H1", "2020-03-25", "2020-04-01", 3);
        departAndExercise("REG-B", "H3", "2020-04-20", "2020-04-25", 5);
        // the unexercised rights lapse on the 11th day after leaving office: 2020-03-12, 04-05 and 05-01
        assertThat(status(admin.postForEntity("/lapse-sweeps", null, String.class))).isEqualTo(200);
        created("/series/REG-B/acquisitions", "{\"cause\": \"SHARE_EXCHANGE\", \"approvalDate\": \"2020-06-01\","
                + " \"acquisitionDate\": \"2020-06-10\"}");
        created("/issuers/" + ISSUER + "/share-capital-statements", "{\"asAt\": \"2019-12-31\", \"issuedShares\":"
                + " 1000000, \"capitalStock\": 500000000, \"source\": \"履歴事項全部証明書 2020-01-10\"}");
    }

    @Test
    void theAprilReportAfterTheSplitStatesTheHandComputedTotals() throws Exception {
        // Carried forward from the statement as at 2019-12-31: 1,000,000 shares, capital stock 500,000,000 yen.
        //   2020-03-05 REG-A H2: 2 rights x 200 = 400 shares, paid in 400 yen, capital stock + ceil(400 / 2) = 200
        //              -> 1,000,400 shares, 500,000,200 yen
        //   2020-04-01 split 2/1 -> 1,000,400 x 2 = 2,000,800 shares (shares per right 200 -> 400), before
        //   2020-04-01 REG-A H1: 3 x 400 = 1,200 shares, paid in 1,200, capital stock + 600 (the same day)
        //              -> 2,002,000 shares, 500,000,800 yen
        //   2020-04-25 REG-B H3: 5 x 400 = 2,000 shares, paid in 2,000, capital stock + 1,000
        //              -> 2,004,000 shares, 500,001,800 yen
        long issuedShares = ((1_000_000 + 2 * 200) * 2) + 3 * 400 + 5 * 400;
        long capitalStock = 500_000_000 + 200 + 600 + 1_000;
        assertThat(issuedShares).isEqualTo(2_004_000);
        assertThat(capitalStock).isEqualTo(500_001_800);

        JsonNode report = read(rita, "/issuers/" + ISSUER + "/registration-report?key=EXERCISES-2020-04");
        assertThat(report.path("kind").asText()).isEqualTo("MONTHLY_EXERCISES");
        assertThat(report.path("due").asBoolean()).isTrue();
        assertThat(report.path("changeDate").asText()).isEqualTo("2020-04-30");
        // two weeks from the month's end: 2020-04-30 + 14 days
        assertThat(report.path("deadline").asText()).isEqualTo("2020-05-14");
        assertThat(report.path("totals").path("issuedShares").asLong()).isEqualTo(issuedShares);
        assertThat(report.path("totals").path("capitalStock").asLong()).isEqualTo(capitalStock);
        assertThat(report.path("totals").path("statement").path("asAt").asText()).isEqualTo("2019-12-31");
        JsonNode increases = report.path("increases");
        assertThat(increases.path("exercises").asLong()).isEqualTo(2);
        assertThat(increases.path("sharesIssued").asLong()).isEqualTo(1_200 + 2_000);
        assertThat(increases.path("amountPaidIn").asLong()).isEqualTo(1_200 + 2_000);
        assertThat(increases.path("capitalStock").asLong()).isEqualTo(600 + 1_000);
        assertThat(increases.path("capitalReserve").asLong()).isEqualTo(600 + 1_000);
        // as at 2020-04-30: REG-A 30 allotted - 2 - 3 exercised - 8 (H2, 03-12) - 7 (H1, 04-05) lapsed = 10;
        // REG-B 20 - 5 exercised = 15 (H3's 5 lapse only on 05-01); 400 shares per right after the split
        JsonNode a = series(report, "REG-A");
        JsonNode b = series(report, "REG-B");
        assertThat(a.path("rightsRemaining").asLong()).isEqualTo(30 - 2 - 3 - 8 - 7);
        assertThat(a.path("sharesPerRight").asLong()).isEqualTo(400);
        assertThat(a.path("sharesForRights").asLong()).isEqualTo(10 * 400);
        assertThat(b.path("rightsRemaining").asLong()).isEqualTo(20 - 5);
        assertThat(b.path("sharesForRights").asLong()).isEqualTo(15 * 400);
        assertThat(a.path("rightsExercisedInPeriod").asLong()).isEqualTo(3);
        assertThat(a.path("rightsLapsedInPeriod").asLong()).isEqualTo(7);
        // the facts behind the totals, in order, with the running totals and where to find each event
        List<String> facts = new ArrayList<>();
        report.path("facts").forEach(f -> facts.add(f.path("date").asText() + " " + f.path("fact").asText() + " "
                + f.path("seriesId").asText("-") + " " + f.path("issuedSharesAfter").asLong() + " "
                + f.path("capitalStockAfter").asLong() + " " + f.path("inPeriod").asBoolean()));
        assertThat(facts).containsExactly(
                "2020-03-05 EXERCISE REG-A 1000400 500000200 false",
                "2020-04-01 SPLIT - 2000800 500000200 true",
                "2020-04-01 EXERCISE REG-A 2002000 500000800 true",
                "2020-04-25 EXERCISE REG-B 2004000 500001800 true");
        assertThat(report.path("facts").get(2).path("holderId").asText()).isEqualTo("H1");
        assertThat(report.path("facts").get(2).path("trace").asText())
                .isEqualTo("/audit?seriesId=REG-A&holderId=H1&from=2020-04-01&to=2020-04-01");

        // March, before the split: one exercise; a month before any statement gives the increases, no totals
        JsonNode march = read(rita, "/issuers/" + ISSUER + "/registration-report?key=EXERCISES-2020-03");
        assertThat(march.path("totals").path("issuedShares").asLong()).isEqualTo(1_000_400);
        JsonNode early = read(rita, "/issuers/" + ISSUER + "/registration-report?key=EXERCISES-2019-06");
        assertThat(early.path("due").asBoolean()).isFalse();
        assertThat(early.path("totals").path("issuedShares").isIntegralNumber()).as("no invented figure").isFalse();
        assertThat(early.path("totals").path("missing").asText()).contains("No share capital statement")
                .contains("2019-06-30");

        ResponseEntity<byte[]> csv = rita.getForEntity("/issuers/" + ISSUER
                + "/registration-report?key=EXERCISES-2020-04&format=csv", byte[].class);
        assertThat(csv.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("registration-REG-CO-EXERCISES-2020-04.csv");
        String csvText = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(csvText).startsWith("\uFEFF変更登記").endsWith("\r\n");
        assertThat(csvText.replace("\r\n", "")).doesNotContain("\n");
        assertThat(csvText).contains("\r\n発行済株式の総数（株） Total issued shares,2004000\r\n")
                .contains("\r\n資本金の額（円） Capital stock (yen),500001800\r\n")
                .contains("\r\nREG-B,Series REG-B,15,400,6000,,5,0,0\r\n");

        ResponseEntity<byte[]> pdf = rita.getForEntity("/issuers/" + ISSUER
                + "/registration-report?key=EXERCISES-2020-04&format=pdf", byte[].class);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s", "");
        }
        assertThat(text).contains("変更登記").contains("発行済株式の総数").contains("資本金の額").contains("新株予約権の数")
                .contains("2004000").contains("500001800").contains("2020-05-14").contains("REG-A").contains("6000");
    }

    @Test
    void lapsesAndTheAcquisitionOfAWholeSeriesAreRegistrationsOfTheirDay() {
        JsonNode list = read(rita, "/issuers/" + ISSUER + "/registrations?asOf=2020-12-31");
        List<String> keys = new ArrayList<>();
        list.path("registrations").forEach(r -> keys.add(r.path("key").asText() + " " + r.path("kind").asText()
                + " " + r.path("deadline").asText()));
        assertThat(keys).containsExactly(
                "CHANGE-2020-03-12 LAPSE 2020-03-26",
                "EXERCISES-2020-03 MONTHLY_EXERCISES 2020-04-14",
                "CHANGE-2020-04-05 LAPSE 2020-04-19",
                "EXERCISES-2020-04 MONTHLY_EXERCISES 2020-05-14",
                "CHANGE-2020-05-01 LAPSE 2020-05-15",
                "CHANGE-2020-06-10 SERIES_EXTINGUISHED 2020-06-24");

        JsonNode lapse = read(rita, "/issuers/" + ISSUER + "/registration-report?key=CHANGE-2020-03-12");
        assertThat(lapse.path("kind").asText()).isEqualTo("LAPSE");
        assertThat(lapse.path("totals").isObject()).as("a lapse changes no share figure").isFalse();
        // REG-A after H2's 8 rights lapsed: 30 - 2 exercised - 8 = 20
        assertThat(series(lapse, "REG-A").path("rightsRemaining").asLong()).isEqualTo(20);
        assertThat(lapse.path("facts").get(0).path("holderId").asText()).isEqualTo("H2");
        assertThat(lapse.path("facts").get(0).path("rights").asLong()).isEqualTo(8);

        JsonNode extinguished = read(rita, "/issuers/" + ISSUER + "/registration-report?key=CHANGE-2020-06-10");
        assertThat(extinguished.path("kind").asText()).isEqualTo("SERIES_EXTINGUISHED");
        // REG-B: 20 - 5 exercised - 5 lapsed (H3, 05-01) - 10 acquired (H4) = 0
        assertThat(series(extinguished, "REG-B").path("rightsRemaining").asLong()).isZero();
        assertThat(series(extinguished, "REG-B").path("extinguished").asBoolean()).isTrue();
        assertThat(series(extinguished, "REG-A").path("rightsRemaining").asLong()).isEqualTo(10);
        assertThat(extinguished.path("facts").get(0).path("fact").asText()).isEqualTo("ACQUISITION");
        assertThat(extinguished.path("facts").get(0).path("rights").asLong()).isEqualTo(10);
    }

    @Test
    void anUnfiledRegistrationIsOnTodayUntilMarkedFiled() {
        String row = "data-registration=\"REG-CO CHANGE-2020-05-01\"";
        String today = alicePages.get("/app/today?lang=en").body();
        assertThat(today).contains(row).contains("Registrations of change not filed").contains("days overdue");
        assertThat(registrations.unfiled(TODAY)).contains(new DueRegistration(ISSUER, "CHANGE-2020-05-01",
                RegistrationKind.LAPSE, LocalDate.of(2020, 5, 1), LocalDate.of(2020, 5, 15)));
        // as the notices and the calendar feed are told of it
        assertThat(deadlines.unfiledOn(TODAY)).contains(new RegistrationDeadlines.RegistrationDeadline(ISSUER,
                "CHANGE-2020-05-01", "変更登記 新株予約権の消滅 / Registration of change: Rights lapsed (2020-05-01)",
                LocalDate.of(2020, 5, 15)));

        // the page's form: refused with the rule's code and sentence (422), then accepted
        HttpResponse<String> refused = alicePages.submit("/app/issuers/" + ISSUER + "/registrations/filing",
                Map.of("key", "CHANGE-2020-05-01", "filedOn", TODAY.plusDays(1).toString(), "reference", "R-1"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"filing-error\"").contains("INVALID_INPUT").contains("filedOn");
        HttpResponse<String> marked = alicePages.submit("/app/issuers/" + ISSUER + "/registrations/filing",
                Map.of("key", "CHANGE-2020-05-01", "filedOn", "2020-05-12", "reference", "申請番号 2020-123"));
        assertThat(marked.statusCode()).isEqualTo(302);
        assertThat(alicePages.get("/app/issuers/" + ISSUER + "/registrations?key=CHANGE-2020-05-01&lang=ja").body())
                .contains("申請済みとしました。").contains("申請番号 2020-123").contains("新株予約権の消滅");
        assertThat(alicePages.get("/app/today").body()).doesNotContain(row);
        assertThat(alicePages.get("/app/series/REG-A").body())
                .contains("href=\"/app/issuers/REG-CO/registrations\"");
        assertThat(registrations.unfiled(TODAY)).extracting(DueRegistration::key).doesNotContain("CHANGE-2020-05-01");

        // a mistaken mark undone: back on Today
        assertThat(status(alice.exchange("/issuers/" + ISSUER + "/registration-filings?key=CHANGE-2020-05-01",
                HttpMethod.DELETE, null, String.class))).isEqualTo(204);
        assertThat(alicePages.get("/app/today").body()).contains(row);
        JsonNode noMark = problem(alice.exchange("/issuers/" + ISSUER + "/registration-filings?key=CHANGE-2020-05-01",
                HttpMethod.DELETE, null, String.class), 404, "NO_FILING_MARK");
        assertThat(noMark.path("figures").path("key").asText()).isEqualTo("CHANGE-2020-05-01");

        // over the API: marked, listed with its mark
        ResponseEntity<String> api = alice.postForEntity("/issuers/" + ISSUER + "/registration-filings",
                jsonBody("{\"key\": \"EXERCISES-2020-04\", \"filedOn\": \"2020-05-13\", \"reference\": \"A-2\"}"),
                String.class);
        assertThat(status(api)).isEqualTo(201);
        JsonNode list = read(rita, "/issuers/" + ISSUER + "/registrations");
        list.path("registrations").forEach(r -> {
            if (r.path("key").asText().equals("EXERCISES-2020-04")) {
                assertThat(r.path("filing").path("reference").asText()).isEqualTo("A-2");
                assertThat(r.path("overdue").asBoolean()).isTrue();
            }
        });
    }

    @Test
    void reportingReadsTheReportPageWithoutTheFilingForm() {
        PageSession ritaPages = PageSession.signIn(root, "rita", "rita-password");
        HttpResponse<String> page = ritaPages.get("/app/issuers/" + ISSUER + "/registrations?key=EXERCISES-2020-04&lang=ja");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("発行済株式の総数").contains("2,004,000").contains("500,001,800")
                .contains("履歴事項全部証明書 2020-01-10").contains("id=\"report-pdf\"")
                .doesNotContain("id=\"filing-form\"");
        assertThat(alicePages.get("/app/issuers/" + ISSUER + "/registrations?key=EXERCISES-2020-04").body())
                .contains("id=\"filing-form\"");
        HttpResponse<byte[]> csv = ritaPages.download("/app/issuers/" + ISSUER
                + "/registrations/report?key=EXERCISES-2020-04&format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).startsWith("\uFEFF変更登記").contains("2004000");
        assertThat(ritaPages.submit("/app/issuers/" + ISSUER + "/registrations/filing", Map.of("key",
                "EXERCISES-2020-04", "filedOn", "2020-05-13", "reference", "x")).statusCode()).isEqualTo(403);
    }

    @Test
    void refusals() {
        problem(rita.getForEntity("/issuers/NO-SUCH-CO/registration-report?key=EXERCISES-2020-04", String.class),
                404, "UNKNOWN_ISSUER");
        JsonNode badMonth = problem(rita.getForEntity("/issuers/" + ISSUER
                + "/registration-report?key=EXERCISES-2020-13", String.class), 400, "INVALID_INPUT");
        assertThat(badMonth.path("detail").asText()).contains("EXERCISES-yyyy-mm");
        problem(rita.getForEntity("/issuers/" + ISSUER + "/registration-report?key=EXERCISES-2020-04&format=xlsx",
                String.class), 400, "INVALID_INPUT");
        JsonNode negative = problem(alice.postForEntity("/issuers/" + ISSUER + "/share-capital-statements",
                jsonBody("{\"asAt\": \"2019-12-31\", \"issuedShares\": -1, \"capitalStock\": 1, \"source\": \"x\"}"),
                String.class), 400, "INVALID_INPUT");
        assertThat(negative.path("detail").asText()).contains("issuedShares");
        problem(alice.postForEntity("/issuers/" + ISSUER + "/share-capital-statements",
                jsonBody("{\"asAt\": \"2019-12-31\", \"issuedShares\": 1, \"capitalStock\": -5, \"source\": \"x\"}"),
                String.class), 400, "INVALID_INPUT");
        JsonNode nothing = problem(alice.postForEntity("/issuers/" + ISSUER + "/registration-filings",
                jsonBody("{\"key\": \"EXERCISES-2019-06\", \"filedOn\": \"2019-07-10\", \"reference\": \"x\"}"),
                String.class), 404, "UNKNOWN_REGISTRATION");
        assertThat(nothing.path("figures").path("key").asText()).isEqualTo("EXERCISES-2019-06");
        assertThat(status(rita.postForEntity("/issuers/" + ISSUER + "/share-capital-statements",
                jsonBody("{\"asAt\": \"2019-12-31\", \"issuedShares\": 1, \"capitalStock\": 1, \"source\": \"x\"}"),
                String.class))).isEqualTo(403);
        JsonNode statements = read(rita, "/issuers/" + ISSUER + "/share-capital-statements");
        assertThat(statements.size()).isEqualTo(1);
        assertThat(statements.get(0).path("recordedBy").asText()).isEqualTo(TrackerTestSupport.ADMIN);
    }

    private void departAndExercise(String series, String holder, String departure, String exercise, int rights) {
        created("/issuers/" + ISSUER + "/departures", "{\"holderId\": \"" + holder + "\", \"departureDate\": \""
                + departure + "\", \"reason\": \"RETIREMENT\"}");
        created("/series/" + series + "/exercises", "{\"holderId\": \"" + holder + "\", \"exerciseDate\": \""
                + exercise + "\", \"rights\": " + rights + "}");
    }

    private void created(String path, String body) {
        ResponseEntity<String> answer = admin.postForEntity(path, jsonBody(body), String.class);
        assertThat(status(answer)).as(path + ": " + answer.getBody()).isEqualTo(201);
    }

    private JsonNode read(TestRestTemplate client, String path) {
        ResponseEntity<String> answer = client.getForEntity(path, String.class);
        assertThat(status(answer)).as(path + ": " + answer.getBody()).isEqualTo(200);
        try {
            return json.readTree(answer.getBody());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private JsonNode problem(ResponseEntity<String> answer, int status, String code) {
        assertThat(status(answer)).as(answer.getBody()).isEqualTo(status);
        try {
            JsonNode problem = json.readTree(answer.getBody());
            assertThat(problem.path("code").asText()).isEqualTo(code);
            return problem;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode series(JsonNode report, String seriesId) {
        for (JsonNode s : report.path("series")) {
            if (s.path("seriesId").asText().equals(seriesId)) {
                return s;
            }
        }
        throw new AssertionError("no series " + seriesId + " in " + report);
    }

    private static HttpEntity<String> jsonBody(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static int status(ResponseEntity<?> answer) {
        return answer.getStatusCode().value();
    }
}
