package io.sartracker.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sartracker.service.security.AccessPolicy;
import io.sartracker.service.security.TrackerRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.sartracker.service.security.TrackerRole.ADMINISTRATOR;
import static io.sartracker.service.security.TrackerRole.COMPLIANCE;
import static io.sartracker.service.security.TrackerRole.EQUITY_ADMINISTRATOR;
import static io.sartracker.service.security.TrackerRole.OPERATOR;
import static io.sartracker.service.security.TrackerRole.REPORTING;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint against every role: this test's own table says who may call what, independently of
 * {@link AccessPolicy}; each role's user (holding that role alone) and an anonymous client call each
 * endpoint. A refused call answers 401 or 403 with a problem document and records nothing. An
 * endpoint of the service missing from this table fails the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessTableTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("access-table")::toString);
    }

    private static final Set<TrackerRole> RECORD = EnumSet.of(EQUITY_ADMINISTRATOR);
    private static final Set<TrackerRole> READ = EnumSet.of(EQUITY_ADMINISTRATOR, COMPLIANCE, REPORTING);
    private static final Set<TrackerRole> PAYLOADS = EnumSet.of(EQUITY_ADMINISTRATOR, COMPLIANCE);
    private static final Set<TrackerRole> OPERATE = EnumSet.of(OPERATOR);
    private static final Set<TrackerRole> USERS = EnumSet.of(ADMINISTRATOR);
    private static final Set<TrackerRole> ANYONE_SIGNED_IN = EnumSet.allOf(TrackerRole.class);

    /** Endpoint ("METHOD pattern") → a concrete path to call, and the roles allowed. */
    record Line(String path, Set<TrackerRole> allowed) {
    }

    private static final Map<String, Line> TABLE = new LinkedHashMap<>();

    static {
        line("POST /series", "/series", RECORD);
        for (String fact : List.of("allotments", "inheritances", "exercises", "share-adjustments", "restructurings",
                "acquisitions", "transfers", "reversals")) {
            line("POST /series/{seriesId}/" + fact, "/series/S-1/" + fact, RECORD);
        }
        line("POST /series/{seriesId}/allotment-amount", "/series/S-1/allotment-amount", RECORD);
        line("POST /series/{seriesId}/allotment-amount/corrections", "/series/S-1/allotment-amount/corrections",
                RECORD);
        line("POST /series/{seriesId}/allotment-amount/preview", "/series/S-1/allotment-amount/preview", PAYLOADS);
        for (String fact : List.of("departures", "deaths", "role-changes", "reversals", "share-splits",
                "share-consolidations")) {
            line("POST /issuers/{issuerId}/" + fact, "/issuers/I-1/" + fact, RECORD);
        }
        line("GET /series", "/series", READ);
        line("GET /series/{seriesId}", "/series/S-1", READ);
        line("GET /series/{seriesId}/register", "/series/S-1/register", READ);
        line("GET /issuers/{issuerId}/ocf", "/issuers/I-1/ocf", READ);
        line("GET /holders/{personId}", "/holders/P-1", READ);
        line("GET /windows", "/windows", READ);
        line("GET /awaiting-heir", "/awaiting-heir", READ);
        line("GET /audit", "/audit", READ);
        line("GET /series/{seriesId}/events", "/series/S-1/events", PAYLOADS);
        line("GET /series/{seriesId}/statutory-register", "/series/S-1/statutory-register", PAYLOADS);
        line("GET /series/{seriesId}/journal", "/series/S-1/journal", READ);
        line("GET /series/{seriesId}/journal/balance", "/series/S-1/journal/balance", READ);
        line("GET /issuers/{issuerId}/accounting-standard", "/issuers/I-1/accounting-standard", READ);
        line("PUT /issuers/{issuerId}/accounting-standard", "/issuers/I-1/accounting-standard", RECORD);
        line("GET /holders/{personId}/directory", "/holders/P-1/directory", PAYLOADS);
        line("GET /holders/{personId}/directory/history", "/holders/P-1/directory/history", PAYLOADS);
        line("PUT /holders/{personId}/directory", "/holders/P-1/directory", RECORD);
        line("DELETE /holders/{personId}/directory", "/holders/P-1/directory", RECORD);
        line("POST /issuers/{issuerId}/share-capital-statements", "/issuers/I-1/share-capital-statements", RECORD);
        line("GET /issuers/{issuerId}/share-capital-statements", "/issuers/I-1/share-capital-statements", READ);
        line("GET /issuers/{issuerId}/registrations", "/issuers/I-1/registrations", READ);
        line("GET /issuers/{issuerId}/registration-report", "/issuers/I-1/registration-report", READ);
        line("POST /issuers/{issuerId}/registration-filings", "/issuers/I-1/registration-filings", RECORD);
        line("DELETE /issuers/{issuerId}/registration-filings", "/issuers/I-1/registration-filings", RECORD);
        line("POST /lapse-sweeps", "/lapse-sweeps", OPERATE);
        line("GET /dead-letters", "/dead-letters", OPERATE);
        line("GET /dead-letters/{processingGroup}", "/dead-letters/register", OPERATE);
        line("POST /dead-letters/{processingGroup}/retries", "/dead-letters/register/retries", OPERATE);
        line("POST /projections/rebuild", "/projections/rebuild", EnumSet.of(COMPLIANCE));
        line("GET /projections/rebuild", "/projections/rebuild", EnumSet.of(COMPLIANCE, OPERATOR));
        line("GET /users", "/users", USERS);
        line("POST /users", "/users", USERS);
        line("POST /imports", "/imports", RECORD);
        line("GET /imports/{importId}", "/imports/no-such-import", RECORD);
        line("GET /users/{username}", "/users/nobody", USERS);
        line("PUT /users/{username}/roles", "/users/nobody/roles", USERS);
        line("POST /users/{username}/password-resets", "/users/nobody/password-resets", USERS);
        line("PUT /users/{username}/enabled", "/users/nobody/enabled", USERS);
        line("GET /me", "/me", ANYONE_SIGNED_IN);
        line("PUT /me/password", "/me/password", ANYONE_SIGNED_IN);
        line("POST /me/calendar-feed", "/me/calendar-feed", READ);
        line("GET /me/calendar-feed", "/me/calendar-feed", READ);
        line("PUT /me/calendar-feed", "/me/calendar-feed", READ);
        line("DELETE /me/calendar-feed", "/me/calendar-feed", READ);
        line("GET /me/notice-subscriptions", "/me/notice-subscriptions", READ);
        line("POST /me/notice-subscriptions", "/me/notice-subscriptions", READ);
        line("DELETE /me/notice-subscriptions/{subscriptionId}", "/me/notice-subscriptions/no-such-subscription", READ);
        line("GET /me/notice-deliveries", "/me/notice-deliveries", READ);
        // pages: a browser session (form sign-in, CSRF token); the same roles as the endpoints they call
        line("GET /", "/", ANYONE_SIGNED_IN);
        line("GET /app/today", "/app/today", READ);
        line("GET /app/series", "/app/series", READ);
        line("GET /app/series/{seriesId}", "/app/series/S-1", READ);
        line("GET /app/series/{seriesId}/chart", "/app/series/S-1/chart", READ);
        line("GET /app/series/{seriesId}/register.csv", "/app/series/S-1/register.csv", READ);
        line("GET /app/series/{seriesId}/journal", "/app/series/S-1/journal", READ);
        line("GET /app/series/{seriesId}/journal.csv", "/app/series/S-1/journal.csv", READ);
        line("GET /app/issuers/{issuerId}/ocf", "/app/issuers/I-1/ocf", READ);
        line("GET /app/issuers/{issuerId}/chart", "/app/issuers/I-1/chart", READ);
        line("GET /app/issuers/{issuerId}/registrations", "/app/issuers/I-1/registrations", READ);
        line("GET /app/issuers/{issuerId}/registrations/report", "/app/issuers/I-1/registrations/report", READ);
        line("POST /app/issuers/{issuerId}/registrations/filing", "/app/issuers/I-1/registrations/filing", RECORD);
        line("GET /app/holders", "/app/holders", READ);
        line("GET /app/holders/{personId}", "/app/holders/P-1", READ);
        line("GET /app/holders/{personId}/chart", "/app/holders/P-1/chart", READ);
        line("POST /app/holders/{personId}/directory", "/app/holders/P-1/directory", RECORD);
        line("POST /app/holders/{personId}/directory/erasure", "/app/holders/P-1/directory/erasure", RECORD);
        line("GET /app/series/{seriesId}/statutory-register", "/app/series/S-1/statutory-register", PAYLOADS);
        line("GET /app/windows.csv", "/app/windows.csv", READ);
        line("GET /app/record", "/app/record", RECORD);
        line("POST /app/record/{fact}", "/app/record/exercise", RECORD);
        line("GET /app/import", "/app/import", RECORD);
        line("POST /app/import", "/app/import", RECORD);
        line("GET /app/import/{importId}", "/app/import/no-such-import", RECORD);
        line("GET /app/import/{importId}/progress", "/app/import/no-such-import/progress", RECORD);
        line("GET /app/compliance", "/app/compliance", READ);
        line("GET /app/compliance/audit.csv", "/app/compliance/audit.csv", READ);
        line("GET /app/operations", "/app/operations", EnumSet.of(COMPLIANCE, OPERATOR));
        line("GET /app/operations/rebuild", "/app/operations/rebuild", EnumSet.of(COMPLIANCE, OPERATOR));
        line("POST /app/operations/rebuild", "/app/operations/rebuild", EnumSet.of(COMPLIANCE));
        line("POST /app/operations/dead-letters/{processingGroup}/retries",
                "/app/operations/dead-letters/register/retries", OPERATE);
        line("GET /app/users", "/app/users", USERS);
        line("POST /app/users", "/app/users", USERS);
        line("POST /app/users/{username}/roles", "/app/users/nobody/roles", USERS);
        line("POST /app/users/{username}/password-resets", "/app/users/nobody/password-resets", USERS);
        line("POST /app/users/{username}/enabled", "/app/users/nobody/enabled", USERS);
        line("GET /app/calendar", "/app/calendar", READ);
        line("POST /app/calendar", "/app/calendar", READ);
        line("POST /app/calendar/choices", "/app/calendar/choices", READ);
        line("POST /app/calendar/deletion", "/app/calendar/deletion", READ);
        line("GET /app/me/password", "/app/me/password", ANYONE_SIGNED_IN);
        line("GET /app/notices", "/app/notices", READ);
        line("POST /app/notices", "/app/notices", READ);
        line("POST /app/notices/{subscriptionId}/deletion", "/app/notices/no-such-subscription/deletion", READ);
        line("POST /app/me/password", "/app/me/password", ANYONE_SIGNED_IN);
    }

    private static boolean page(String path) {
        return path.equals("/") || path.startsWith("/app/");
    }

    /** Actuator endpoints are not Spring MVC handler methods: listed here, checked the same way. */
    private static final Map<String, Line> ACTUATOR = Map.of(
            "GET /actuator/metrics", new Line("/actuator/metrics", OPERATE),
            "GET /actuator/metrics/{name}", new Line("/actuator/metrics/jvm.threads.live", OPERATE),
            "GET /actuator/info", new Line("/actuator/info", OPERATE),
            "GET /actuator", new Line("/actuator", OPERATE));

    private static void line(String endpoint, String path, Set<TrackerRole> allowed) {
        TABLE.put(endpoint, new Line(path, allowed));
    }

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    Environment environment;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void everyEndpointOfTheServiceHasALineInTheTableAndInTheAccessPolicy() {
        Set<String> served = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/error") || pattern.startsWith("/v3/api-docs") || pattern.startsWith("/swagger-ui")
                        || pattern.equals(AccessPolicy.CALENDAR_FEED_FILE)) {
                    continue; // public: the problem page, the API's description, a calendar feed (its secret signs in)
                }
                info.getMethodsCondition().getMethods().forEach(method -> served.add(method.name() + " " + pattern));
            }
        }
        assertThat(new TreeSet<>(TABLE.keySet())).as("endpoints in this test's table").isEqualTo(served);
        Set<String> policy = new TreeSet<>();
        AccessPolicy.TABLE.forEach(access -> policy.add(access.method().name() + " " + access.path()));
        Set<String> expected = new TreeSet<>(served);
        expected.addAll(ACTUATOR.keySet());
        assertThat(policy).as("endpoints in AccessPolicy").isEqualTo(expected);
        for (AccessPolicy.Access access : AccessPolicy.TABLE) {
            String endpoint = access.method().name() + " " + access.path();
            Line line = TABLE.containsKey(endpoint) ? TABLE.get(endpoint) : ACTUATOR.get(endpoint);
            assertThat(access.roles()).as(endpoint).isEqualTo(line.allowed());
        }
    }

    @Test
    void eachRoleIsAllowedExactlyWhatTheTableSaysAndARefusalRecordsNothing() throws Exception {
        Map<TrackerRole, TestRestTemplate> users = new EnumMap<>(TrackerRole.class);
        for (TrackerRole role : TrackerRole.values()) {
            users.put(role, TrackerTestSupport.asUser(anonymous, environment, "only-" + role.name().toLowerCase()
                    .replace('_', '-'), role.name()));
        }
        long eventsBefore = events();
        List<String> wrong = new ArrayList<>();
        Map<String, Line> all = new LinkedHashMap<>(TABLE);
        all.putAll(ACTUATOR);
        Map<TrackerRole, PageSession> sessions = new EnumMap<>(TrackerRole.class);
        for (TrackerRole role : TrackerRole.values()) {
            sessions.put(role, PageSession.signIn(anonymous.getRootUri(), "only-" + role.name().toLowerCase()
                    .replace('_', '-'), "only-" + role.name().toLowerCase().replace('_', '-') + "-password"));
        }
        PageSession nobody = PageSession.anonymous(anonymous.getRootUri());
        all.forEach((endpoint, line) -> {
            HttpMethod method = HttpMethod.valueOf(endpoint.substring(0, endpoint.indexOf(' ')));
            if (page(line.path())) {
                // anonymous: sent to sign in (a change without the session's CSRF token is refused first)
                int status = nobody.call(method.name(), line.path());
                boolean toSignIn = status == 302 && nobody.lastLocation().endsWith("/login");
                if (!(toSignIn || (method != HttpMethod.GET && status == 403))) {
                    wrong.add("anonymous page " + endpoint + " -> " + status + " " + nobody.lastLocation());
                }
                for (TrackerRole role : TrackerRole.values()) {
                    int answered = sessions.get(role).call(method.name(), line.path());
                    boolean allowed = line.allowed().contains(role);
                    if (allowed && (answered == 401 || answered == 403 || sessions.get(role).lastLocation().endsWith("/login"))) {
                        wrong.add(role + " page " + endpoint + " refused with " + answered);
                    } else if (!allowed && answered != 403) {
                        wrong.add(role + " page " + endpoint + " answered " + answered + " instead of 403");
                    }
                }
                return;
            }
            ResponseEntity<String> answer = call(anonymous, method, line.path());
            if (answer.getStatusCode().value() != 401 || !code(answer).equals("SIGN_IN_REQUIRED")) {
                wrong.add("anonymous " + endpoint + " -> " + answer.getStatusCode() + " " + answer.getBody());
            }
            for (TrackerRole role : TrackerRole.values()) {
                ResponseEntity<String> answered = call(users.get(role), method, line.path());
                int status = answered.getStatusCode().value();
                boolean allowed = line.allowed().contains(role);
                if (allowed && (status == 401 || status == 403)) {
                    wrong.add(role + " " + endpoint + " refused with " + status);
                } else if (!allowed && (status != 403 || !code(answered).equals("ROLE_REQUIRED"))) {
                    wrong.add(role + " " + endpoint + " answered " + status + " instead of 403 ROLE_REQUIRED");
                }
            }
        });
        assertThat(wrong).isEmpty();
        assertThat(events()).as("no call of this test records a fact").isEqualTo(eventsBefore);
    }

    private ResponseEntity<String> call(TestRestTemplate client, HttpMethod method, String path) {
        HttpHeaders headers = new HttpHeaders();
        HttpEntity<String> request = null;
        if (method != HttpMethod.GET) {
            headers.setContentType(MediaType.APPLICATION_JSON);
            request = new HttpEntity<>("{}", headers);
        }
        return client.exchange(path, method, request, String.class);
    }

    private String code(ResponseEntity<String> answer) {
        try {
            JsonNode problem = json.readTree(answer.getBody());
            return problem.path("code").asText();
        } catch (Exception e) {
            return "not a problem document: " + answer.getBody();
        }
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from DomainEventEntry", Long.class);
    }
}
