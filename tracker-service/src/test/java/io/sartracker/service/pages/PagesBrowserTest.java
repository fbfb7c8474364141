package io.sartracker.service.pages;

import io.sartracker.service.TrackerTestSupport;
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
    private static final Path DATA = TrackerTestSupport.freshDataDir("pages");
    private static final String SERIES = "IIJ-SAR-5";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", DATA::toString);
    }


    @LocalServerPort
    int port;
    @Autowired
    Environment environment;

    Browser browser;

    String base() {
        return "http://localhost:" + port;
    }

    String adminPassword() {
        return TrackerTestSupport.adminPassword(DATA);
    }

    @BeforeAll
    void start() throws IOException {
        browser = Browser.signedInAsAdmin(port, DATA, "en-US");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private void record(String fact, Map<String, String> values) {
        String form = "/app/record?fact=" + fact;
        browser.open(form);
        // The form's choices of series, issuers and people come from the views, which take in a fact within a
        // second or so: a form opened right after the fact before may not offer it yet. Open it again until it does.
        browser.waitUntil(d -> {
            boolean offered = values.entrySet().stream().allMatch(value -> {
                List<WebElement> fields = d.findElements(By.id("f-" + value.getKey()));
                return fields.isEmpty() || !fields.get(0).getTagName().equals("select") || !fields.get(0)
                        .findElements(By.cssSelector("option[value='" + value.getValue() + "']")).isEmpty();
            });
            if (!offered) {
                browser.open(form);
            }
            return offered;
        });
        values.forEach(browser::fill);
        browser.click(By.id("submit"));
        browser.waitUntil(d -> !d.findElements(By.id("done")).isEmpty() || !d.findElements(By.cssSelector(".field-error, #form-error")).isEmpty());
        assertThat(browser.driver.findElements(By.cssSelector(".field-error, #form-error")))
                .as("rejection of %s %s: %s", fact, values, browser.pageText()).isEmpty();
    }

    /**
     * Waits until the page's "done" message says the text: after a second action on the same page the
     * message of the first is still there until htmx swaps in the new one.
     */
    private void doneSays(String text) {
        browser.waitUntil(d -> {
            try {
                return d.findElements(By.id("done")).stream().anyMatch(done -> done.getText().contains(text));
            } catch (org.openqa.selenium.StaleElementReferenceException swappedMeanwhile) {
                return false;
            }
        });
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
        pages.put("registrations", "/app/issuers/IIJ/registrations?key=EXERCISES-2023-06");
        pages.put("journal", "/app/series/" + SERIES + "/journal");
        pages.put("calendar", "/app/calendar");
        pages.put("notices", "/app/notices");
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

    /** Screenshots a page in both languages and collects axe-core's serious and critical violations. */
    private static void screenshotBothLanguages(Browser browser, String name, String path, List<String> violations) {
        for (String language : List.of("en", "ja")) {
            browser.open(path + (path.contains("?") ? "&" : "?") + "lang=" + language);
            browser.waitUntil(d -> language.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
            browser.screenshot(name + "-" + language);
            browser.seriousAccessibilityViolations().forEach(v -> violations.add(name + "-" + language + " " + v));
        }
        browser.open(path + (path.contains("?") ? "&" : "?") + "lang=en");
    }

    /**
     * Compliance: a departure recorded in error is reversed through the form; the compliance page marks
     * the reversal as a correction and the departure it reversed, and shows D01 going from his window
     * (30 rights) to fully exercised between 2023-06-28 and 2023-07-01. Reporting reads it without payloads.
     */
    @Test
    @Order(10)
    void complianceSeesTheCorrectionMarkedAndTheDifferenceForD01() throws IOException {
        String beforeReversal = java.time.LocalDateTime.now(ZoneId.of("Asia/Tokyo")).withNano(0).toString();
        record("personReversal", values("issuerId", "IIJ", "personId", "D02", "fact", "DEPARTURE",
                "reason", "Recorded in error: D02 did not resign"));
        createUser("chie.compliance", "COMPLIANCE");
        List<String> violations = new ArrayList<>();
        try (Browser compliance = new Browser(base(), "en-US")) {
            compliance.signIn("chie.compliance", "chie.compliance-password");
            compliance.click(By.id("nav-compliance"));
            compliance.find(By.id("subject-form"));
            compliance.fillId("c-series", SERIES);
            compliance.setValue(compliance.find(By.id("c-from")), "2023-06-28");
            compliance.setValue(compliance.find(By.id("c-to")), "2023-07-01");
            compliance.click(By.id("c-show"));
            compliance.waitUntil(d -> d.getCurrentUrl().contains("from=2023-06-28"));
            compliance.reloadUntil(d -> !d.findElements(By.cssSelector("#timeline tr.correction[data-event-type='FactReversed']")).isEmpty());

            WebElement reversal = compliance.find(By.cssSelector("#timeline tr.correction[data-event-type='FactReversed']"));
            assertThat(reversal.getText()).contains("Correction").contains("admin").contains("Password")
                    .contains("ReverseFactOfPerson");
            WebElement departure = compliance.find(By.cssSelector("#timeline tr[data-event-type='HolderLeftOffice'][data-holder='D02']"));
            assertThat(departure.getAttribute("data-corrected-later")).isEqualTo("true");
            assertThat(departure.getText()).contains("Reversed later");
            assertThat(compliance.driver.findElements(By.cssSelector("#timeline tr[data-event-type='RightsExercised']")).get(0)
                    .getAttribute("data-corrected-later")).isEqualTo("false");

            WebElement d01 = compliance.find(By.cssSelector("#diff tr[data-holder='D01']"));
            assertThat(d01.findElement(By.cssSelector("td.before [data-state]")).getAttribute("data-state")).isEqualTo("WINDOW_OPEN");
            assertThat(d01.findElement(By.cssSelector("td.after [data-state]")).getAttribute("data-state")).isEqualTo("FULLY_EXERCISED");
            assertThat(d01.findElement(By.cssSelector("td.before.rights")).getText()).isEqualTo("30");
            assertThat(d01.findElement(By.cssSelector("td.after.rights")).getText()).isEqualTo("0");
            assertThat(d01.findElement(By.cssSelector("td.before.shares")).getText()).isEqualTo("24,000");
            assertThat(compliance.driver.findElements(By.cssSelector("#diff tbody tr"))).hasSize(1);

            String csv = (String) ((org.openqa.selenium.JavascriptExecutor) compliance.driver).executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                            + "fetch(document.getElementById('audit-csv').href).then(function (r) { return r.text(); })"
                            + ".then(done, function (e) { done('ERROR ' + e); });");
            assertThat(csv).startsWith("global_index,recorded_at,effective_date,event_type")
                    .contains("FactReversed").contains(",admin,password,");
            // two known-at instants: D02's departure as known before its reversal, and as known now
            compliance.open("/app/compliance?person=D02&fromKnownAt=" + beforeReversal);
            WebElement d02 = compliance.find(By.cssSelector("#diff tr[data-holder='D02']"));
            assertThat(d02.findElement(By.cssSelector("td.before [data-state]")).getAttribute("data-state")).isEqualTo("WINDOW_OPEN");
            assertThat(d02.findElement(By.cssSelector("td.after [data-state]")).getAttribute("data-state")).isEqualTo("IN_OFFICE");
            assertThat(compliance.find(By.id("c-fromKnownAt")).getAttribute("value")).startsWith(beforeReversal.substring(0, 16));
            screenshotBothLanguages(compliance, "compliance-known-at", "/app/compliance?person=D02&fromKnownAt="
                    + beforeReversal, violations);
            screenshotBothLanguages(compliance, "compliance", "/app/compliance?series=" + SERIES
                    + "&from=2023-06-28&to=2023-07-01", violations);
            compliance.open("/app/compliance?series=" + SERIES + "&from=2023-06-28&to=2023-07-01&lang=ja");
            assertThat(compliance.pageText()).contains("訂正").contains("行使期間中").contains("全部行使済").contains("後に取消");
            compliance.open("/app/compliance?lang=en");
        }
        try (Browser reporting = new Browser(base(), "en-US")) {
            reporting.signIn("rita.reporting", "rita.reporting-password");
            reporting.open("/app/compliance?person=D02");
            reporting.find(By.cssSelector("#timeline tr.correction"));
            assertThat(reporting.pageText()).contains("without the recorded figures");
            assertThat(reporting.driver.findElements(By.cssSelector("#timeline details"))).isEmpty();
            screenshotBothLanguages(reporting, "compliance-reporting", "/app/compliance?person=D02", violations);
        }
        assertThat(violations).isEmpty();
    }

    /** Operations: compliance starts a rebuild and watches it complete; the operator sees it, and the dead letters. */
    @Test
    @Order(11)
    void aRebuildStartedOnTheOperationsPageCompletesAndTheOperatorSeesIt() throws IOException {
        createUser("olga.operator", "OPERATOR");
        List<String> violations = new ArrayList<>();
        try (Browser operator = new Browser(base(), "en-US");
             Browser compliance = new Browser(base(), "en-US")) {
            operator.signIn("olga.operator", "olga.operator-password");
            operator.waitUntil(d -> d.getCurrentUrl().endsWith("/app/operations"));
            assertThat(operator.driver.findElements(By.id("rebuild-start"))).isEmpty();
            assertThat(operator.find(By.cssSelector("#dead-letters [data-group='register']")).getText()).contains("0 waiting");
            int before = Integer.parseInt(operator.find(By.cssSelector("#rebuild-progress tr[data-projection='register']"))
                    .getAttribute("data-generation"));

            compliance.signIn("chie.compliance", "chie.compliance-password");
            compliance.open("/app/operations");
            assertThat(compliance.driver.findElements(By.id("dead-letters"))).isEmpty();
            compliance.click(By.id("rebuild-start"));
            // htmx polls the progress every second until the new generation is in use
            compliance.waitUntil(d -> {
                WebElement register = d.findElement(By.cssSelector("#rebuild-progress tr[data-projection='register']"));
                return "false".equals(d.findElement(By.id("rebuild-progress")).getAttribute("data-rebuilding"))
                        && Integer.parseInt(register.getAttribute("data-generation")) > before;
            });
            assertThat(compliance.driver.getCurrentUrl()).endsWith("/app/operations");
            assertThat(compliance.text(By.id("rebuild-progress"))).contains("No rebuild is running");
            compliance.screenshot("operations-rebuilt-compliance-en");

            operator.reloadUntil(d -> Integer.parseInt(d.findElement(
                    By.cssSelector("#rebuild-progress tr[data-projection='register']")).getAttribute("data-generation")) > before);
            operator.click(By.id("retry-register"));
            assertThat(operator.find(By.id("retried")).getText()).contains("register").contains("0 letters left");
            screenshotBothLanguages(operator, "operations", "/app/operations", violations);
            operator.open("/app/operations?lang=ja");
            assertThat(operator.pageText()).contains("運用").contains("デッドレター").contains("再構築");
            operator.open("/app/users?lang=en");
            assertThat(operator.find(By.tagName("h1")).getText()).isEqualTo("Not for your role");
        }
        assertThat(violations).isEmpty();
    }

    /**
     * Users: the administrator adds a user with a generated password shown once, who then signs in;
     * a taken name and the last administrator are refused beside their field; the user is disabled
     * and can no longer sign in; an administrator alone lands on the users page.
     */
    @Test
    @Order(12)
    void anAdministratorAddsAUserWhoSignsInAndIsThenDisabled() {
        List<String> violations = new ArrayList<>();
        browser.click(By.id("nav-users"));
        browser.find(By.id("add-user"));
        browser.fillId("u-username", "nina.new");
        browser.click(By.id("u-role-REPORTING"));
        browser.click(By.id("add-submit"));
        String password = browser.find(By.id("generated-password")).getText();
        assertThat(password).hasSizeGreaterThanOrEqualTo(12);
        assertThat(browser.text(By.id("done"))).contains("nina.new");
        browser.screenshot("users-generated-en");
        try (Browser nina = new Browser(base(), "en-US")) {
            nina.signIn("nina.new", password);
            assertThat(nina.driver.getCurrentUrl()).endsWith("/app/today");
        }

        // the same name again: refused beside the user name, what was typed kept
        browser.open("/app/users");
        browser.fillId("u-username", "nina.new");
        browser.click(By.id("u-role-COMPLIANCE"));
        browser.click(By.id("add-submit"));
        assertThat(browser.find(By.id("err-username")).getText()).contains("USER_ALREADY_EXISTS");
        assertThat(browser.driver.findElement(By.id("u-username")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.driver.findElement(By.id("u-username")).getAttribute("value")).isEqualTo("nina.new");
        assertThat(browser.driver.findElement(By.id("u-role-COMPLIANCE")).isSelected()).isTrue();
        browser.screenshot("users-rejected-en");
        browser.seriousAccessibilityViolations().forEach(v -> violations.add("users-rejected-en " + v));

        // the only administrator may not disable themself
        browser.open("/app/users");
        browser.find(By.cssSelector("tr[data-user='admin'] button.toggle-enabled")).click();
        assertThat(browser.find(By.id("err-enabled-admin")).getText()).contains("LAST_ADMINISTRATOR");

        browser.find(By.cssSelector("tr[data-user='nina.new'] button.toggle-enabled")).click();
        doneSays("nina.new is disabled");
        assertThat(browser.find(By.cssSelector("tr[data-user='nina.new']")).getAttribute("data-enabled")).isEqualTo("false");
        try (Browser nina = new Browser(base(), "en-US")) {
            nina.open("/login");
            nina.find(By.id("username")).sendKeys("nina.new");
            nina.driver.findElement(By.id("password")).sendKeys(password);
            nina.click(By.id("sign-in"));
            nina.waitUntil(d -> d.getCurrentUrl().contains("/login?error"));
            assertThat(nina.pageText()).contains("disabled");
        }

        // a new password, generated and shown once; enabled again, the user signs in with it
        browser.find(By.cssSelector("tr[data-user='nina.new'] button.reset-password")).click();
        doneSays("The password of nina.new is reset");
        String newPassword = browser.find(By.id("generated-password")).getText();
        assertThat(newPassword).isNotEqualTo(password).hasSizeGreaterThanOrEqualTo(12);
        browser.find(By.cssSelector("tr[data-user='nina.new'] button.toggle-enabled")).click();
        doneSays("nina.new may sign in again");
        try (Browser nina = new Browser(base(), "en-US")) {
            nina.signIn("nina.new", newPassword);
            assertThat(nina.driver.getCurrentUrl()).endsWith("/app/today");
        }

        // a second administrator, with a chosen password and roles changed afterwards, lands on the users page
        browser.open("/app/users");
        browser.fillId("u-username", "ada.admin");
        browser.fillId("u-password", "ada-chosen-password");
        browser.click(By.id("u-role-REPORTING"));
        browser.click(By.id("add-submit"));
        assertThat(browser.find(By.id("done")).getText()).contains("ada.admin");
        assertThat(browser.driver.findElements(By.id("generated-password"))).isEmpty();
        WebElement ada = browser.find(By.cssSelector("tr[data-user='ada.admin']"));
        ada.findElement(By.cssSelector("input[value='REPORTING']")).click();
        ada.findElement(By.cssSelector("input[value='ADMINISTRATOR']")).click();
        ada.findElement(By.cssSelector("button.save-roles")).click();
        doneSays("The roles of ada.admin are saved");
        try (Browser admin2 = new Browser(base(), "en-US")) {
            admin2.signIn("ada.admin", "ada-chosen-password");
            assertThat(admin2.driver.getCurrentUrl()).endsWith("/app/users");
            assertThat(admin2.driver.findElements(By.id("nav-users"))).hasSize(1);
            assertThat(admin2.driver.findElements(By.linkText("Today"))).isEmpty();
        }
        screenshotBothLanguages(browser, "users", "/app/users", violations);
        browser.open("/app/users?lang=ja");
        assertThat(browser.pageText()).contains("ユーザーと役割").contains("株式事務担当");
        browser.open("/app/today?lang=en");
        assertThat(violations).isEmpty();
    }
}
