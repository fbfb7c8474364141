package io.sartracker.service.security;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.sartracker.service.security.TrackerRole.ADMINISTRATOR;
import static io.sartracker.service.security.TrackerRole.COMPLIANCE;
import static io.sartracker.service.security.TrackerRole.EQUITY_ADMINISTRATOR;
import static io.sartracker.service.security.TrackerRole.OPERATOR;
import static io.sartracker.service.security.TrackerRole.REPORTING;

/**
 * Who may call what: one line per endpoint. A path that no line names is refused to everybody
 * (the security configuration ends with "deny all"), and a test fails for every endpoint of the
 * service that has no line here.
 */
public final class AccessPolicy {

    /** An endpoint (HTTP method and path pattern, as Spring MVC maps it) and the roles that may call it. */
    public record Access(HttpMethod method, String path, Set<TrackerRole> roles) {
        public Access {
            roles = roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
        }
    }

    /**
     * A user's calendar feed as calendar applications fetch it: they cannot sign in, so the secret in the
     * address is the credential (CalendarFeeds keeps only its hash; an unknown one answers 404).
     */
    public static final String CALENDAR_FEED_FILE = "/calendar/{token}.ics";

    /** Paths anyone may read: the API's description and whether the service is up. */
    public static final List<String> PUBLIC_PATHS = List.of("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
            "/swagger-ui.html", "/swagger-ui/**", "/actuator/health", "/actuator/health/**", "/error",
            CALENDAR_FEED_FILE);

    /**
     * The paths of the pages, signed in with a browser session ({@link PageSecurityConfig}); everything
     * else is the API, signed in on every request.
     */
    public static final List<String> PAGE_PATHS = List.of("/", "/app", "/app/**", "/login", "/logout",
            "/webjars/**", "/assets/**", "/favicon.ico");

    /** Pages and files anyone may open: the sign-in page, the scripts and styles, the refusal page. */
    public static final List<String> PUBLIC_PAGE_PATHS = List.of("/login", "/webjars/**", "/assets/**",
            "/favicon.ico", "/app/denied");

    /** Whether a line of the table is a page (signed in with a session) rather than the API. */
    public static boolean isPage(String path) {
        return path.equals("/") || path.startsWith("/app/") || path.equals("/app");
    }

    private static final Set<TrackerRole> RECORDERS = EnumSet.of(EQUITY_ADMINISTRATOR);
    private static final Set<TrackerRole> VIEW_READERS = EnumSet.of(EQUITY_ADMINISTRATOR, COMPLIANCE, REPORTING);
    /** Those who may read what was recorded, payloads included. */
    private static final Set<TrackerRole> PAYLOAD_READERS = EnumSet.of(EQUITY_ADMINISTRATOR, COMPLIANCE);

