package io.sartracker.service.pages;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages as a person uses them, in headless Chromium: sign in, record the reference history of
 * RULES.md 12 through the forms, read it back on the pages, charts, the as-of picker, both
 * languages, a reporting user without recording forms, and every page screenshotted in Japanese and
 * English and checked by axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesBrowserTest {
    private static final Path DATA = freshDataDir();
    private static final String SERIES = "IIJ-SAR-5";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", DATA::toString);
    }

    private static Path freshDataDir() {
        try {
            return Files.createTempDirectory("sar-tracker-pages");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;

    Browser browser;

    String base() {
        return "http://localhost:" + port;
    }

    String adminPassword() throws IOException {
        return Files.readString(DATA.resolve("initial-admin-password.txt")).strip();
    }

    @BeforeAll
    void start() throws IOException {
        browser = new Browser(base(), "en-US");
        browser.signIn("admin", adminPassword());
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private void record(String fact, Map<String, String> values) {
        browser.open("/app/record?fact=" + fact);
        values.forEach(browser::fill);
        browser.click(By.id("submit"));
        browser.waitUntil(d -> !d.findElements(By.id("done")).isEmpty() || !d.findElements(By.cssSelector(".field-error, #form-error")).isEmpty());
        assertThat(browser.driver.findElements(By.cssSelector(".field-error, #form-error")))
                .as("rejection of %s %s: %s", fact, values, browser.pageText()).isEmpty();
    }

    private static Map<String, String> values(String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return values;
    }

    @Test
    @Order(1)
    void theLandingPageAfterSignInIsToday() {
        assertThat(browser.driver.getCurrentUrl()).endsWith("/app/today");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).startsWith("Today");
    }

    @Test
    @Order(2)
    void theReferenceHistoryIsRecordedThroughTheForms() {
        record("issue", values("seriesId", SERIES, "issuerId", "IIJ",
                "name", "Internet Initiative Japan Inc. Stock Acquisition Rights (5th series)",
                "issuerName", "Internet Initiative Japan Inc.", "resolutionDate", "2015-06-26",
                "maximumRights", "230", "sharesPerRightAtIssue", "200", "exercisePricePerShare", "1",
                "exerciseFirstDay", "2015-07-14", "exerciseLastDay", "2045-07-13", "allotmentDate", "2015-07-13",
                "paymentDate", "2015-07-13", "windowAfterLeavingOfficeDays", "10", "heirWindowMonths", "6"));
        long[] directors = {30, 25, 22, 21, 20, 20, 15};
        for (int i = 0; i < directors.length; i++) {
            record("allotment", values("seriesId", SERIES, "holderId", String.format("D%02d", i + 1),
                    "role", "DIRECTOR", "rights", String.valueOf(directors[i]), "allotmentDate", "2015-07-13"));
        }
        for (int i = 1; i <= 11; i++) {
            record("allotment", values("seriesId", SERIES, "holderId", String.format("E%02d", i),
                    "role", "EXECUTIVE_OFFICER", "rights", "7", "allotmentDate", "2015-07-13"));
        }
        record("split", values("issuerId", "IIJ", "ratio", "2/1", "recordDate", "2020-12-31"));
        record("split", values("issuerId", "IIJ", "ratio", "2/1", "recordDate", "2022-09-30"));
        record("departure", values("issuerId", "IIJ", "holderId", "D01", "departureDate", "2023-06-23",
                "reason", "RETIREMENT"));

        // A day after the window: refused, the window's dates beside the date field, what was typed kept.
        browser.open("/app/record?fact=exercise");
        values("seriesId", SERIES, "holderId", "D01", "exerciseDate", "2023-07-10", "rights", "30")
                .forEach(browser::fill);
        browser.click(By.id("submit"));
        WebElement error = browser.find(By.id("err-exerciseDate"));
        assertThat(error.getText()).contains("OUTSIDE_EXERCISE_WINDOW").contains("2023-06-24").contains("2023-07-03");
        assertThat(browser.driver.findElement(By.id("f-exerciseDate")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.driver.findElement(By.id("f-exerciseDate")).getAttribute("value")).isEqualTo("2023-07-10");
        assertThat(browser.driver.findElement(By.id("f-rights")).getAttribute("value")).isEqualTo("30");
        browser.screenshot("record-exercise-rejected-en");

        // Inside the window: the form shows what it will record, then records it once confirmed.
        browser.fill("exerciseDate", "2023-06-30");
        browser.click(By.id("submit"));
        browser.find(By.id("preview"));
        assertThat(browser.text(By.id("preview-shares"))).isEqualTo("24,000");
        assertThat(browser.text(By.id("preview-paid"))).isEqualTo("¥24,000");
        assertThat(browser.text(By.id("preview-stock"))).isEqualTo("¥12,000");
        assertThat(browser.text(By.id("preview-reserve"))).isEqualTo("¥12,000");
        browser.screenshot("record-exercise-preview-en");
        browser.click(By.id("confirm"));
        assertThat(browser.find(By.id("done")).getText()).contains("RightsExercised");
    }

    @Test
    @Order(3)
    void theSeriesAndHolderPagesShow800SharesPerRightAnd24000Shares() {
        browser.open("/app/series/" + SERIES);
        browser.reloadUntil(d -> d.findElements(By.cssSelector("#exercises td.shares")).size() == 1);
        assertThat(browser.text(By.id("fig-spr"))).isEqualTo("800");
        assertThat(browser.text(By.id("fig-allotted"))).isEqualTo("230");
        assertThat(browser.text(By.id("fig-exercised"))).isEqualTo("30");
        assertThat(browser.text(By.cssSelector("#exercises td.shares"))).isEqualTo("24,000");
        assertThat(browser.driver.findElements(By.cssSelector("#register tbody tr"))).hasSize(18);
        browser.open("/app/holders/D02");
        assertThat(browser.text(By.cssSelector(".holding .spr"))).isEqualTo("800");
        assertThat(browser.text(By.cssSelector(".holding .shares-deliverable"))).isEqualTo("20,000");
        browser.open("/app/holders/D01");
        assertThat(browser.pageText()).contains("24,000");
        assertThat(browser.find(By.cssSelector(".holding [data-state]")).getAttribute("data-state"))
                .isEqualTo("FULLY_EXERCISED");
    }

    @Test
    @Order(4)
    void theSeriesChartShows30RightsExercisedOn2023_06_30() {
        browser.open("/app/series/" + SERIES + "/chart");
        WebElement row = browser.find(By.cssSelector("#chart-table tr[data-date='2023-06-30']"));
        assertThat(row.findElement(By.cssSelector("td.exercised")).getText()).isEqualTo("30");
        browser.waitUntil(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-charts-drawn")));
        Object exercised = browser.script("var c = Chart.getChart('series-chart');"
                + "var i = c.data.labels.indexOf('2023-06-30'); return c.data.datasets[1].data[i];");
        assertThat(((Number) exercised).longValue()).isEqualTo(30);
        Object steps = browser.script("return Chart.getChart('spr-chart').data.datasets[0].data;");
        assertThat(steps.toString()).contains("200").contains("400").contains("800");
    }

    @Test
    @Order(5)
    void theAsOfPickerShowsD01InHisWindowOn2023_06_28() {
        browser.open("/app/holders/D01");
        browser.setValue(browser.find(By.id("asOf")), "2023-06-28");
        browser.click(By.id("when-apply"));
        browser.waitUntil(d -> d.getCurrentUrl().contains("asOf=2023-06-28"));
        assertThat(browser.find(By.cssSelector(".holding [data-state]")).getAttribute("data-state"))
                .isEqualTo("WINDOW_OPEN");
        assertThat(browser.text(By.cssSelector(".holding [data-state]"))).isEqualTo("Window open");
        assertThat(browser.text(By.cssSelector(".holding .shares-deliverable"))).isEqualTo("24,000");
        assertThat(browser.pageText()).contains("Window closes in 5 days");
        browser.screenshot("holder-as-of-en");
        // the choice stays on the links: the register of that day
        browser.click(By.cssSelector(".holding h3 a"));
        browser.waitUntil(d -> d.getCurrentUrl().contains("/app/series/" + SERIES + "?asOf=2023-06-28"));
        assertThat(browser.find(By.cssSelector("#register tr[data-holder='D01'] [data-state]")).getAttribute("data-state"))
                .isEqualTo("WINDOW_OPEN");
    }

    @Test
    @Order(6)
    void theLanguageSwitchShowsTheJapaneseWords() {
        browser.open("/app/series/" + SERIES);
        browser.click(By.id("lang-ja"));
        browser.waitUntil(d -> "ja".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        String page = browser.pageText();
        assertThat(page).contains("新株予約権原簿").contains("新株予約権").contains("行使").contains("株式分割")
                .contains("24,000円").contains("2023年6月30日");
        browser.open("/app/record?fact=allotment");
        assertThat(browser.pageText()).contains("割当").contains("退任").contains("相続").contains("株式併合")
                .contains("組織再編").contains("取得");
        browser.open("/app/holders/D01?asOf=2023-07-05");
        assertThat(browser.pageText()).contains("消滅");
        browser.click(By.id("lang-en"));
        browser.waitUntil(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    }

    @Test
    @Order(7)
    void aReportingUserSeesNoRecordingForm() throws IOException {
        createUser("rita.reporting", "REPORTING");
        try (Browser reporting = new Browser(base(), "en-US")) {
            reporting.signIn("rita.reporting", "rita.reporting-password");
            assertThat(reporting.driver.getCurrentUrl()).endsWith("/app/today");
            assertThat(reporting.driver.findElements(By.id("nav-record"))).isEmpty();
            reporting.open("/app/series/" + SERIES);
            assertThat(reporting.driver.findElements(By.tagName("form")).stream()
                    .filter(f -> String.valueOf(f.getAttribute("action")).contains("/app/record"))).isEmpty();
            assertThat(reporting.pageText()).doesNotContain("Exercise (");
            reporting.open("/app/record?fact=exercise");
            assertThat(reporting.find(By.tagName("h1")).getText()).isEqualTo("Not for your role");
            assertThat(reporting.driver.findElements(By.cssSelector("form.record"))).isEmpty();
            reporting.screenshot("denied-en");
        }
    }

    private void createUser(String username, String... roles) throws IOException {
        var client = new org.springframework.boot.test.web.client.TestRestTemplate()
                .withBasicAuth("admin", adminPassword());
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + username + "-password\",\"roles\":[\""
                + String.join("\",\"", roles) + "\"]}";
        var answer = client.postForEntity(base() + "/users", new org.springframework.http.HttpEntity<>(body, headers),
                String.class);
        assertThat(answer.getStatusCode().value()).isIn(201, 409);
    }

    /** More to see on Today: a window closing within 3 days and a holding awaiting its heir. */
    @Test
    @Order(8)
    void todayShowsWindowsClosingSoonInRedAndHoldingsAwaitingAnHeir() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        record("departure", values("issuerId", "IIJ", "holderId", "D02", "departureDate",
                today.minusDays(8).toString(), "reason", "RESIGNATION"));
        record("death", values("issuerId", "IIJ", "personId", "D03", "dateOfDeath", today.minusDays(30).toString()));
        browser.open("/app/today");
        browser.reloadUntil(d -> !d.findElements(By.cssSelector("#windows tr.urgent")).isEmpty()
                && !d.findElements(By.cssSelector("#awaiting tbody tr")).isEmpty()
                && d.findElement(By.id("recent")).getText().contains("died"));
        assertThat(browser.text(By.cssSelector("#windows tr.urgent td.days"))).contains("2 days left");
        assertThat(browser.find(By.cssSelector("#windows tr.urgent td.days")).getCssValue("color"))
                .isEqualTo("rgba(176, 0, 32, 1)");
        assertThat(browser.text(By.id("awaiting"))).contains("D03").contains("30 days");
        assertThat(browser.text(By.id("recent"))).contains("admin").contains("Holder died");
    }

    /** Every page, in English and in Japanese: a screenshot, and no serious or critical axe-core violation. */
    @Test
    @Order(9)
    void everyPageInBothLanguagesIsScreenshottedAndPassesAxe() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("today", "/app/today");
        pages.put("series-list", "/app/series");
        pages.put("series", "/app/series/" + SERIES);
        pages.put("series-as-of", "/app/series/" + SERIES + "?asOf=2023-06-28");
        pages.put("series-chart", "/app/series/" + SERIES + "/chart");
        pages.put("issuer-chart", "/app/issuers/IIJ/chart");
        pages.put("holders", "/app/holders");
        pages.put("holder", "/app/holders/D01");
        pages.put("holder-chart", "/app/holders/D01/chart");
        pages.put("record-exercise", "/app/record?fact=exercise");
        pages.put("record-issue", "/app/record?fact=issue");
        pages.put("record-allotment-amount", "/app/record?fact=allotmentAmount");
        List<String> violations = new ArrayList<>();
        for (String language : List.of("en", "ja")) {
            browser.open("/app/today?lang=" + language);
            for (Map.Entry<String, String> page : pages.entrySet()) {
                browser.open(page.getValue());
                browser.waitUntil(d -> d.findElement(By.tagName("main")));
                browser.screenshot(page.getKey() + "-" + language);
                browser.seriousAccessibilityViolations().forEach(v -> violations.add(page.getKey() + "-" + language + " " + v));
            }
        }
        browser.open("/app/today?lang=en");
        try (Browser anonymous = new Browser(base(), "ja")) {
            anonymous.open("/login");
            anonymous.screenshot("login-ja");
            anonymous.seriousAccessibilityViolations().forEach(v -> violations.add("login-ja " + v));
            anonymous.open("/login?lang=en");
            anonymous.screenshot("login-en");
            anonymous.seriousAccessibilityViolations().forEach(v -> violations.add("login-en " + v));
        }
        assertThat(violations).isEmpty();
    }
}
