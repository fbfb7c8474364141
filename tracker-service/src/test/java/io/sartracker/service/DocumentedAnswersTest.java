package io.sartracker.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sartracker.service.durability.GroupSync;
import io.sartracker.service.security.TrackerRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer the API contract documents, produced and checked: for each operation of the
 * checked-in {@code openapi.json}, the refusals it promises (a body of the wrong type or too large,
 * malformed input, no sign-in, a missing role, a foreign origin, a used or busy Idempotency-Key, a
 * stale If-Match, an unknown series, issuer, person, user or projection) are sent and must answer the
 * documented status and rule code; then every fact is recorded once (201), every view and operation
 * answers, and the same facts under a disk that does not confirm the commit answer 503. Together
 * with the other tests this produces every documented answer ({@link ContractCoverageCheck}).
 * <p>
 * Test means: the disk and a health component can be switched to failing, and an Idempotency-Key is
 * put in the store as taken by a request still running (a row without an answer).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DocumentedAnswersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    private static final String IN_FORCE_FROM_ISSUE = "2015-07-13";
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final AtomicInteger KEYS = new AtomicInteger();

    @TestConfiguration
    static class Switches {
        static final AtomicBoolean DISK_FAILS = new AtomicBoolean();
        static final AtomicBoolean COMPONENT_DOWN = new AtomicBoolean();

        /** The store's group sync, with a disk that can be told to refuse every forced write. */
        @Bean(destroyMethod = "close")
        @Primary
        GroupSync switchableDisk(DataSource dataSource) {
            return new GroupSync(() -> {
                if (DISK_FAILS.get()) {
                    throw new IOException("the disk refused the write (by test means)");
                }
                try (Connection connection = dataSource.getConnection();
                     Statement statement = connection.createStatement()) {
                    statement.execute("CHECKPOINT SYNC");
                }
            }, Duration.ofSeconds(30), Duration.ofSeconds(1), new SimpleMeterRegistry());
        }

        @Bean
        HealthIndicator switchableComponent() {
            return () -> COMPONENT_DOWN.get() ? Health.down().withDetail("by", "test means").build()
                    : Health.up().build();
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("documented-answers")::toString);
        // every request signs in: the cheapest password hash keeps that from dominating the test's time
        registry.add("tracker.security.bcrypt-strength", () -> "4");
    }

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate anonymous;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> wrong = new ArrayList<>();
    private final Map<TrackerRole, String> users = new LinkedHashMap<>();

    @BeforeEach
    void usersWithOneRoleEach() {
        for (TrackerRole role : TrackerRole.values()) {
            String name = "doc-" + role.name().toLowerCase().replace('_', '-');
            TrackerTestSupport.asUser(anonymous, environment, name, role.name());
            users.put(role, TrackerTestSupport.basic(name, name + "-password"));
        }
    }

    // ---- the refusals every operation documents, driven by the contract itself

    @Test
    void everyOperationRefusesAsItsContractSays() {
        String series = "DOC-G";
        String issuer = "DOC-G-CO";
        expect(201, null, "POST", "/series", TrackerTestSupport.issueSeriesBody(series, issuer), Map.of());
        expect(201, null, "POST", "/series/" + series + "/allotments", body(ALLOT, "H1"), Map.of());
        // a key answered for one request, to be reused with another
        String answeredKey = "doc-answered-" + UUID.randomUUID();
        expect(201, null, "POST", "/series/" + series + "/allotments", body(ALLOT, "H2"),
                Map.of("Idempotency-Key", answeredKey));
        Map<String, String> existing = Map.of("seriesId", series, "issuerId", issuer, "personId", "H1",
                "username", "doc-reporting", "processingGroup", "register", "name", "jvm.threads.live",
                "importId", "no-such-import", "token", "no-such-feed", "subscriptionId", "no-such-subscription");
        Map<String, String> unknown = Map.of("seriesId", "NO-SUCH-SERIES", "issuerId", "NO-SUCH-ISSUER",
                "personId", "NO-SUCH-PERSON", "username", "no-such-user", "processingGroup", "no-such-projection",
                "importId", "no-such-import", "subscriptionId", "no-such-subscription");

        JsonNode contract = ContractDocument.read(ContractDocument.CHECKED_IN);
        ContractDocument.operations(contract).forEach((operation, node) -> {
            String method = operation.substring(0, operation.indexOf(' '));
            String template = operation.substring(operation.indexOf(' ') + 1);
            JsonNode responses = node.path("responses");
            String path = fill(template, existing);
            boolean hasBody = node.has("requestBody");
            String valid = VALID.get(operation);
            if (hasBody && valid == null && (responses.has("409") || responses.has("412") || responses.has("404"))) {
                wrong.add(operation + ": DocumentedAnswersTest.VALID has no valid body for it");
                return;
            }
            if (responses.has("415")) {
                expect(415, "UNSUPPORTED_MEDIA_TYPE", method, path, "not JSON", Map.of("Content-Type", "text/plain"));
            }
            if (responses.has("413")) {
                expect(413, "PAYLOAD_TOO_LARGE", method, path, "{\"x\":\"" + "a".repeat(1_100_000) + "\"}",
                        Map.of());
            }
            if (responses.has("400")) {
                if (node.path("requestBody").path("content").has("multipart/form-data")) {
                    // an upload (POST /imports): its bad input is an empty file
                    expect(400, "INVALID_INPUT", method, path, "--part\r\nContent-Disposition: form-data; name=\"file\";"
                            + " filename=\"empty.csv\"\r\nContent-Type: text/csv\r\n\r\n\r\n--part--\r\n",
                            Map.of("Content-Type", "multipart/form-data; boundary=part"));
                } else if (hasBody) {
                    expect(400, "INVALID_INPUT", method, path, "{", Map.of());
                } else {
                    String parameter = firstQueryParameter(node);
                    if (parameter != null) {
                        expect(400, "INVALID_INPUT", method, path + "?" + parameter + "=a&" + parameter + "=b",
                                null, Map.of());
                    } else {
                        // the lapse sweep: no body, no query; If-Match is refused
                        expect(400, "INVALID_INPUT", method, path, null, Map.of("If-Match", "\"1\""));
                    }
                }
            }
            if (responses.has("401")) {
                expect(401, "SIGN_IN_REQUIRED", method, path, valid, Map.of("Authorization", ""));
            }
            Set<String> forbidden = codes(responses.path("403"));
            if (forbidden.contains("ROLE_REQUIRED")) {
                Set<String> allowed = new TreeSet<>();
                node.path("x-roles").forEach(role -> allowed.add(role.asText()));
                TrackerRole lacking = Arrays.stream(TrackerRole.values()).filter(r -> !allowed.contains(r.name()))
                        .findFirst().orElseThrow();
                expect(403, "ROLE_REQUIRED", method, path, valid, Map.of("Authorization", users.get(lacking)));
            }
            if (forbidden.contains("CROSS_ORIGIN_REFUSED")) {
                expect(403, "CROSS_ORIGIN_REFUSED", method, path, valid,
                        Map.of("Origin", "https://elsewhere.example"));
            }
            if (codes(responses.path("409")).contains("IDEMPOTENCY_KEY_IN_PROGRESS")) {
                String busy = "doc-busy-" + KEYS.incrementAndGet();
                jdbc.update("insert into idempotency_key (idempotency_key, request_hash, method, path, created_at)"
                        + " values (?, 'a request still running', 'POST', '/series', ?)", busy, OffsetDateTime.now());
                expect(409, "IDEMPOTENCY_KEY_IN_PROGRESS", method, path, valid, Map.of("Idempotency-Key", busy));
            }
            if (codes(responses.path("422")).contains("IDEMPOTENCY_KEY_REUSED")) {
                expect(422, "IDEMPOTENCY_KEY_REUSED", method, path, valid, Map.of("Idempotency-Key", answeredKey));
            }
            if (responses.has("412")) {
                expect(412, "VERSION_MISMATCH", method, path, valid, Map.of("If-Match", "\"999\""));
            }
            if (responses.has("404") && responses.path("404").has("content")) {
                codes(responses.path("404")).stream().filter(UNKNOWN::containsKey).forEach(code -> {
                    String variable = UNKNOWN.get(code);
                    if (template.contains("{" + variable + "}")) {
                        Map<String, String> values = new LinkedHashMap<>(existing);
                        values.put(variable, unknown.get(variable));
                        expect(404, code, method, fill(template, values), valid, Map.of());
                    }
                });
            }
        });
        assertThat(wrong).isEmpty();
    }

    /** Which path variable names the thing an unknown-thing code is about. */
    private static final Map<String, String> UNKNOWN = Map.of("UNKNOWN_SERIES", "seriesId", "UNKNOWN_ISSUER",
            "issuerId", "UNKNOWN_HOLDER", "personId", "UNKNOWN_USER", "username", "UNKNOWN_PROCESSING_GROUP",
            "processingGroup", "UNKNOWN_IMPORT", "importId", "UNKNOWN_NOTICE_SUBSCRIPTION", "subscriptionId");

    // ---- every fact recorded, and then with a disk that does not confirm it

    @Test
    void everyFactIsRecordedAndEveryViewAndOperationAnswers() {
        recordEveryFact("DOC-1", "DOC-CO", 201);
        expect(422, "TRANSFER_NOT_ALLOWED", "POST", "/series/DOC-1/transfers", body(TRANSFER, "H2"), Map.of());
        expect(200, null, "POST", "/series/DOC-1/allotment-amount/preview", VALUATION, Map.of());
        expect(200, null, "POST", "/lapse-sweeps", null, Map.of());

        for (String view : List.of("/series", "/series/DOC-1", "/series/DOC-1/events", "/series/DOC-1/register",
                "/series/DOC-1/register?format=csv", "/holders/H2", "/windows", "/windows?format=csv",
                "/awaiting-heir", "/awaiting-heir?format=csv", "/audit?seriesId=DOC-1&order=desc",
                // the issuer's package before the restructuring of today, and the restructured company's today
                "/issuers/DOC-CO/ocf?asOf=" + daysAgo(1), "/issuers/NEWCO/ocf")) {
            expect(200, null, "GET", view, null, Map.of());
        }
        for (String operation : List.of("/dead-letters", "/dead-letters/register", "/projections/rebuild",
                "/actuator", "/actuator/info", "/actuator/metrics", "/actuator/metrics/jvm.threads.live",
                "/actuator/health")) {
            expect(200, null, "GET", operation, null, Map.of());
        }
        expect(200, null, "POST", "/dead-letters/register/retries", null, Map.of());
        expect(202, null, "POST", "/projections/rebuild", null, Map.of());
        expect(404, null, "GET", "/actuator/metrics/no.such.metric", null, Map.of());
        expect(400, "INVALID_INPUT", "GET", "/actuator/metrics/jvm.threads.live?tag=not-name-colon-value", null,
                Map.of());
        Switches.COMPONENT_DOWN.set(true);
        try {
            expect(503, null, "GET", "/actuator/health", null, Map.of("Authorization", ""));
        } finally {
            Switches.COMPONENT_DOWN.set(false);
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyFactCommittedButNotConfirmedOnDiskIsAnswered503() {
        Switches.DISK_FAILS.set(true);
        try {
            recordEveryFact("DOC-DISK", "DOC-DISK-CO", 503);
            expect(503, "COMMIT_NOT_CONFIRMED", "POST", "/lapse-sweeps", null, Map.of());
        } finally {
            Switches.DISK_FAILS.set(false);
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * Every operation that records, once, on a new series of a new issuer: each is accepted by the
     * rules, so each answers {@code status} (201, or 503 when the disk fails: committed all the same).
     */
    private void recordEveryFact(String series, String issuer, int status) {
        String s = "/series/" + series;
        String i = "/issuers/" + issuer;
        String code = status == 503 ? "COMMIT_NOT_CONFIRMED" : null;
        expect(status, code, "POST", "/series", TrackerTestSupport.issueSeriesBody(series, issuer), Map.of());
        expect(status, code, "POST", s + "/allotment-amount", VALUATION, Map.of());
        expect(status, code, "POST", s + "/allotment-amount/corrections",
                VALUATION.replace("}", ", \"reason\": \"a typing error in the spot price\"}"), Map.of());
        for (String holder : List.of("H1", "H2", "H3", "H4")) {
            expect(status, code, "POST", s + "/allotments", body(ALLOT, holder), Map.of());
        }
        expect(status, code, "POST", s + "/share-adjustments", "{\"sharesPerRight\": 300, \"appliesFrom\": \"2016-01-01\","
                + " \"reason\": \"the board's adjustment\"}", Map.of());
        expect(status, code, "POST", i + "/share-splits", "{\"ratio\": \"2/1\", \"recordDate\": \"2017-03-31\"}",
                Map.of());
        expect(status, code, "POST", i + "/share-consolidations", "{\"ratio\": \"1/2\", \"effectiveDate\": \"2018-01-01\"}",
                Map.of());
        expect(status, code, "POST", i + "/departures", "{\"holderId\": \"H1\", \"departureDate\": \"" + daysAgo(3)
                + "\", \"reason\": \"RETIREMENT\"}", Map.of());
        expect(status, code, "POST", s + "/exercises", "{\"holderId\": \"H1\", \"exerciseDate\": \"" + daysAgo(1)
                + "\", \"rights\": 1}", Map.of());
        expect(status, code, "POST", s + "/reversals", "{\"holderId\": \"H1\", \"reason\": \"recorded in error\"}",
                Map.of());
        expect(status, code, "POST", i + "/role-changes", "{\"holderId\": \"H2\", \"newRole\": \"EXECUTIVE_OFFICER\","
                + " \"changeDate\": \"" + daysAgo(5) + "\"}", Map.of());
        expect(status, code, "POST", i + "/deaths", "{\"personId\": \"H3\", \"dateOfDeath\": \"" + daysAgo(4) + "\"}",
                Map.of());
        expect(status, code, "POST", s + "/inheritances", "{\"holderId\": \"H3\", \"heirId\": \"HEIR-3\","
                + " \"inheritanceDate\": \"" + daysAgo(2) + "\"}", Map.of());
        expect(status, code, "POST", i + "/departures", "{\"holderId\": \"H4\", \"departureDate\": \"" + daysAgo(3)
                + "\", \"reason\": \"RESIGNATION\"}", Map.of());
        expect(status, code, "POST", i + "/reversals", "{\"personId\": \"H4\", \"fact\": \"DEPARTURE\","
                + " \"reason\": \"recorded in error\"}", Map.of());
        expect(status, code, "POST", s + "/restructurings", "{\"kind\": \"SHARE_EXCHANGE\", \"restructuredCompanyId\":"
                + " \"NEWCO\", \"restructuredCompanyName\": \"NewCo\", \"effectiveDate\": \"" + TODAY + "\","
                + " \"shareRatio\": \"1/1\", \"agreementProvidesReplacement\": true}", Map.of());
        expect(status, code, "POST", s + "/acquisitions", "{\"cause\": \"SHARE_EXCHANGE\", \"approvalDate\": \""
                + TODAY + "\", \"acquisitionDate\": \"" + TODAY + "\"}", Map.of());
    }

    // ---- the users' own answers

    @Test
    void usersAreAddedChangedAndRefusedAsDocumented() {
        expect(200, null, "GET", "/users", null, Map.of());
        expect(201, null, "POST", "/users", "{\"username\": \"doc-added\", \"roles\": [\"REPORTING\"]}", Map.of());
        expect(409, "USER_ALREADY_EXISTS", "POST", "/users", "{\"username\": \"doc-added\", \"roles\": [\"REPORTING\"]}",
                Map.of());
        expect(400, "UNACCEPTABLE_CREDENTIALS", "POST", "/users", "{\"username\": \"doc-none\", \"roles\": []}",
                Map.of());
        expect(200, null, "GET", "/users/doc-added", null, Map.of());
        expect(200, null, "PUT", "/users/doc-added/roles", "{\"roles\": [\"COMPLIANCE\"]}", Map.of());
        expect(200, null, "PUT", "/users/doc-added/enabled", "{\"enabled\": false}", Map.of());
        // with the other administrator disabled, admin is the last one who can manage users
        expect(200, null, "PUT", "/users/doc-administrator/enabled", "{\"enabled\": false}", Map.of());
        try {
            expect(422, "LAST_ADMINISTRATOR", "PUT", "/users/admin/roles", "{\"roles\": [\"REPORTING\"]}",
                    Map.of());
            expect(422, "LAST_ADMINISTRATOR", "PUT", "/users/admin/enabled", "{\"enabled\": false}", Map.of());
        } finally {
            expect(200, null, "PUT", "/users/doc-administrator/enabled", "{\"enabled\": true}", Map.of());
        }
        expect(200, null, "POST", "/users/doc-added/password-resets", null, Map.of());
        expect(400, "UNACCEPTABLE_CREDENTIALS", "POST", "/users/doc-added/password-resets",
                "{\"password\": \"short\"}", Map.of());
        expect(200, null, "GET", "/me", null, Map.of());

        expect(201, null, "POST", "/users", "{\"username\": \"doc-self\", \"roles\": [\"REPORTING\"],"
                + " \"password\": \"doc-self-first-password\"}", Map.of());
        String self = TrackerTestSupport.basic("doc-self", "doc-self-first-password");
        expect(422, "CURRENT_PASSWORD_WRONG", "PUT", "/me/password",
                "{\"currentPassword\": \"not it\", \"newPassword\": \"doc-self-second-password\"}",
                Map.of("Authorization", self));
        expect(204, null, "PUT", "/me/password", "{\"currentPassword\": \"doc-self-first-password\","
                + " \"newPassword\": \"doc-self-second-password\"}", Map.of("Authorization", self));
        assertThat(wrong).isEmpty();
    }

    // ---- valid bodies, and the call

    private static final String ALLOT = "{\"holderId\": \"%s\", \"role\": \"DIRECTOR\", \"rights\": 10,"
            + " \"allotmentDate\": \"" + IN_FORCE_FROM_ISSUE + "\"}";
    private static final String TRANSFER = "{\"holderId\": \"%s\", \"transfereeId\": \"SOMEONE\", \"rights\": 1,"
            + " \"transferDate\": \"2020-01-01\"}";
    private static final String VALUATION = "{\"determinationDate\": \"" + IN_FORCE_FROM_ISSUE + "\", \"spot\": 2329,"
            + " \"years\": 15, \"riskFreeRate\": 0.0118, \"dividendPerShare\": 27, \"volatility\": 0.43}";

    /** A body each operation reads without refusing it as bad input (whether a rule then accepts it or not). */
    private static final Map<String, String> VALID = Map.ofEntries(
            Map.entry("POST /series", TrackerTestSupport.issueSeriesBody("DOC-NEW", "DOC-NEW-CO")),
            Map.entry("POST /series/{seriesId}/allotments", body(ALLOT, "H9")),
            Map.entry("POST /series/{seriesId}/inheritances", "{\"holderId\": \"H1\", \"heirId\": \"HEIR-9\","
                    + " \"inheritanceDate\": \"2020-01-01\"}"),
            Map.entry("POST /series/{seriesId}/exercises", "{\"holderId\": \"H1\", \"exerciseDate\": \"2020-01-01\","
                    + " \"rights\": 1}"),
            Map.entry("POST /series/{seriesId}/share-adjustments", "{\"sharesPerRight\": 300, \"appliesFrom\":"
                    + " \"2016-01-01\", \"reason\": \"the board's adjustment\"}"),
            Map.entry("POST /series/{seriesId}/restructurings", "{\"kind\": \"SHARE_EXCHANGE\","
                    + " \"restructuredCompanyId\": \"NEWCO\", \"restructuredCompanyName\": \"NewCo\", \"effectiveDate\":"
                    + " \"2020-01-01\", \"shareRatio\": \"1/1\", \"agreementProvidesReplacement\": true}"),
            Map.entry("POST /series/{seriesId}/acquisitions", "{\"cause\": \"SHARE_EXCHANGE\", \"approvalDate\":"
                    + " \"2020-01-01\", \"acquisitionDate\": \"2020-01-02\"}"),
            Map.entry("POST /series/{seriesId}/transfers", body(TRANSFER, "H1")),
            Map.entry("POST /series/{seriesId}/reversals", "{\"holderId\": \"H1\", \"reason\": \"recorded in error\"}"),
            Map.entry("POST /series/{seriesId}/allotment-amount", VALUATION),
            Map.entry("POST /series/{seriesId}/allotment-amount/corrections",
                    VALUATION.replace("}", ", \"reason\": \"a typing error\"}")),
            Map.entry("POST /series/{seriesId}/allotment-amount/preview", VALUATION),
            Map.entry("POST /issuers/{issuerId}/departures", "{\"holderId\": \"H1\", \"departureDate\":"
                    + " \"2020-01-01\", \"reason\": \"RETIREMENT\"}"),
            Map.entry("POST /issuers/{issuerId}/deaths", "{\"personId\": \"H1\", \"dateOfDeath\": \"2020-01-01\"}"),
            Map.entry("POST /issuers/{issuerId}/role-changes", "{\"holderId\": \"H1\", \"newRole\":"
                    + " \"EXECUTIVE_OFFICER\", \"changeDate\": \"2020-01-01\"}"),
            Map.entry("POST /issuers/{issuerId}/reversals", "{\"personId\": \"H1\", \"fact\": \"DEPARTURE\","
                    + " \"reason\": \"recorded in error\"}"),
            Map.entry("POST /issuers/{issuerId}/share-splits", "{\"ratio\": \"2/1\", \"recordDate\": \"2020-03-31\"}"),
            Map.entry("POST /issuers/{issuerId}/share-consolidations", "{\"ratio\": \"1/2\", \"effectiveDate\":"
                    + " \"2020-01-01\"}"),
            Map.entry("POST /issuers/{issuerId}/share-capital-statements", "{\"asAt\": \"2019-12-31\","
                    + " \"issuedShares\": 1000000, \"capitalStock\": 500000000, \"source\": \"a certificate\"}"),
            Map.entry("POST /issuers/{issuerId}/registration-filings", "{\"key\": \"EXERCISES-2020-04\","
                    + " \"filedOn\": \"2020-05-08\", \"reference\": \"an application\"}"),
            Map.entry("PUT /issuers/{issuerId}/accounting-standard", "{\"standard\": \"ASBJ\"}"),
            Map.entry("PUT /users/{username}/roles", "{\"roles\": [\"REPORTING\"]}"),
            Map.entry("POST /me/calendar-feed", "{\"reminderDays\": 3}"),
            Map.entry("PUT /me/calendar-feed", "{\"reminderDays\": 3}"),
            Map.entry("PUT /users/{username}/enabled", "{\"enabled\": true}"),
            Map.entry("POST /users/{username}/password-resets", "{}"),
            Map.entry("POST /users", "{\"username\": \"doc-valid\", \"roles\": [\"REPORTING\"]}"),
            Map.entry("POST /me/notice-subscriptions", "{\"kind\": \"WINDOW_OPENS\", \"channel\": \"EMAIL\","
                    + " \"target\": \"doc@example.co.jp\"}"),
            Map.entry("PUT /me/password", "{\"currentPassword\": \"x\", \"newPassword\": \"long-enough-password\"}"));

    private static String body(String template, String holder) {
        return String.format(template, holder);
    }

    private static String daysAgo(int days) {
        return TODAY.minusDays(days).toString();
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for the path variable " + matcher.group(1) + " of " + template);
            }
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(path).toString();
    }

    private static String firstQueryParameter(JsonNode operation) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("query")) {
                return parameter.path("name").asText();
            }
        }
        return null;
    }

    private static Set<String> codes(JsonNode response) {
        Set<String> codes = new TreeSet<>();
        response.path("x-rule-codes").forEach(code -> codes.add(code.asText()));
        return codes;
    }

    /**
     * Sends the request as the administrator (who holds every role), with a JSON body when one is
     * given; a header given here replaces the default ({@code "Authorization": ""} sends none). A
     * status or rule code other than the expected one is noted, to be listed at the end of the test.
     */
    private void expect(int status, String code, String method, String path, String body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Authorization", TrackerTestSupport.basic(TrackerTestSupport.ADMIN,
                TrackerTestSupport.adminPassword(environment)));
        if (body != null) {
            all.put("Content-Type", "application/json");
        }
        all.putAll(headers);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        all.forEach((name, value) -> {
            if (!value.isEmpty()) {
                request.header(name, value);
            }
        });
        HttpResponse<String> answer;
        try {
            answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String answeredCode = null;
        if (answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            try {
                answeredCode = JSON.readTree(answer.body()).path("code").asText();
            } catch (IOException e) {
                answeredCode = "not JSON";
            }
        }
        if (answer.statusCode() != status || (code != null && !code.equals(answeredCode))) {
            String shown = answer.body().length() > 300 ? answer.body().substring(0, 300) + "..." : answer.body();
            wrong.add(method + " " + path + " " + headers.keySet().stream().filter(h -> !h.equals("Authorization"))
                    .collect(Collectors.joining(",")) + ": expected " + status + (code == null ? "" : " " + code)
                    + ", answered " + answer.statusCode() + " " + shown);
        }
    }
}