    public static final List<Access> TABLE = List.of(
            // series and their facts
            post("/series", RECORDERS),
            post("/series/{seriesId}/allotments", RECORDERS),
            post("/series/{seriesId}/inheritances", RECORDERS),
            post("/series/{seriesId}/exercises", RECORDERS),
            post("/series/{seriesId}/share-adjustments", RECORDERS),
            post("/series/{seriesId}/restructurings", RECORDERS),
            post("/series/{seriesId}/acquisitions", RECORDERS),
            post("/series/{seriesId}/transfers", RECORDERS),
            post("/series/{seriesId}/reversals", RECORDERS),
            post("/series/{seriesId}/allotment-amount", RECORDERS),
            post("/series/{seriesId}/allotment-amount/corrections", RECORDERS),
            post("/series/{seriesId}/allotment-amount/preview", PAYLOAD_READERS),
            // facts of the issuer and its people
            post("/issuers/{issuerId}/departures", RECORDERS),
            post("/issuers/{issuerId}/deaths", RECORDERS),
            post("/issuers/{issuerId}/role-changes", RECORDERS),
            post("/issuers/{issuerId}/reversals", RECORDERS),
            post("/issuers/{issuerId}/share-splits", RECORDERS),
            post("/issuers/{issuerId}/share-consolidations", RECORDERS),
            // importing past history: recording, so equity administrators only
            post("/imports", RECORDERS),
            get("/imports/{importId}", RECORDERS),
            // views
            get("/series", VIEW_READERS),
            get("/series/{seriesId}", VIEW_READERS),
            get("/series/{seriesId}/register", VIEW_READERS),
            get("/issuers/{issuerId}/ocf", VIEW_READERS),
            get("/holders/{personId}", VIEW_READERS),
            get("/windows", VIEW_READERS),
            get("/awaiting-heir", VIEW_READERS),
            get("/series/{seriesId}/events", PAYLOAD_READERS),
            // the accounting journal and the issuer's choice of standard for it
            get("/series/{seriesId}/journal", VIEW_READERS),
            get("/series/{seriesId}/journal/balance", VIEW_READERS),
            get("/issuers/{issuerId}/accounting-standard", VIEW_READERS),
            put("/issuers/{issuerId}/accounting-standard", RECORDERS),
            // names and addresses: the holder directory and the statutory register that shows them
            get("/series/{seriesId}/statutory-register", PAYLOAD_READERS),
            get("/holders/{personId}/directory", PAYLOAD_READERS),
            get("/holders/{personId}/directory/history", PAYLOAD_READERS),
            put("/holders/{personId}/directory", RECORDERS),
            delete("/holders/{personId}/directory", RECORDERS),
            // registrations of change: statements and filing marks kept by equity administrators
            post("/issuers/{issuerId}/share-capital-statements", RECORDERS),
            get("/issuers/{issuerId}/share-capital-statements", VIEW_READERS),
            get("/issuers/{issuerId}/registrations", VIEW_READERS),
            get("/issuers/{issuerId}/registration-report", VIEW_READERS),
            post("/issuers/{issuerId}/registration-filings", RECORDERS),
            delete("/issuers/{issuerId}/registration-filings", RECORDERS),
            // reporting reads the audit trail without its payloads (QueryController leaves them out)
            get("/audit", VIEW_READERS),
            // operations
            post("/lapse-sweeps", EnumSet.of(OPERATOR)),
            get("/dead-letters", EnumSet.of(OPERATOR)),
            get("/dead-letters/{processingGroup}", EnumSet.of(OPERATOR)),
            post("/dead-letters/{processingGroup}/retries", EnumSet.of(OPERATOR)),
            post("/projections/rebuild", EnumSet.of(COMPLIANCE)),
            get("/projections/rebuild", EnumSet.of(COMPLIANCE, OPERATOR)),
            get("/actuator/metrics", EnumSet.of(OPERATOR)),
            get("/actuator/metrics/{name}", EnumSet.of(OPERATOR)),
            get("/actuator/info", EnumSet.of(OPERATOR)),
            get("/actuator", EnumSet.of(OPERATOR)),
            // users
            get("/users", EnumSet.of(ADMINISTRATOR)),
            post("/users", EnumSet.of(ADMINISTRATOR)),
            get("/users/{username}", EnumSet.of(ADMINISTRATOR)),
            put("/users/{username}/roles", EnumSet.of(ADMINISTRATOR)),
            post("/users/{username}/password-resets", EnumSet.of(ADMINISTRATOR)),
            put("/users/{username}/enabled", EnumSet.of(ADMINISTRATOR)),
            get("/me", EnumSet.allOf(TrackerRole.class)),
            put("/me/password", EnumSet.allOf(TrackerRole.class)),
            // one's own calendar feed of the windows: for those who may read windows
            post("/me/calendar-feed", VIEW_READERS),
            get("/me/calendar-feed", VIEW_READERS),
            put("/me/calendar-feed", VIEW_READERS),
            delete("/me/calendar-feed", VIEW_READERS),
            // notices: those who may read windows may be told of them
            get("/me/notice-subscriptions", VIEW_READERS),
            post("/me/notice-subscriptions", VIEW_READERS),
            delete("/me/notice-subscriptions/{subscriptionId}", VIEW_READERS),
            get("/me/notice-deliveries", VIEW_READERS),
            // pages (a browser session; the same roles as the endpoints they call)
            get("/", EnumSet.allOf(TrackerRole.class)),
            get("/app/today", VIEW_READERS),
            get("/app/series", VIEW_READERS),
            get("/app/series/{seriesId}", VIEW_READERS),
            get("/app/series/{seriesId}/chart", VIEW_READERS),
            get("/app/series/{seriesId}/register.csv", VIEW_READERS),
            get("/app/series/{seriesId}/journal", VIEW_READERS),
            get("/app/series/{seriesId}/journal.csv", VIEW_READERS),
            get("/app/issuers/{issuerId}/ocf", VIEW_READERS),
            get("/app/issuers/{issuerId}/chart", VIEW_READERS),
            get("/app/holders", VIEW_READERS),
            get("/app/holders/{personId}", VIEW_READERS),
            get("/app/holders/{personId}/chart", VIEW_READERS),
            post("/app/holders/{personId}/directory", RECORDERS),
            post("/app/holders/{personId}/directory/erasure", RECORDERS),
            get("/app/series/{seriesId}/statutory-register", PAYLOAD_READERS),
            get("/app/windows.csv", VIEW_READERS),
            get("/app/issuers/{issuerId}/registrations", VIEW_READERS),
            get("/app/issuers/{issuerId}/registrations/report", VIEW_READERS),
            post("/app/issuers/{issuerId}/registrations/filing", RECORDERS),
            get("/app/record", RECORDERS),
            get("/app/import", RECORDERS),
            post("/app/import", RECORDERS),
            get("/app/import/{importId}", RECORDERS),
            get("/app/import/{importId}/progress", RECORDERS),
            post("/app/record/{fact}", RECORDERS),
            // reporting reads the compliance page without payloads, as GET /audit answers it
            get("/app/compliance", VIEW_READERS),
            get("/app/compliance/audit.csv", VIEW_READERS),
            get("/app/notices", VIEW_READERS),
            post("/app/notices", VIEW_READERS),
            post("/app/notices/{subscriptionId}/deletion", VIEW_READERS),
            get("/app/operations", EnumSet.of(COMPLIANCE, OPERATOR)),
            get("/app/operations/rebuild", EnumSet.of(COMPLIANCE, OPERATOR)),
            post("/app/operations/rebuild", EnumSet.of(COMPLIANCE)),
            post("/app/operations/dead-letters/{processingGroup}/retries", EnumSet.of(OPERATOR)),
            get("/app/users", EnumSet.of(ADMINISTRATOR)),
            post("/app/users", EnumSet.of(ADMINISTRATOR)),
            post("/app/users/{username}/roles", EnumSet.of(ADMINISTRATOR)),
            post("/app/users/{username}/password-resets", EnumSet.of(ADMINISTRATOR)),
            post("/app/users/{username}/enabled", EnumSet.of(ADMINISTRATOR)),
            get("/app/calendar", VIEW_READERS),
            post("/app/calendar", VIEW_READERS),
            post("/app/calendar/choices", VIEW_READERS),
            post("/app/calendar/deletion", VIEW_READERS),
            get("/app/me/password", EnumSet.allOf(TrackerRole.class)),
            post("/app/me/password", EnumSet.allOf(TrackerRole.class)));

    private AccessPolicy() {
    }

    /** Whether the roles may read payloads and personal data (the audit trail's full entries). */
    public static boolean readsPayloads(Set<TrackerRole> roles) {
        return roles.stream().anyMatch(PAYLOAD_READERS::contains);
    }

    /** The roles that may call the endpoint matching the method and path; empty when no line matches. */
    public static Set<TrackerRole> rolesFor(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return TABLE.stream()
                .filter(access -> access.method().matches(method)
                        && PATTERNS.parse(access.path()).matches(container))
                .findFirst().map(Access::roles).orElse(Set.of());
    }

    private static final PathPatternParser PATTERNS = PathPatternParser.defaultInstance;

    private static Access get(String path, Set<TrackerRole> roles) {
        return new Access(HttpMethod.GET, path, roles);
    }

    private static Access post(String path, Set<TrackerRole> roles) {
        return new Access(HttpMethod.POST, path, roles);
    }

    private static Access put(String path, Set<TrackerRole> roles) {
        return new Access(HttpMethod.PUT, path, roles);
    }

    private static Access delete(String path, Set<TrackerRole> roles) {
        return new Access(HttpMethod.DELETE, path, roles);
    }
}
