package io.sartracker.service.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.sartracker.service.TrackerTestSupport;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Debian's headless Chromium driven through its own chromedriver: nothing is downloaded. A fresh
 * profile per browser; screenshots go to {@code target/screenshots}; axe-core (from its webjar) checks
 * each page for serious and critical accessibility violations.
 */
final class Browser implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration WAIT = Duration.ofSeconds(60);

    final WebDriver driver;
    private final String base;
    private final Path profile;

    Browser(String base, String language) {
        this.base = base;
        try {
            this.profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=" + language,
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT);
        driver.manage().timeouts().scriptTimeout(WAIT);
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** A browser in the language, signed in as the service's first administrator (its password from the data folder). */
    static Browser signedInAsAdmin(int port, Path dataDir, String language) {
        Browser browser = new Browser("http://localhost:" + port, language);
        browser.signIn(TrackerTestSupport.ADMIN, TrackerTestSupport.adminPassword(dataDir));
        return browser;
    }

    void signIn(String username, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
        waitUntil(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Waits for the condition; an element htmx swapped out while it was read is simply read again. */
    <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition::apply);
    }

    /** Reloads the page until the condition holds: the views are current within about a second of a command. */
    void reloadUntil(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
            if (Boolean.TRUE.equals(condition.apply(d))) {
                return true;
            }
            d.navigate().refresh();
            return false;
        });
    }

    WebElement find(By by) {
        return waitUntil(d -> d.findElement(by));
    }

    String text(By by) {
        return driver.findElement(by).getText();
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Fills a field of a recording form: a choice is picked, a date set, text typed. */
    void fill(String name, String value) {
        fillId("f-" + name, value);
    }

    /** Fills the field of that id, as {@link #fill} does. */
    void fillId(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        String type = field.getTagName().equals("select") ? "select" : String.valueOf(field.getAttribute("type"));
        switch (type) {
            case "select" -> new Select(field).selectByValue(value);
            case "date", "datetime-local" -> setValue(field, value);
            case "checkbox" -> {
                if (field.isSelected() != Boolean.parseBoolean(value)) {
                    field.click();
                }
            }
            default -> {
                field.clear();
                field.sendKeys(value);
            }
        }
    }

    /** A date picker's value, as a person picks it (the picker's typed form depends on the browser's locale). */
    void setValue(WebElement field, String value) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                field, value);
    }

    void click(By by) {
        find(by).click();
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe-core's serious and critical violations of the page shown, one line each. */
    List<String> seriousAccessibilityViolations() {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(AXE);
        String result = (String) js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + " done(JSON.stringify(r.violations)); }, function (e) { done('ERROR ' + e); });");
        if (result.startsWith("ERROR")) {
            throw new IllegalStateException(result);
        }
        List<String> serious = new ArrayList<>();
        try {
            for (JsonNode violation : new ObjectMapper().readTree(result)) {
                String impact = violation.path("impact").asText();
                if (impact.equals("serious") || impact.equals("critical")) {
                    List<String> targets = new ArrayList<>();
                    violation.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                    serious.add(impact + " " + violation.path("id").asText() + ": " + violation.path("help").asText()
                            + " " + targets);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return serious;
    }

    private static final String AXE = axeSource();

    private static String axeSource() {
        String path = "META-INF/resources/webjars/axe-core/" + System.getProperty("axe.version", "4.6.3") + "/axe.min.js";
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test classpath at " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
