package io.sartracker.service.pages;

import io.sartracker.service.GeneratedHistory;
import io.sartracker.service.TrackerTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import page in headless Chromium: a dry run in Japanese lists the refused line with its number, rule
 * code and the pages' Japanese sentence, and records nothing; a real run in English shows its progress
 * (lines done of the total, the rate, the time left) while htmx polls, then what it recorded. Each page is
 * photographed and checked by axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportPageBrowserTest {
    private static final Path DATA = TrackerTestSupport.freshDataDir("import-page");
    private static final Path FILES = TrackerTestSupport.freshDataDir("import-page-files");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", DATA::toString);
    }


    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Browser browser;
    final List<String> violations = new ArrayList<>();

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

    private void checkPage(String name) {
        browser.screenshot(name);
        browser.seriousAccessibilityViolations().forEach(v -> violations.add(name + " " + v));
    }

    private long eventCount() {
        return jdbc.queryForObject("select count(*) from DomainEventEntry", Long.class);
    }

    private WebElement importFile(Path file, boolean record, String outcome) {
        browser.driver.findElement(By.id("import-file")).sendKeys(file.toString());
        browser.click(By.id(record ? "import-record" : "import-dry-run"));
        browser.click(By.id("import-submit"));
        return browser.find(By.cssSelector("#import-progress[data-state='" + outcome + "']"));
    }

    @Test
    void aDryRunNamesTheRefusedLineInJapaneseAndARealRunShowsItsProgress() throws Exception {
        Path refused = FILES.resolve("refused.jsonl");
        Files.writeString(refused, """
                {"factKind": "issue-series", "seriesId": "IMP-1", "issuerId": "IMPCO", "terms": {"name": "Series IMP-1", "issuerName": "IMPCO Inc.", "resolutionDate": "2015-06-26", "maximumRights": 230, "sharesPerRightAtIssue": 200, "exercisePricePerShare": 1, "exercisePeriod": {"firstDay": "2015-07-14", "lastDay": "2045-07-13"}, "allotmentDate": "2015-07-13", "windowAfterLeavingOfficeDays": 10, "heirWindowMonths": 6}}
                {"factKind": "allotment", "seriesId": "IMP-1", "holderId": "P1", "role": "DIRECTOR", "rights": 10, "allotmentDate": "2015-07-13"}
                {"factKind": "exercise", "seriesId": "IMP-1", "holderId": "P1", "exerciseDate": "2016-01-05", "rights": 1}
                """, StandardCharsets.UTF_8);
        long before = eventCount();

        browser.open("/app/import?lang=ja");
        assertThat(browser.find(By.id("nav-import")).getText()).isEqualTo("履歴の取り込み");
        checkPage("import-ja");
        WebElement dryRun = importFile(refused, false, "REJECTED");

        assertThat(dryRun.findElement(By.id("import-lines")).getText()).isEqualTo("3 行中 3 行");
        WebElement line = dryRun.findElement(By.cssSelector("#import-errors tr[data-line='3']"));
        assertThat(line.getText()).contains("HOLDER_IN_OFFICE")
                .containsPattern("[\\u3040-\\u30ff\\u4e00-\\u9fff]{4}");
        assertThat(eventCount()).as("a dry run records nothing").isEqualTo(before);
        checkPage("import-refused-ja");

        Path longFile = FILES.resolve("long.csv");
        // Long enough (7,260 lines, several seconds) for the page's poll every second to find it running, on a
        // machine where 2,420 lines once ended between two polls.
        Files.write(longFile, GeneratedHistory.csv("PG", 60, 100));
        browser.open("/app/import?lang=en");
        importFile(longFile, true, "RUNNING");
        AtomicBoolean progressShown = new AtomicBoolean();
        WebElement recorded = browser.waitUntil(d -> {
            WebElement progress = d.findElement(By.id("import-progress"));
            if (progress.getAttribute("data-state").equals("RUNNING")
                    && !d.findElements(By.id("import-left")).isEmpty()) {
                assertThat(d.findElement(By.id("import-rate")).getText()).endsWith("facts a second");
                assertThat(d.findElement(By.id("import-lines")).getText()).endsWith("of 7,260 lines");
                if (!progressShown.getAndSet(true)) {
                    checkPage("import-running-en");
                }
            }
            return progress.getAttribute("data-state").equals("RECORDED") ? progress : null;
        });

        assertThat(progressShown).as("the progress was shown while the import ran").isTrue();
        assertThat(recorded.findElement(By.id("import-lines")).getText()).isEqualTo("7,260 of 7,260 lines");
        assertThat(recorded.findElement(By.id("import-recorded")).getText()).startsWith("7,260 facts recorded");
        assertThat(jdbc.queryForObject("select count(*) from DomainEventEntry where aggregateIdentifier = 'PG-1'",
                Long.class)).isPositive();
        checkPage("import-recorded-en");
        assertThat(violations).isEmpty();
    }
}
