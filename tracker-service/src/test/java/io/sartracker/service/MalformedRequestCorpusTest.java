package io.sartracker.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sartracker.kernel.rule.RuleCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated corpus of malformed requests over every endpoint (fixed seed, so a failure replays):
 * repeated and unknown keys, trailing content, numbers for dates, ordinals for enums, fractions for
 * whole numbers, contradictory terms, dates out of range, overlong text and headers, oversized and
 * chunked bodies, broken multipart, malformed paths, over-long URLs, repeated or malformed query
 * parameters, wrong methods and media types. Every answer must be a 4xx problem document with a
 * stable code, and nothing may be recorded. Requests go over a raw socket, byte for byte.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tracker.load-reference-history=true")
class MalformedRequestCorpusTest {
    private static final long SEED = 20261125L;
    private static final int REQUESTS = 2_400;
    private static final String BOUNDARY = "corpus-boundary";
    private static final Set<String> CODES = Arrays.stream(RuleCode.values()).map(Enum::name).collect(Collectors.toSet());
    private static final Set<String> ENUMS = Set.of("role", "newRole", "fact", "kind", "cause");
    private static final Set<String> WHOLE = Set.of("rights", "sharesPerRight", "maximumRights", "sharesPerRightAtIssue",
            "exercisePricePerShare", "windowAfterLeavingOfficeDays", "heirWindowMonths");
    private static final Map<String, Integer> TEXT = Map.of("reason", 1_000, "name", 200, "issuerName", 200,
            "restructuredCompanyName", 200, "boardApprovalReference", 200);

    enum Kind {
        REPEATED_KEY(400), UNKNOWN_KEY(400), TRAILING_CONTENT(400), NUMBER_FOR_DATE(400), ORDINAL_FOR_ENUM(400),
        WRONG_ENUM_NAME(400), FRACTION_FOR_WHOLE(400), DATE_OUT_OF_RANGE(400), OVERLONG_TEXT(400),
        CONTRADICTORY_TERMS(400), NOT_JSON(400), OVERSIZED_BODY(413),
        OVERSIZED_CHUNKED_BODY(0), WRONG_CONTENT_TYPE(415), BROKEN_MULTIPART(400), MULTIPART_BAD_JSON_PART(400),
        MULTIPART_MISSING_PART(400), MALFORMED_PATH(400), LONG_URL(400), HEADERS_TOO_LARGE(400),
        REPEATED_QUERY_PARAMETER(400), BAD_QUERY_VALUE(400), MALFORMED_QUERY_ESCAPE(400), WRONG_METHOD(405),
        UNKNOWN_ROUTE(0), INVALID_PATH_IDENTIFIER(400);

