package io.sartracker.service.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sartracker.kernel.command.AllotRights;
import io.sartracker.kernel.command.IssueSeries;
import io.sartracker.kernel.command.RecordDepartureFromOffice;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.Terms;
import io.sartracker.service.TrackerTestSupport;
import io.sartracker.service.security.Recorder;
import io.sartracker.service.web.CommandSender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' forms and accounts in headless Chromium, beyond the reference history of
 * {@link PagesBrowserTest}: a refusal in Japanese with its figures labelled (and the answer's 422), the
 * choices of restructurings and acquisitions in both languages, the allotment amount determined from an
 * uploaded price history and corrected with a reason, Today as known at an instant, the own-password
 * page, an expired session during htmx's polling, and a fact recorded with the keyboard alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesFormsAndAccountsBrowserTest {
    private static final Path DATA = TrackerTestSupport.freshDataDir("pages-forms");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** A series whose allotment amount is determined and corrected on the pages. */
    private static final String VALUED = "VAL-P";
    /** A series with an allotment amount never determined. */
    private static final String UNVALUED = "VAL-N";
    private static final Recorder ADMIN = new Recorder("admin", "password");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", DATA::toString);
    }


    @LocalServerPort
    int port;
    @Autowired
    CommandSender sender;
    @Autowired
    ObjectMapper json;

    Browser browser;
    final List<String> violations = new ArrayList<>();

    String base() {
        return "http://localhost:" + port;
    }

    String adminPassword() {
        return TrackerTestSupport.adminPassword(DATA);
    }

    TestRestTemplate api() throws IOException {
        return new TestRestTemplate().withBasicAuth("admin", adminPassword());
    }

    @BeforeAll
    void start() throws IOException {
        IssuerId issuer = IssuerId.of("VALCO");
        sender.send(new IssueSeries(SeriesId.of(VALUED), issuer, Terms.fifthSeries()), ADMIN);
        sender.send(new IssueSeries(SeriesId.of(UNVALUED), issuer, Terms.fifthSeries()), ADMIN);
        for (String holder : List.of("D01", "D02", "D03")) {
            sender.send(new AllotRights(SeriesId.of(UNVALUED), HolderId.of(holder), Role.DIRECTOR, Rights.of(10),
                    LocalDate.of(2015, 7, 13)), ADMIN);
        }
        browser = Browser.signedInAsAdmin(port, DATA, "en-US");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    /** The status the page shown was answered with (Chromium's navigation timing). */
    private static long status(Browser browser) {
        return ((Number) browser.script("return performance.getEntriesByType('navigation')[0].responseStatus;"))
                .longValue();
    }

    /** Opens a form until it offers the series (and the choices named): they come from the views, a second or so behind. */
    private void openForm(String fact, String seriesId, String... alsoOffered) {
        String form = "/app/record?fact=" + fact;
        browser.open(form);
        List<String> choices = new ArrayList<>(List.of("#f-seriesId option[value='" + seriesId + "']"));
        choices.addAll(List.of(alsoOffered));
        browser.waitUntil(d -> {
            boolean offered = choices.stream().allMatch(choice -> !d.findElements(By.cssSelector(choice)).isEmpty());
            if (!offered) {
                browser.open(form);
            }
            return offered;
        });
    }

    private void checkPage(Browser on, String name) {
        on.screenshot(name);
        on.seriousAccessibilityViolations().forEach(v -> violations.add(name + " " + v));
    }

    @Test
    @Order(1)
    void aRefusalIsSaidInJapaneseWithItsFiguresLabelledAndAnswered422() {
        browser.open("/app/record?fact=exercise&lang=ja");
        openForm("exercise", UNVALUED, "#f-holderId option[value='D01']");
        browser.fill("seriesId", UNVALUED);
        browser.fill("holderId", "D01");
        browser.fill("exerciseDate", "2016-01-05");
        browser.fill("rights", "3");
        browser.click(By.id("submit"));
        WebElement error = browser.find(By.cssSelector(".field-error, #form-error"));
        assertThat(status(browser)).isEqualTo(422);
        assertThat(error.getText()).contains("HOLDER_IN_OFFICE").contains("D01 は在任中です")
                .contains("保有個数").doesNotContain("still holds office").doesNotContain("rightsHeld");
        assertThat(browser.driver.findElement(By.id("f-rights")).getAttribute("value")).isEqualTo("3");
        // the API's own sentence stays at hand, folded
        assertThat(error.findElement(By.cssSelector("details.original")).getAttribute("textContent"))
                .contains("still holds office");
        checkPage(browser, "record-exercise-rejected-ja");

        // a value the form cannot read: beside its field, in Japanese, 422
        browser.open("/app/record?fact=allotment");
        openForm("allotment", UNVALUED);
        browser.fill("seriesId", UNVALUED);
        browser.fill("holderId", "D09");
        browser.fill("role", "DIRECTOR");
        browser.fill("rights", "500");
        browser.fill("allotmentDate", "2015-07-13");
        browser.click(By.id("submit"));
        WebElement tooMany = browser.find(By.cssSelector(".field-error, #form-error"));
        assertThat(status(browser)).isEqualTo(422);
        assertThat(tooMany.getText()).contains("MAXIMUM_RIGHTS_EXCEEDED").contains("上限 230 個のうち残り 200 個")
                .contains("割当可能な残り個数");
    }

    @Test
    @Order(2)
    void restructuringKindsAndAcquisitionCausesAreChoicesInBothLanguages() {
        browser.open("/app/record?fact=restructuring&lang=ja");
        assertThat(browser.find(By.cssSelector("#f-kind option[value='ABSORPTION_TYPE_DEMERGER']")).getText())
                .isEqualTo("吸収分割");
        assertThat(browser.text(By.cssSelector("#f-kind option[value='SHARE_EXCHANGE']"))).contains("株式交換");
        browser.open("/app/record?fact=acquisition");
        assertThat(browser.find(By.cssSelector("#f-cause option[value='MERGER_COMPANY_DISSOLVES']")).getText())
                .contains("合併契約の承認").contains("消滅");
        browser.open("/app/record?fact=personReversal");
        assertThat(browser.find(By.cssSelector("#f-fact option[value='DEPARTURE']")).getText()).isEqualTo("退任");
        browser.open("/app/record?fact=restructuring&lang=en");
        assertThat(browser.find(By.cssSelector("#f-kind option[value='ABSORPTION_TYPE_DEMERGER']")).getText())
                .isEqualTo("Absorption-type company split");
        browser.open("/app/record?fact=acquisition");
        assertThat(browser.find(By.cssSelector("#f-cause option[value='SHARE_TRANSFER']")).getText())
                .startsWith("Approval of a share transfer plan");
    }

    private static String closes() {
        StringBuilder csv = new StringBuilder("date,close\n");
        LocalDate day = LocalDate.of(2015, 1, 5);
        double price = 2000;
        int n = 0;
        while (!day.isAfter(LocalDate.of(2015, 7, 13))) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                price *= (n++ % 2 == 0) ? 1.02 : 0.99;
                csv.append(day).append(',').append(String.format("%.1f", price)).append('\n');
            }
            day = day.plusDays(1);
        }
        return csv.toString();
    }

    /** The API's own preview of the same inputs and price history: what the page must have recorded. */
    private long previewedAmount(String csv) throws IOException {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders jsonPart = new HttpHeaders();
        jsonPart.setContentType(MediaType.APPLICATION_JSON);
        parts.add("request", new HttpEntity<>("""
                {"determinationDate": "2015-07-13", "spot": 2200, "years": 15, "riskFreeRate": 0.01,
                 "dividendPerShare": 27,
                 "priceHistory": {"lookBackFrom": "2015-01-01", "lookBackTo": "2015-07-13"}}""", jsonPart));
        parts.add("priceHistory", new ByteArrayResource(csv.getBytes()) {
            @Override
            public String getFilename() {
                return "closes.csv";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> preview = api().postForEntity(base() + "/series/" + VALUED + "/allotment-amount/preview",
                new HttpEntity<>(parts, headers), String.class);
        assertThat(preview.getStatusCode().value()).as(preview.getBody()).isEqualTo(200);
        JsonNode valuation = json.readTree(preview.getBody());
        assertThat(valuation.get("volatilitySource").asText()).isEqualTo("WEEKLY_CLOSES");
        return valuation.get("amountPerRight").asLong();
    }

    @Test
    @Order(3)
    void theAllotmentAmountIsDeterminedFromAnUploadedPriceHistoryAndCorrectedWithAReason() throws IOException {
        String csv = closes();
        long expected = previewedAmount(csv);
        Path file = Files.createTempFile("closes", ".csv");
        Files.writeString(file, csv);

        browser.open("/app/record?fact=allotmentAmount&lang=en");
        openForm("allotmentAmount", VALUED);
        browser.fill("seriesId", VALUED);
        browser.fill("determinationDate", "2015-07-13");
        browser.fill("spot", "2200");
        browser.fill("years", "15");
        browser.fill("riskFreeRate", "0.01");
        browser.fill("dividendPerShare", "27");
        browser.driver.findElement(By.id("f-priceHistory")).sendKeys(file.toAbsolutePath().toString());
        browser.fill("lookBackFrom", "2015-01-01");
        browser.fill("lookBackTo", "2015-07-13");
        browser.click(By.id("submit"));
        assertThat(browser.find(By.id("done")).getText()).contains("AllotmentAmountDetermined");

        String amount = String.format("¥%,d", expected);
        browser.open("/app/series/" + VALUED);
        browser.reloadUntil(d -> d.findElements(By.id("allotment-amount")).stream()
                .anyMatch(e -> e.getText().equals(amount)));
        assertThat(browser.text(By.cssSelector("section[aria-labelledby='h-amount'] table")))
                .contains("WEEKLY_CLOSES").contains("2200");

        // a correction with a given volatility (q = 22 / 2,200 = 1%): 378,540 yen, as ValuationHttpTest computes
        openForm("allotmentAmountCorrection", VALUED);
        assertThat(browser.text(By.cssSelector("label[for='f-reason']"))).contains("Reason for the correction");
        assertThat(browser.driver.findElement(By.id("f-correctionDate")).getAttribute("value"))
                .isEqualTo(LocalDate.now(TOKYO).toString());
        browser.fill("seriesId", VALUED);
        browser.fill("valuationDate", "2015-07-13");
        browser.fill("spot", "2200");
        browser.fill("years", "15");
        browser.fill("riskFreeRate", "0.01");
        browser.fill("dividendPerShare", "22");
        browser.fill("volatility", "0.40");
        browser.fill("reason", "The closes of the notice were the adjusted ones; the board's figure is 40%.");
        checkPage(browser, "record-allotment-amount-correction-en");
        browser.click(By.id("submit"));
        assertThat(browser.find(By.id("done")).getText()).contains("AllotmentAmountCorrected");
        browser.open("/app/series/" + VALUED);
        browser.reloadUntil(d -> d.findElements(By.id("allotment-amount")).stream()
                .anyMatch(e -> e.getText().equals("¥378,540")));
        assertThat(browser.text(By.cssSelector("section[aria-labelledby='h-amount'] table")))
                .contains("board's figure is 40%").contains(String.valueOf(expected));

        // no amount to correct: refused, in Japanese, beside the form, 422, what was typed kept
        browser.open("/app/record?fact=allotmentAmountCorrection&lang=ja");
        openForm("allotmentAmountCorrection", UNVALUED);
        browser.fill("seriesId", UNVALUED);
        browser.fill("valuationDate", "2015-07-13");
        browser.fill("spot", "2200");
        browser.fill("years", "15");
        browser.fill("riskFreeRate", "0.01");
        browser.fill("dividendPerShare", "22");
        browser.fill("volatility", "0.40");
        browser.fill("reason", "誤った入力の訂正");
        browser.click(By.id("submit"));
        WebElement refused = browser.find(By.cssSelector(".field-error, #form-error"));
        assertThat(status(browser)).isEqualTo(422);
        assertThat(refused.getText()).contains("NO_ALLOTMENT_AMOUNT").contains("払込金額はまだ記録されていません");
        assertThat(browser.driver.findElement(By.id("f-reason")).getAttribute("value")).isEqualTo("誤った入力の訂正");
        checkPage(browser, "record-allotment-amount-correction-rejected-ja");
        browser.open("/app/record?fact=allotmentAmountCorrection&lang=en");
        assertThat(violations).isEmpty();
    }

    @Test
    @Order(4)
    void todayAsKnownAtAnInstantShowsTheWindowsAsTheyWereKnownThen() {
        LocalDate today = LocalDate.now(TOKYO);
        // the picker's step is a second: the instant is this second's start, the departure recorded after it
        String before = LocalDateTime.now(TOKYO).format(java.time.format.DateTimeFormatter.ofPattern(
                "yyyy-MM-dd'T'HH:mm:ss"));
        Instant beforeInstant = LocalDateTime.parse(before).atZone(TOKYO).toInstant();
        // the departure below is recorded strictly after the instant picked (bounded: the clock moves on)
        browser.waitUntil(d -> Instant.now().isAfter(beforeInstant.plusMillis(5)));
        sender.send(new RecordDepartureFromOffice(IssuerId.of("VALCO"), HolderId.of("D02"), today.minusDays(2),
                DepartureReason.RESIGNATION), ADMIN);

        browser.open("/app/today?lang=en");
        browser.reloadUntil(d -> d.findElements(By.cssSelector("#windows a[href*='/app/holders/D02']")).size() == 1);
        browser.setValue(browser.find(By.id("knownAt")), before);
        browser.click(By.id("when-apply"));
        browser.waitUntil(d -> d.getCurrentUrl().contains("knownAt="));
        assertThat(browser.driver.findElements(By.cssSelector("#windows a[href*='/app/holders/D02']"))).isEmpty();
        assertThat(browser.text(By.id("recent"))).doesNotContain("Left office");
        // the picker writes a whole minute without its seconds ("13:12" for "13:12:00")
        assertThat(LocalDateTime.parse(browser.find(By.id("knownAt")).getAttribute("value")))
                .isEqualTo(LocalDateTime.parse(before));
        assertThat(browser.text(By.cssSelector("p.replayed"))).contains("as known at");
        // the choice stays on every link
        assertThat(browser.driver.findElement(By.linkText("Series")).getAttribute("href")).contains("knownAt=");
        checkPage(browser, "today-known-at-en");
        browser.open("/app/today");
        assertThat(browser.find(By.cssSelector("#windows a[href*='/app/holders/D02']")).getText()).isEqualTo("D02");
        assertThat(violations).isEmpty();
    }

    private void createUser(String username, String password, String role) throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> created = api().postForEntity(base() + "/users", new HttpEntity<>("{\"username\":\""
                + username + "\",\"password\":\"" + password + "\",\"roles\":[\"" + role + "\"]}", headers), String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    }

    @Test
    @Order(5)
    void anyUserChangesTheirOwnPasswordAndSignsInWithTheNewOne() throws IOException {
        createUser("pat.reporting", "pat-first-password", "REPORTING");
        try (Browser pat = new Browser(base(), "en-US")) {
            pat.signIn("pat.reporting", "pat-first-password");
            pat.click(By.id("nav-password"));
            pat.find(By.id("password-form"));
            checkPage(pat, "password-en");

            // the current password wrong: beside it, 422
            pat.fillId("p-currentPassword", "not-my-password");
            pat.fillId("p-newPassword", "pat-second-password");
            pat.fillId("p-confirmPassword", "pat-second-password");
            pat.click(By.id("password-submit"));
            assertThat(pat.find(By.id("err-currentPassword")).getText()).contains("CURRENT_PASSWORD_WRONG");
            assertThat(status(pat)).isEqualTo(422);
            assertThat(pat.driver.findElement(By.id("p-currentPassword")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(pat.driver.findElement(By.id("p-newPassword")).getAttribute("value")).as("no password shown back")
                    .isEmpty();

            // typed differently twice, in Japanese; then too short
            pat.open("/app/me/password?lang=ja");
            pat.fillId("p-currentPassword", "pat-first-password");
            pat.fillId("p-newPassword", "pat-second-password");
            pat.fillId("p-confirmPassword", "pat-second-passw0rd");
            pat.click(By.id("password-submit"));
            assertThat(pat.find(By.id("err-confirmPassword")).getText()).contains("一致しません");
            checkPage(pat, "password-rejected-ja");
            pat.fillId("p-currentPassword", "pat-first-password");
            pat.fillId("p-newPassword", "short");
            pat.fillId("p-confirmPassword", "short");
            pat.click(By.id("password-submit"));
            assertThat(pat.find(By.id("err-newPassword")).getText()).contains("UNACCEPTABLE_CREDENTIALS")
                    .contains("12 文字以上");
            checkPage(pat, "password-ja");

            pat.open("/app/me/password?lang=en");
            pat.fillId("p-currentPassword", "pat-first-password");
            pat.fillId("p-newPassword", "pat-second-password");
            pat.fillId("p-confirmPassword", "pat-second-password");
            pat.click(By.id("password-submit"));
            assertThat(pat.find(By.id("done")).getText()).contains("Your password is changed");
            pat.click(By.cssSelector("form[action$='/logout'] button"));
            pat.waitUntil(d -> d.getCurrentUrl().contains("/login"));
        }
        try (Browser pat = new Browser(base(), "en-US")) {
            pat.open("/login");
            pat.find(By.id("username")).sendKeys("pat.reporting");
            pat.driver.findElement(By.id("password")).sendKeys("pat-first-password");
            pat.click(By.id("sign-in"));
            pat.waitUntil(d -> d.getCurrentUrl().contains("/login?error"));
            pat.signIn("pat.reporting", "pat-second-password");
            assertThat(pat.driver.getCurrentUrl()).endsWith("/app/today");
        }
        assertThat(violations).isEmpty();
    }

    @Test
    @Order(6)
    void anHtmxRequestWithoutASessionIsSentToTheSignInPageAsAWhole() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> polled = http.send(HttpRequest.newBuilder(URI.create(base() + "/app/operations/rebuild"))
                .header("HX-Request", "true").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(polled.statusCode()).isEqualTo(401);
        assertThat(polled.headers().firstValue("HX-Redirect")).hasValue("/login");
        assertThat(polled.body()).doesNotContain("<form");
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create(base() + "/app/operations/rebuild"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).as("a browser's own request is still redirected").isEqualTo(302);

        // in the browser: the session ends while htmx polls the rebuild's progress
        createUser("otto.operator", "otto-operator-password", "OPERATOR");
        try (Browser otto = new Browser(base(), "en-US")) {
            otto.signIn("otto.operator", "otto-operator-password");
            otto.waitUntil(d -> d.getCurrentUrl().endsWith("/app/operations"));
            otto.find(By.id("rebuild-progress"));
            otto.driver.manage().deleteCookieNamed("JSESSIONID");
            otto.script("htmx.ajax('GET', '/app/operations/rebuild', {target: '#rebuild-progress', swap: 'outerHTML'});");
            otto.waitUntil(d -> d.getCurrentUrl().endsWith("/login"));
            assertThat(otto.find(By.id("sign-in")).isDisplayed()).isTrue();
            assertThat(otto.driver.findElements(By.id("rebuild-progress"))).isEmpty();
        }
    }

    /** Tabs until the control of that id has the focus, at most {@code bound} times; the focus must be visible. */
    private static void tabTo(Browser on, String id, int bound) {
        tabToMatching(on, "#" + id, bound);
    }

    /** Tabs until the control the CSS selector matches has the focus, at most {@code bound} times. */
    private static void tabToMatching(Browser on, String selector, int bound) {
        Actions keys = new Actions(on.driver);
        for (int i = 0; i < bound; i++) {
            if (Boolean.TRUE.equals(on.script("return document.activeElement !== null"
                    + " && document.activeElement.matches(arguments[0]);", selector))) {
                if (i == 0) {
                    return; // the focus is there already (a page's autofocus, the next field typed into)
                }
                assertThat(on.script("return document.activeElement.matches(':focus-visible');")).isEqualTo(true);
                assertThat(on.script("return getComputedStyle(document.activeElement).outlineStyle;")).isEqualTo("solid");
                return;
            }
            keys.sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("the focus never reached " + selector + " in " + bound + " tabs; it is on "
                + on.script("return document.activeElement.outerHTML.substring(0, 200);"));
    }

    private static void type(Browser on, CharSequence... keys) {
        new Actions(on.driver).sendKeys(keys).perform();
    }

    @Test
    @Order(7)
    void anAdministratorSignsInRecordsAFactAndOpensAPageWithTheKeyboardAlone() throws IOException {
        try (Browser keyboard = new Browser(base(), "en-US")) {
            keyboard.open("/login");
            keyboard.find(By.id("sign-in"));
            tabTo(keyboard, "username", 10);
            type(keyboard, "admin");
            tabTo(keyboard, "password", 3);
            type(keyboard, adminPassword(), Keys.ENTER);
            keyboard.waitUntil(d -> d.getCurrentUrl().endsWith("/app/today"));

            tabTo(keyboard, "nav-record", 20);
            type(keyboard, Keys.ENTER);
            keyboard.waitUntil(d -> d.getCurrentUrl().contains("/app/record"));
            keyboard.find(By.id("fact-departure"));
            tabTo(keyboard, "fact-departure", 40);
            type(keyboard, Keys.ENTER);
            keyboard.waitUntil(d -> d.getCurrentUrl().contains("fact=departure"));
            keyboard.find(By.id("f-issuerId"));
            keyboard.waitUntil(d -> {
                boolean offered = !d.findElements(By.cssSelector("#f-holderId option[value='D03']")).isEmpty();
                if (!offered) {
                    d.navigate().refresh();
                }
                return offered;
            });
            tabTo(keyboard, "f-issuerId", 80);
            type(keyboard, Keys.ARROW_DOWN);
            tabTo(keyboard, "f-holderId", 2);
            type(keyboard, "D03");
            tabTo(keyboard, "f-departureDate", 2);
            LocalDate departed = LocalDate.now(TOKYO).minusDays(1);
            // en-US date field: month, day, year
            type(keyboard, String.format("%02d%02d%04d", departed.getMonthValue(), departed.getDayOfMonth(),
                    departed.getYear()));
            tabTo(keyboard, "f-reason", 5);
            type(keyboard, "RESIG");
            tabTo(keyboard, "submit", 3);
            assertThat(keyboard.driver.findElement(By.id("f-issuerId")).getAttribute("value")).isEqualTo("VALCO");
            assertThat(keyboard.driver.findElement(By.id("f-holderId")).getAttribute("value")).isEqualTo("D03");
            assertThat(keyboard.driver.findElement(By.id("f-departureDate")).getAttribute("value"))
                    .isEqualTo(departed.toString());
            assertThat(keyboard.driver.findElement(By.id("f-reason")).getAttribute("value")).isEqualTo("RESIGNATION");
            type(keyboard, Keys.SPACE);
            assertThat(keyboard.find(By.id("done")).getText()).contains("HolderLeftOffice");

            // open a page: the holder's, from Today's windows
            tabTo(keyboard, "nav-today", 30);
            type(keyboard, Keys.ENTER);
            keyboard.waitUntil(d -> d.getCurrentUrl().contains("/app/today"));
            keyboard.reloadUntil(d -> !d.findElements(By.cssSelector("#windows a[href*='/app/holders/D03']")).isEmpty());
            tabToMatching(keyboard, "#windows a[href*='/app/holders/D03']", 40);
            type(keyboard, Keys.ENTER);
            keyboard.waitUntil(d -> d.getCurrentUrl().contains("/app/holders/D03"));
            assertThat(keyboard.find(By.cssSelector(".holding [data-state]")).getAttribute("data-state"))
                    .isEqualTo("WINDOW_OPEN");
        }
    }
}
