package io.sartracker.service;

import io.sartracker.service.security.Recorder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Each service test gets its own H2 file in a fresh folder, and signs in as its first administrator. */
public final class TrackerTestSupport {
    public static final String ADMIN = "admin";

    private TrackerTestSupport() {
    }

    public static Path freshDataDir(String name) {
        try {
            return Files.createTempDirectory("sar-tracker-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the snapshots the service was asked for are all taken: they are taken on a thread of their own after
     * each command has answered (AxonConfig's {@code snapshotTaking}).
     */
    public static boolean snapshotsTaken(ApplicationContext context) {
        ThreadPoolTaskExecutor snapshots = context.getBean("snapshotTaking", ThreadPoolTaskExecutor.class);
        return snapshots.getActiveCount() == 0 && snapshots.getQueueSize() == 0;
    }

    /** The password the service generated for its first administrator, from the file it wrote. */
    public static String adminPassword(Path dataDir) {
        try {
            return Files.readString(dataDir.resolve("initial-admin-password.txt")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String adminPassword(Environment environment) {
        return adminPassword(Path.of(environment.getRequiredProperty("tracker.data-dir")));
    }

    /** The test's client, signed in as the first administrator (who holds every role). */
    static TestRestTemplate asAdmin(TestRestTemplate anonymous, Environment environment) {
        return anonymous.withBasicAuth(ADMIN, adminPassword(environment));
    }

    /**
     * The test's client signed in as a user with the roles, created by the first administrator if it
     * does not exist yet; its password is the name followed by {@code -password}.
     */
    static TestRestTemplate asUser(TestRestTemplate anonymous, Environment environment, String username,
                                   String... roles) {
        String password = username + "-password";
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"roles\":[\""
                + String.join("\",\"", roles) + "\"]}";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        int status = asAdmin(anonymous, environment).postForEntity("/users",
                new HttpEntity<>(body, headers), String.class).getStatusCode().value();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("creating the test user " + username + " answered " + status);
        }
        return anonymous.withBasicAuth(username, password);
    }

    /** A person recording facts directly through the command sender, as if signed in with a password. */
    static Recorder recorder(String name) {
        return new Recorder(name, "password");
    }

    /** The value of an Authorization header signing in with the name and password. */
    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The body of {@code POST /series} for a series on the 5th series' terms. */
    static String issueSeriesBody(String seriesId, String issuerId) {
        return "{\"seriesId\":\"" + seriesId + "\",\"issuerId\":\"" + issuerId + "\",\"terms\":{"
                + "\"name\":\"Series " + seriesId + "\",\"issuerName\":\"" + issuerId + " Inc.\","
                + "\"resolutionDate\":\"2015-06-26\",\"maximumRights\":230,\"sharesPerRightAtIssue\":200,"
                + "\"exercisePricePerShare\":1,\"exercisePeriod\":{\"firstDay\":\"2015-07-14\",\"lastDay\":\"2045-07-13\"},"
                + "\"allotmentDate\":\"2015-07-13\",\"paymentDate\":\"2015-07-13\",\"windowAfterLeavingOfficeDays\":10,"
                + "\"heirWindowMonths\":6,\"transferAllowed\":false,"
                + "\"eligibleRoles\":[\"DIRECTOR\",\"EXECUTIVE_OFFICER\"]}}";
    }
}