        /** The status every answer of this kind must have; 0 when any 4xx will do. */
        final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    /** One endpoint: method and path, a valid body (null for none), and what can be done to it. */
    record Endpoint(String method, String path, ObjectNode body, boolean multipart, List<String> queryParameters) {
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("corpus")::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private ObjectNode body(String text) {
        try {
            return (ObjectNode) json.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        Consumer<Object[]> command = args -> all.add(new Endpoint("POST", (String) args[0], body((String) args[1]),
                false, List.of()));
        command.accept(new Object[]{"/series", "{\"seriesId\": \"CORPUS-1\", \"issuerId\": \"IIJ\", \"terms\": "
                + StrictInputHttpTest.TERMS + "}"});
        command.accept(new Object[]{"/series/IIJ-SAR-5/allotments",
                "{\"holderId\": \"D09\", \"role\": \"DIRECTOR\", \"rights\": 1, \"allotmentDate\": \"2015-07-13\"}"});
        command.accept(new Object[]{"/series/IIJ-SAR-5/exercises",
                "{\"holderId\": \"D02\", \"exerciseDate\": \"2024-01-01\", \"rights\": 1}"});
        command.accept(new Object[]{"/series/IIJ-SAR-5/inheritances",
                "{\"holderId\": \"D02\", \"heirId\": \"H1\", \"inheritanceDate\": \"2024-01-01\"}"});
        command.accept(new Object[]{"/series/IIJ-SAR-5/share-adjustments",
                "{\"sharesPerRight\": 300, \"appliesFrom\": \"2030-01-01\", \"reason\": \"merger\"}"});
        command.accept(new Object[]{"/series/IIJ-SAR-5/restructurings", "{\"kind\": \"SHARE_EXCHANGE\","
                + " \"restructuredCompanyId\": \"N\", \"restructuredCompanyName\": \"NewCo\", \"effectiveDate\": \"2030-01-01\","
                + " \"shareRatio\": \"1/2\", \"agreementProvidesReplacement\": true}"});
        command.accept(new Object[]{"/series/IIJ-SAR-5/acquisitions",
                "{\"cause\": \"SHARE_EXCHANGE\", \"approvalDate\": \"2030-01-01\", \"acquisitionDate\": \"2030-02-01\"}"});
        command.accept(new Object[]{"/series/IIJ-SAR-5/transfers", "{\"holderId\": \"D02\", \"transfereeId\": \"Z\","
                + " \"rights\": 1, \"transferDate\": \"2024-01-01\", \"boardApprovalReference\": \"B-1\"}"});
        command.accept(new Object[]{"/series/IIJ-SAR-5/reversals",
                "{\"holderId\": \"D01\", \"reason\": \"recorded in error\", \"reversedOn\": \"2024-01-01\"}"});
        command.accept(new Object[]{"/issuers/IIJ/departures",
                "{\"holderId\": \"D02\", \"departureDate\": \"2024-01-01\", \"reason\": \"RETIREMENT\"}"});
        command.accept(new Object[]{"/issuers/IIJ/deaths", "{\"personId\": \"D02\", \"dateOfDeath\": \"2024-01-01\"}"});
        command.accept(new Object[]{"/issuers/IIJ/role-changes",
                "{\"holderId\": \"D02\", \"newRole\": \"EXECUTIVE_OFFICER\", \"changeDate\": \"2024-01-01\"}"});
        command.accept(new Object[]{"/issuers/IIJ/reversals", "{\"personId\": \"D01\", \"fact\": \"DEPARTURE\","
                + " \"reason\": \"recorded in error\", \"reversedOn\": \"2024-01-01\"}"});
        command.accept(new Object[]{"/issuers/IIJ/share-splits",
                "{\"ratio\": \"2/1\", \"recordDate\": \"2030-01-01\", \"meetingClosingDate\": \"2030-01-02\"}"});
        command.accept(new Object[]{"/issuers/IIJ/share-consolidations",
                "{\"ratio\": \"1/2\", \"effectiveDate\": \"2031-01-01\"}"});
        String valuation = "{\"determinationDate\": \"2015-07-13\", \"valuationDate\": \"2015-07-13\", \"spot\": 2329,"
                + " \"years\": 15, \"riskFreeRate\": 0.0118, \"dividendPerShare\": 27, \"volatility\": 0.43}";
        command.accept(new Object[]{"/series/IIJ-SAR-5/allotment-amount", valuation});
        command.accept(new Object[]{"/series/IIJ-SAR-5/allotment-amount/corrections",
                valuation.replace("}", ", \"reason\": \"typo\"}")});
        all.add(new Endpoint("POST", "/series/IIJ-SAR-5/allotment-amount/preview", body(valuation), false,
                List.of()));
        String upload = "{\"determinationDate\": \"2015-07-13\", \"spot\": 2329, \"years\": 15, \"riskFreeRate\": 0.0118,"
                + " \"dividendPerShare\": 27, \"priceHistory\": {\"lookBackFrom\": \"2015-01-01\", \"lookBackTo\": \"2015-07-13\"}}";
        all.add(new Endpoint("POST", "/series/IIJ-SAR-5/allotment-amount", body(upload), true, List.of()));
        all.add(new Endpoint("POST", "/series/IIJ-SAR-5/allotment-amount/preview", body(upload), true, List.of()));
        all.add(new Endpoint("POST", "/lapse-sweeps", null, false, List.of()));
        all.add(new Endpoint("POST", "/projections/rebuild", null, false, List.of()));
        all.add(new Endpoint("GET", "/projections/rebuild", null, false, List.of()));
        all.add(new Endpoint("GET", "/holders/D01", null, false, List.of("asOf", "knownAt")));
        all.add(new Endpoint("GET", "/series", null, false, List.of("issuerId")));
        all.add(new Endpoint("GET", "/series/IIJ-SAR-5/register", null, false, List.of("asOf", "knownAt", "format")));
        all.add(new Endpoint("GET", "/series/IIJ-SAR-5/events", null, false, List.of()));
        all.add(new Endpoint("GET", "/series/IIJ-SAR-5", null, false, List.of()));
        all.add(new Endpoint("GET", "/dead-letters", null, false, List.of()));
        all.add(new Endpoint("GET", "/dead-letters/register", null, false, List.of()));
        all.add(new Endpoint("POST", "/dead-letters/audit/retries", null, false, List.of()));
        all.add(new Endpoint("GET", "/windows", null, false,
                List.of("on", "closingWithinDays", "page", "size", "format")));
        all.add(new Endpoint("GET", "/audit", null, false, List.of("seriesId", "holderId", "from", "to",
                "recordedFrom", "recordedTo", "order", "page", "size")));
        return all;
    }

    /** A malformed request, ready to send. */
    record Request(Kind kind, String method, String target, Map<String, String> headers, byte[] body, boolean chunked) {
        @Override
        public String toString() {
            String text = body == null ? "" : new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
            return kind + " " + method + " " + (target.length() > 120 ? target.substring(0, 120) + "..." : target)
                    + " " + headers.keySet() + " " + text;
        }
    }

    @Test
    void everyMalformedRequestIsAProblemDocumentAndNothingIsRecorded() throws Exception {
        RawHttp http = new RawHttp(port, TrackerTestSupport.basic(TrackerTestSupport.ADMIN,
                TrackerTestSupport.adminPassword(environment)));
        long eventsBefore = jdbc.queryForObject("select count(*) from DomainEventEntry", Long.class);
        assertThat(eventsBefore).as("the reference history is loaded").isPositive();
        Random random = new Random(SEED);
        List<Endpoint> endpoints = endpoints();
        List<String> failures = new ArrayList<>();
        Map<Kind, Integer> perKind = new EnumMap<>(Kind.class);
        Map<String, Integer> perEndpoint = new TreeMap<>();
        Map<Integer, Integer> perStatus = new TreeMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            Endpoint endpoint = endpoints.get(i % endpoints.size());
            Request request = malformed(endpoint, random);
            RawHttp.Answer answer = http.send(request.method(), request.target(), request.headers(), request.body(),
                    request.chunked());
            perKind.merge(request.kind(), 1, Integer::sum);
            perEndpoint.merge(endpoint.method() + " " + endpoint.path() + (endpoint.multipart() ? " (multipart)" : ""),
                    1, Integer::sum);
            perStatus.merge(answer.status(), 1, Integer::sum);
            String problem = check(request, answer);
            if (problem != null) {
                failures.add(problem + ": " + request + " -> " + answer);
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Malformed request corpus: %d requests in %d ms; statuses %s; kinds %s%n",
                REQUESTS, millis, perStatus, perKind);
        assertThat(failures).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from DomainEventEntry", Long.class))
                .as("nothing recorded").isEqualTo(eventsBefore);
        assertThat(perKind.keySet()).as("every kind of malformation was sent").containsAll(Set.of(Kind.values()));
        assertThat(perEndpoint).as("every endpoint was sent malformed requests").hasSize(endpoints.size());
        assertThat(perEndpoint.values()).allMatch(n -> n >= 50);
    }

    private String check(Request request, RawHttp.Answer answer) {
        if (answer.status() < 400 || answer.status() > 499) {
            return "not a 4xx";
        }
        if (request.kind().status != 0 && answer.status() != request.kind().status) {
            return "expected " + request.kind().status;
        }
        if (!answer.contentType().startsWith("application/problem+json")) {
            return "not a problem document";
        }
        try {
            JsonNode problem = json.readTree(answer.body());
            if (!CODES.contains(problem.path("code").asText()) || !problem.path("figures").isObject()
                    || problem.path("detail").asText().isBlank() || problem.path("status").asInt() != answer.status()) {
                return "no code, detail, figures or status";
            }
            if (answer.body().contains("[Ljava")) {
                return "echoes a Java array";
            }
        } catch (Exception e) {
            return "not JSON";
        }
        return null;
    }

    // ---- the generator

    private Request malformed(Endpoint endpoint, Random random) {
        List<Kind> kinds = applicable(endpoint);
        Kind kind = kinds.get(random.nextInt(kinds.size()));
        Map<String, String> headers = new LinkedHashMap<>();
        if (random.nextInt(4) == 0) {
            headers.put("Accept", random.nextBoolean() ? "text/html" : "application/xml");
        }
        String target = endpoint.path();
        ObjectNode body = endpoint.body() == null ? null : endpoint.body().deepCopy();
        String text = body == null ? null : body.toString();
        boolean chunked = false;
        String method = endpoint.method();
        switch (kind) {
            case REPEATED_KEY -> {
                List<String> keys = new ArrayList<>();
                body.fieldNames().forEachRemaining(keys::add);
                String key = keys.get(random.nextInt(keys.size()));
                String repeated = ",\"" + key + "\":" + body.get(key);
                text = random.nextBoolean() ? text.substring(0, text.length() - 1) + repeated + "}"
                        : "{" + repeated.substring(1) + "," + text.substring(1);
            }
            case UNKNOWN_KEY -> {
                String key = pick(random, "unexpected", "holderID", "Role", "extra" + random.nextInt(1000), "__proto__",
                        "seriesId ", "");
                ObjectNode target2 = random.nextBoolean() && body.has("terms") ? (ObjectNode) body.get("terms") : body;
                target2.put(key, random.nextInt(100));
                text = body.toString();
            }
            case TRAILING_CONTENT -> text = text + pick(random, " {}", " x", "]", ",", "}", " 1", " \"s\"", "{\"a\":1}",
                    "\n\ngarbage", " null");
            case NUMBER_FOR_DATE -> text = mutateLeaf(body, random, this::isDate,
                    (parent, name) -> parent.put(name, pickLong(random, 0, 16_630, -1, 2_147_483_647L, 20_000_000_000L)));
            case ORDINAL_FOR_ENUM -> text = mutateLeaf(body, random, (name, value) -> ENUMS.contains(name)
                            || ("reason".equals(name) && value.asText().equals("RETIREMENT")),
                    (parent, name) -> parent.put(name, random.nextInt(5)));
            case WRONG_ENUM_NAME -> text = mutateLeaf(body, random, (name, value) -> ENUMS.contains(name)
                            || ("reason".equals(name) && value.asText().equals("RETIREMENT")),
                    (parent, name) -> parent.put(name, pick(random, parent.get(name).asText().toLowerCase(),
                            "director", "UNKNOWN", parent.get(name).asText() + "_", "")));
            case FRACTION_FOR_WHOLE -> text = mutateLeaf(body, random, (name, value) -> WHOLE.contains(name),
                    (parent, name) -> parent.put(name, pickDouble(random, 1.9, 6.99, 0.5, 1.0000001, 10.5, 1e30)));
            case DATE_OUT_OF_RANGE -> text = mutateLeaf(body, random, this::isDate, (parent, name) -> parent.put(name,
                    pick(random, "2999-01-01", "1000-01-01", "+999999999-12-31", "-999999999-01-01", "1899-12-31",
                            "2201-01-01", "+5881580-07-11", "0000-01-01")));
            case OVERLONG_TEXT -> text = mutateLeaf(body, random, (name, value) -> TEXT.containsKey(name)
                            && !value.asText().equals("RETIREMENT"),
                    (parent, name) -> parent.put(name, "t".repeat(TEXT.get(name) + 1 + random.nextInt(5_000))));
            case CONTRADICTORY_TERMS -> {
                ObjectNode terms = (ObjectNode) body.get("terms");
                switch (random.nextInt(7)) {
                    case 0 -> {
                        terms.put("allotmentDate", "2999-01-01");
                        terms.put("paymentDate", "1000-01-01");
                    }
                    case 1 -> terms.put("paymentDate", "2015-08-01");
                    case 2 -> terms.put("allotmentDate", "2016-01-01");
                    case 3 -> terms.put("exercisePricePerShare", random.nextBoolean() ? 0 : -1);
                    case 4 -> ((ObjectNode) terms.get("exercisePeriod")).put("lastDay", "2015-01-01");
                    case 5 -> terms.put("resolutionDate", "2016-01-01");
                    default -> terms.put(pick(random, "windowAfterLeavingOfficeDays", "heirWindowMonths",
                            "maximumRights"), pick(random, "0", "-1", "100000000"));
                }
                text = body.toString();
            }
            case NOT_JSON -> text = pick(random, "{", "[]", "null", "\"x\"", "", "{\"a\":}", "{'holderId': 'D01'}",
                    "<xml/>", "{\"terms\": [", "\u0000", "{}");
            case OVERSIZED_BODY -> text = oversized(random);
            case OVERSIZED_CHUNKED_BODY -> {
                text = oversized(random);
                chunked = true;
            }
            case WRONG_CONTENT_TYPE -> {
                String type = pick(random, "text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "text/json", "application/octet-stream", "none");
                if (!type.equals("none")) {
                    headers.put("Content-Type", type);
                }
                return new Request(kind, method, target, headers, bytes(text == null ? "x=1" : text), false);
            }
            case BROKEN_MULTIPART -> {
                headers.put("Content-Type", pick(random, "multipart/form-data; boundary=B", "multipart/form-data",
                        "multipart/form-data; boundary=", "multipart/mixed; boundary=B",
                        "multipart/form-data; boundary=" + "b".repeat(100)));
                String broken = pick(random, "--B\r\ngarbage", "garbage", "", "--B--", "--B\r\n\r\n",
                        "--B\r\nContent-Disposition: form-data; name=\"request\"\r\n\r\n{\"spot\":1}",
                        "--B\r\nContent-Disposition: form-data; name=\"request\"; filename=\"",
                        "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"request\"\r\n\r\n{}\r\n--" + BOUNDARY);
                return new Request(kind, method, target, headers, bytes(broken), false);
            }
            case MULTIPART_BAD_JSON_PART -> {
                String part = switch (random.nextInt(4)) {
                    case 0 -> text.substring(0, text.length() - 1) + ",\"spot\":1}";
                    case 1 -> text + " trailing";
                    case 2 -> text.replace("\"2015-07-13\"", "16629");
                    default -> text.replace("}}", "}, \"unknown\": 1}");
                };
                return multipart(kind, method, target, headers, part, true, true);
            }
            case MULTIPART_MISSING_PART -> {
                boolean request = random.nextBoolean();
                return multipart(kind, method, target, headers, text, request, !request);
            }
            case MALFORMED_PATH -> target = malformedPath(target, random);
            case LONG_URL -> target = random.nextBoolean() ? target + "?issuerId=" + "u".repeat(8_200 + random.nextInt(20_000))
                    : target + "/" + "u".repeat(8_200 + random.nextInt(20_000));
            case HEADERS_TOO_LARGE -> headers.put("X-Large", "h".repeat(8_200 + random.nextInt(10_000)));
            case REPEATED_QUERY_PARAMETER -> {
                String name = endpoint.queryParameters().isEmpty() ? pick(random, "asOf", "page", "x")
                        : endpoint.queryParameters().get(random.nextInt(endpoint.queryParameters().size()));
                target = target + "?" + name + "=" + queryValue(name) + "&" + name + "=" + queryValue(name);
            }
            case BAD_QUERY_VALUE -> target = target + "?" + badQuery(endpoint, random);
            case MALFORMED_QUERY_ESCAPE -> target = target + "?" + pick(random, "asOf=%zz", "page=%", "a%=1", "%u0041=1",
                    "size=%4");
            case WRONG_METHOD -> method = pick(random, "DELETE", "PUT", "PATCH");
            case UNKNOWN_ROUTE -> target = pick(random, target + "/nothing", target + "x", "/nothing/here",
                    "/series/IIJ-SAR-5/allotments/1/2", "/issuers", "/issuers/IIJ");
            case INVALID_PATH_IDENTIFIER -> target = target.replace(target.contains("IIJ-SAR-5") ? "IIJ-SAR-5"
                            : target.contains("D01") ? "D01" : "IIJ",
                    pick(random, "x".repeat(65), "a%20b", "a!b", "%C3%A9t%C3%A9", "a%3Cscript%3E", "a%22b"));
        }
        if (endpoint.multipart() && text != null) {
            return multipart(kind, method, target, headers, text, true, true);
        }
        if (text != null && !headers.containsKey("Content-Type")) {
            headers.put("Content-Type", "application/json");
        }
        return new Request(kind, method, target, headers, text == null ? null : bytes(text), chunked);
    }

    private List<Kind> applicable(Endpoint endpoint) {
        List<Kind> kinds = new ArrayList<>(List.of(Kind.MALFORMED_PATH, Kind.LONG_URL, Kind.HEADERS_TOO_LARGE,
                Kind.REPEATED_QUERY_PARAMETER, Kind.MALFORMED_QUERY_ESCAPE, Kind.WRONG_METHOD, Kind.BROKEN_MULTIPART));
        if (endpoint.method().equals("GET")) {
            kinds.add(Kind.UNKNOWN_ROUTE);
            kinds.add(Kind.OVERSIZED_BODY);
            if (!endpoint.queryParameters().isEmpty() && !endpoint.path().equals("/series")) {
                kinds.add(Kind.BAD_QUERY_VALUE);
            }
            if (endpoint.path().contains("IIJ-SAR-5/register") || endpoint.path().startsWith("/holders/")) {
                kinds.add(Kind.INVALID_PATH_IDENTIFIER);
            }
            return kinds;
        }
        if (endpoint.body() == null) {
            kinds.add(Kind.OVERSIZED_BODY);
            return kinds;
        }
        kinds.addAll(List.of(Kind.REPEATED_KEY, Kind.UNKNOWN_KEY, Kind.TRAILING_CONTENT, Kind.NUMBER_FOR_DATE,
                Kind.DATE_OUT_OF_RANGE));
        if (endpoint.multipart()) {
            kinds.addAll(List.of(Kind.MULTIPART_BAD_JSON_PART, Kind.MULTIPART_MISSING_PART));
            return kinds;
        }
        kinds.addAll(List.of(Kind.NOT_JSON, Kind.OVERSIZED_BODY, Kind.OVERSIZED_CHUNKED_BODY, Kind.WRONG_CONTENT_TYPE,
                Kind.UNKNOWN_ROUTE));
        if (hasLeaf(endpoint.body(), (name, value) -> ENUMS.contains(name) || value.asText().equals("RETIREMENT"))) {
            kinds.addAll(List.of(Kind.ORDINAL_FOR_ENUM, Kind.WRONG_ENUM_NAME));
        }
        if (hasLeaf(endpoint.body(), (name, value) -> WHOLE.contains(name)) && !endpoint.path().endsWith("/exercises")) {
            kinds.add(Kind.FRACTION_FOR_WHOLE);
        }
        if (hasLeaf(endpoint.body(), (name, value) -> TEXT.containsKey(name) && !value.asText().equals("RETIREMENT"))) {
            kinds.add(Kind.OVERLONG_TEXT);
        }
        if (endpoint.path().equals("/series")) {
            kinds.addAll(List.of(Kind.CONTRADICTORY_TERMS, Kind.CONTRADICTORY_TERMS, Kind.CONTRADICTORY_TERMS));
        }
        if (endpoint.path().startsWith("/issuers/IIJ") || endpoint.path().contains("IIJ-SAR-5")) {
            kinds.add(Kind.INVALID_PATH_IDENTIFIER);
        }
        return kinds;
    }

    private boolean isDate(String name, JsonNode value) {
        return value.isTextual() && value.asText().matches("\\d{4}-\\d{2}-\\d{2}");
    }

    interface LeafTest {
        boolean test(String name, JsonNode value);
    }

    interface LeafChange {
        void change(ObjectNode parent, String name);
    }

    private static void leaves(ObjectNode node, LeafTest test, List<Map.Entry<ObjectNode, String>> found) {
        node.fields().forEachRemaining(field -> {
            if (field.getValue() instanceof ObjectNode child) {
                leaves(child, test, found);
            } else if (!field.getValue().isArray() && test.test(field.getKey(), field.getValue())) {
                found.add(Map.entry(node, field.getKey()));
            }
        });
    }

    private static boolean hasLeaf(ObjectNode body, LeafTest test) {
        List<Map.Entry<ObjectNode, String>> found = new ArrayList<>();
        leaves(body, test, found);
        return !found.isEmpty();
    }

    private static String mutateLeaf(ObjectNode body, Random random, LeafTest test, LeafChange change) {
        List<Map.Entry<ObjectNode, String>> found = new ArrayList<>();
        leaves(body, test, found);
        Map.Entry<ObjectNode, String> leaf = found.get(random.nextInt(found.size()));
        change.change(leaf.getKey(), leaf.getValue());
        return body.toString();
    }

    private static String oversized(Random random) {
        int size = 1024 * 1024 + 1 + random.nextInt(64 * 1024);
        String prefix = "{\"holderId\":\"";
        return prefix + "p".repeat(size - prefix.length() - 2) + "\"}";
    }

    private Request multipart(Kind kind, String method, String target, Map<String, String> headers, String json,
                              boolean withRequest, boolean withFile) {
        StringBuilder body = new StringBuilder();
        if (withRequest) {
            body.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"request\"\r\n")
                    .append("Content-Type: application/json\r\n\r\n").append(json).append("\r\n");
        }
        if (withFile) {
            body.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"priceHistory\";")
                    .append(" filename=\"closes.csv\"\r\nContent-Type: text/csv\r\n\r\n")
                    .append("date,close\r\n2015-07-10,2300\r\n2015-07-13,2329\r\n");
        }
        body.append("--").append(BOUNDARY).append("--\r\n");
        headers.put("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
        return new Request(kind, method, target, headers, bytes(body.toString()), false);
    }

    private static String malformedPath(String path, Random random) {
        String bad = pick(random, "%2F", "%2f", "%00", "%ff", "%FF", "%c0%af", "%zz", "%", "%e2%82", "%5C%00");
        int slash = path.lastIndexOf('/');
        return switch (random.nextInt(3)) {
            case 0 -> path + bad;
            case 1 -> path.substring(0, slash + 1) + bad + path.substring(slash + 1);
            default -> path + "/" + bad + "x";
        };
    }

    private static String queryValue(String name) {
        return switch (name) {
            case "asOf", "on", "from", "to" -> "2020-01-01";
            case "knownAt", "recordedFrom", "recordedTo" -> "2026-01-01T00:00:00Z";
            case "page" -> "0";
            case "size", "closingWithinDays" -> "10";
            case "order" -> "asc";
            case "format" -> "csv";
            default -> "IIJ";
        };
    }

    private static String badQuery(Endpoint endpoint, Random random) {
        List<String> candidates = new ArrayList<>();
        for (String name : endpoint.queryParameters()) {
            switch (name) {
                case "asOf", "on", "from", "to" -> candidates.addAll(List.of(name + "=2015-13-01", name + "=12345",
                        name + "=abc", name + "=2015-02-30", name + "=%2B999999999999-01-01"));
                case "knownAt", "recordedFrom", "recordedTo" -> candidates.addAll(List.of(name + "=x",
                        name + "=2026-13-01T00:00:00Z", name + "=1700000000"));
                case "page" -> candidates.addAll(List.of("page=-1", "page=1.5", "page=abc", "page=99999999999"));
                case "size" -> candidates.addAll(List.of("size=0", "size=100000", "size=1e3"));
                case "closingWithinDays" -> candidates.addAll(List.of("closingWithinDays=-1", "closingWithinDays=x"));
                case "order" -> candidates.add("order=sideways");
                default -> {
                }
            }
        }
        return candidates.get(random.nextInt(candidates.size()));
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    private static long pickLong(Random random, long... values) {
        return values[random.nextInt(values.length)];
    }

    private static double pickDouble(Random random, double... values) {
        return values[random.nextInt(values.length)];
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
