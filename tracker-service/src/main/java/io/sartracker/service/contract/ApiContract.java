package io.sartracker.service.contract;

import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.service.security.AccessPolicy;
import io.sartracker.service.security.TrackerRole;
import io.sartracker.service.web.ProblemHandler;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The API contract (OpenAPI 3, served at {@code /v3/api-docs}, checked in as {@code openapi.json}):
 * title, version and how to sign in; every operation's summary, request, success answer and each
 * problem answer with the rule codes it can carry; the roles each operation needs, from
 * {@link AccessPolicy}. The codes come from {@link Refusals} on the handler methods plus the generic
 * ones of a request body, a query, a {@link Recording} and sign-in; the users' endpoints (whose
 * controller belongs to the sign-in code) and Spring Boot's actuator are described here.
 */
@Configuration
public class ApiContract {
    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String JSON = "application/json";
    static final String ACTUATOR_JSON = "application/vnd.spring-boot.actuator.v3+json";

    /** Operation extensions that carry what the handler's annotations say to the document-wide pass. */
    static final String X_REFUSALS = "x-refusals";
    private static final String X_RECORDING = "x-recording";

    public static final String SERIES = "series";
    public static final String ISSUER_FACTS = "issuer facts";
    public static final String VIEWS = "views";
    public static final String VALUATION = "valuation";
    public static final String OPERATIONS = "operations";
    public static final String USERS = "users";
    public static final String IMPORTS = "history import";
    public static final String HOLDER_DIRECTORY = "holder directory";
    public static final String REGISTRATIONS = "registrations of change";
    public static final String CALENDAR_FEED = "calendar feed";
    public static final String NOTICES = "notices";

    private static final String DESCRIPTION = """
            An event-sourced record of every fact in the life of a company's stock-compensation stock \
            acquisition rights (新株予約権): the board's issuance with its terms, allotments, a holder losing \
            office, death and inheritance, each exercise, splits and consolidations, restructuring, \
            acquisition by the company and lapse; and the registers, windows and audit trail read from them.

            **Signing in.** Every operation except `GET /actuator/health` and this description needs a \
            signed-in user: HTTP Basic (`basicAuth`) with a user of the tracker's own database (at the first \
            start the tracker creates the administrator `admin` and writes its password to \
            `initial-admin-password.txt` in its data folder), or an identity provider's bearer token \
            (`bearerAuth`, a JWT) where one is configured. Each operation names the roles that may call it \
            in its description and in `x-roles`; what each role may do is in the README, "Signing in and roles".

            **Refusals.** Every 4xx answer is an RFC 9457 problem document (`application/problem+json`, \
            schema `Problem`) with a stable `code`, a `detail` a person can act on and the `figures` \
            involved; nothing is recorded. Each answer lists the codes it can carry (also in \
            `x-rule-codes`). Any request may also be refused before it reaches the operation: 400 \
            `INVALID_INPUT` for a malformed path or query string (a query parameter given twice, say), 413 \
            `PAYLOAD_TOO_LARGE` for a body over 1 MB, 404 `UNKNOWN_ROUTE`, 405 `METHOD_NOT_ALLOWED` or 406 \
            `NOT_ACCEPTABLE`; and 500 answers an unexpected failure.

            **Retries and versions.** An operation that records facts takes an `Idempotency-Key`: the same \
            request sent again with the same key is answered as the first time (`Idempotency-Replayed: \
            true`) and records nothing more. A fact of one series takes the series' ETag in `If-Match` and \
            is recorded only on that version (412 otherwise).

            Dates are `YYYY-MM-DD` between 1900-01-01 and 2200-12-31; identifiers are 1 to 64 letters, \
            digits or `. _ : -`.""";

    @Bean
    OpenAPI trackerOpenApi(@Value("${tracker.api.version}") String version) {
        return new OpenAPI()
                .info(new Info().title("Stock acquisition rights tracker (新株予約権) API").version(version)
                        .description(DESCRIPTION))
                // A relative URL: the document is the same whichever host and port serve it.
                .servers(List.of(new Server().url("/").description("the tracker that serves this document")))
                .tags(List.of(
                        new Tag().name(SERIES).description("Issue a series and record the facts of one series."),
                        new Tag().name(ISSUER_FACTS).description("Facts of the issuer and its people, recorded in"
                                + " every series they concern: leaving office, death, role changes, splits and"
                                + " consolidations, and their reversals."),
                        new Tag().name(VIEWS).description("Read: series, registers, holders, windows, holdings"
                                + " awaiting an heir, the audit trail and a series' recorded events."),
                        new Tag().name(VALUATION).description("The allotment amount of (12): preview, determine,"
                                + " correct."),
                        new Tag().name(OPERATIONS).description("Run the service: the lapse sweep, dead letters,"
                                + " projection rebuilds, health and metrics."),
                        new Tag().name(USERS).description("The users of the tracker's own database, and who is"
                                + " signed in."),
                        new Tag().name(IMPORTS).description("Import a file of past history (CSV or JSON lines),"
                                + " dry run or real, all or nothing, and follow its progress."),
                        new Tag().name(HOLDER_DIRECTORY).description("Names, addresses and contacts of the people"
                                + " the events name by identifier, kept outside the events: entered, changed with a"
                                + " history, erased once the retention has passed."),
                        new Tag().name(REGISTRATIONS).description("Registrations of change (変更登記) the rights call"
                                + " for: the issuer's share capital statements, each month's exercises and each"
                                + " day's lapses and acquisitions, what each registration must state, and the marks"
                                + " that they were filed."),
                        new Tag().name(CALENDAR_FEED).description("Each user's calendar feed (iCalendar) of the"
                                + " windows' last days and the registrations due, at a secret address."),
                        new Tag().name(NOTICES).description("Each user's notices: what to be told (a window opens or"
                                + " closes soon, a holding awaits an heir, a registration is due) by e-mail or signed"
                                + " webhook, and the log of every attempt to deliver them.")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A user of the tracker's own database and its password."))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("A token of the configured identity provider; its roles claim names"
                                        + " the tracker roles."))
                );
    }

    /** Records what the handler's {@link Refusals} and {@link Recording} say; headers of a recording. */
    @Bean
    OperationCustomizer refusalsAndRecordings() {
        return (operation, handlerMethod) -> {
            Refusals refusals = handlerMethod.getMethodAnnotation(Refusals.class);
            if (refusals != null) {
                operation.addExtension(X_REFUSALS, Arrays.stream(refusals.value()).map(Enum::name).toList());
            }
            Recording recording = handlerMethod.getMethodAnnotation(Recording.class);
            if (recording != null) {
                operation.addExtension(X_RECORDING, recording.value().name());
                addHeaderOnce(operation, new Parameter().in("header").name("Idempotency-Key").required(false)
                        .description("1 to 128 printable ASCII characters without spaces (a UUID, say). The same"
                                + " request sent again with the same key gets the first answer again and records"
                                + " nothing more; another request with a used key is refused (422).")
                        .schema(new StringSchema().minLength(1).maxLength(128).pattern("^[!-~]{1,128}$")));
                if (recording.value() == Recording.Scope.ONE_SERIES) {
                    addHeaderOnce(operation, new Parameter().in("header").name("If-Match").required(false)
                            .description("The series' ETag as a read of it answered it (\"7\", with the quotes),"
                                    + " or *: recorded only if the series is still at that version (412 otherwise).")
                            .schema(new StringSchema().pattern("^(\\*|\"(0|[1-9][0-9]{0,17})\")$")));
                }
                recorded(operation, recording);
            }
            return operation;
        };
    }

    /** The success answer of a recording: 201 with the events (the sweep keeps its 200 report). */
    private static void recorded(Operation operation, Recording recording) {
        ApiResponse generated = operation.getResponses() == null ? null : operation.getResponses().get("200");
        Header replayed = new Header().description("true when this is the first answer to an earlier request"
                + " with the same Idempotency-Key, given again; nothing more was recorded.").schema(new StringSchema()
                ._enum(List.of("true")));
        if (recording.value() == Recording.Scope.EVERY_SERIES) {
            if (generated != null) {
                generated.addHeaderObject("Idempotency-Replayed", replayed);
            }
            return;
        }
        ApiResponses responses = new ApiResponses();
        if (recording.accepted()) {
            ApiResponse created = new ApiResponse().description("Recorded: the command and the events it recorded,"
                    + " each with its series and sequence number.")
                    .content(generated == null ? null : generated.getContent());
            if (recording.value() == Recording.Scope.NEW_SERIES) {
                created.addHeaderObject("Location", new Header().description("/series/{seriesId}")
                        .schema(new StringSchema()));
            }
            if (recording.value() != Recording.Scope.ISSUER) {
                created.addHeaderObject("ETag", new Header().description("The series' version after this command,"
                        + " for If-Match on the next one.").schema(new StringSchema()));
            }
            created.addHeaderObject("Idempotency-Replayed", replayed);
            responses.addApiResponse("201", created);
        }
        operation.setResponses(responses);
    }

    /** The document-wide pass: users and actuator, sign-in and roles, every problem answer. */
    @Bean
    OpenApiCustomizer signInRolesAndProblems() {
        return openApi -> {
            // here, not on the bean: springdoc sets the components' schemas to those it resolved itself
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            UsersAndActuator.describe(openApi);
            RequiredFields.mark(openApi.getComponents());
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    describe(path, HttpMethod.valueOf(method.name()), operation)));
        };
    }

    private static void describe(String path, HttpMethod method, Operation operation) {
        Set<TrackerRole> roles = rolesFor(method, path);
        boolean isPublic = AccessPolicy.PUBLIC_PATHS.contains(path);
        SortedMap<Integer, List<RuleCode>> problems = new TreeMap<>();
        if (operation.getRequestBody() != null) {
            add(problems, RuleCode.INVALID_INPUT, RuleCode.PAYLOAD_TOO_LARGE, RuleCode.UNSUPPORTED_MEDIA_TYPE);
        }
        if (operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "query".equals(p.getIn()))) {
            add(problems, RuleCode.INVALID_INPUT);
        }
        Map<String, Object> extensions = operation.getExtensions() == null ? Map.of() : operation.getExtensions();
        if (extensions.get(X_RECORDING) instanceof String scopeName) {
            Recording.Scope scope = Recording.Scope.valueOf(scopeName);
            // a malformed Idempotency-Key or If-Match, or If-Match where it does not apply
            add(problems, RuleCode.INVALID_INPUT, RuleCode.IDEMPOTENCY_KEY_IN_PROGRESS,
                    RuleCode.IDEMPOTENCY_KEY_REUSED);
            if (scope == Recording.Scope.ONE_SERIES) {
                add(problems, RuleCode.UNKNOWN_SERIES, RuleCode.VERSION_MISMATCH);
            }
            if (scope == Recording.Scope.ONE_SERIES || scope == Recording.Scope.ISSUER) {
                // two instances of the service recording on one series of a shared database at once
                add(problems, RuleCode.CONCURRENT_MODIFICATION);
            }
            if (hasSuccess(operation)) {
                add(problems, RuleCode.COMMIT_NOT_CONFIRMED);
            }
            // a node without the command role (tracker.node.roles=query) records nothing
            add(problems, RuleCode.NOT_SERVED_BY_THIS_NODE);
        }
        if (extensions.get(X_REFUSALS) instanceof List<?> names) {
            names.forEach(name -> add(problems, RuleCode.valueOf((String) name)));
        }
        if (!isPublic) {
            add(problems, RuleCode.SIGN_IN_REQUIRED);
            if (!roles.containsAll(EnumSet.allOf(TrackerRole.class))) {
                add(problems, RuleCode.ROLE_REQUIRED);
            }
            if (method != HttpMethod.GET) {
                add(problems, RuleCode.CROSS_ORIGIN_REFUSED);
            }
            operation.setSecurity(List.of(new SecurityRequirement().addList(BASIC),
                    new SecurityRequirement().addList(BEARER)));
            List<String> roleNames = roles.stream().map(Enum::name).sorted().toList();
            operation.addExtension("x-roles", roleNames);
            String needs = roles.containsAll(EnumSet.allOf(TrackerRole.class)) ? "any signed-in user"
                    : "one of the roles " + String.join(", ", roleNames);
            operation.setDescription((operation.getDescription() == null ? "" : operation.getDescription() + "\n\n")
                    + "**Sign-in:** HTTP Basic or a bearer token; " + needs + ".");
        } else {
            operation.setSecurity(List.of());
            operation.setDescription((operation.getDescription() == null ? "" : operation.getDescription() + "\n\n")
                    + "**Sign-in:** none: anyone may call it.");
        }
        if (operation.getExtensions() != null) {
            operation.getExtensions().remove(X_REFUSALS);
            operation.getExtensions().remove(X_RECORDING);
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        problems.forEach((status, codes) -> responses.addApiResponse(Integer.toString(status),
                problemAnswer(status, codes, roles)));
        operation.setResponses(sorted(responses));
    }

    /** The roles of the exact line of the access table, or none for a public path. */
    static Set<TrackerRole> rolesFor(HttpMethod method, String path) {
        return AccessPolicy.TABLE.stream().filter(access -> access.method().equals(method) && access.path().equals(path))
                .findFirst().map(AccessPolicy.Access::roles).orElseGet(() -> {
                    if (!AccessPolicy.PUBLIC_PATHS.contains(path)) {
                        throw new IllegalStateException("The API contract documents " + method + " " + path
                                + ", which has no line in AccessPolicy.TABLE");
                    }
                    return Set.of();
                });
    }

    private static boolean hasSuccess(Operation operation) {
        return operation.getResponses() != null && operation.getResponses().keySet().stream()
                .anyMatch(status -> status.startsWith("2"));
    }

    private static void add(SortedMap<Integer, List<RuleCode>> problems, RuleCode... codes) {
        for (RuleCode code : codes) {
            List<RuleCode> atStatus = problems.computeIfAbsent(statusOf(code), status -> new ArrayList<>());
            if (!atStatus.contains(code)) {
                atStatus.add(code);
            }
        }
    }

    /** The HTTP status a rule code answers with, as the problem handler maps it. */
    static int statusOf(RuleCode code) {
        return ProblemHandler.problem(code, null, Map.of()).getStatusCode().value();
    }

    private static final Map<Integer, String> MEANING = Map.ofEntries(
            Map.entry(400, "Bad input: the body, a parameter or a header cannot be read or breaks a limit."
                    + " Nothing was recorded."),
            Map.entry(401, "Nobody is signed in: no credentials, or credentials that sign nobody in."),
            Map.entry(403, "Refused before anything was read."),
            Map.entry(404, "Something the request names is not recorded. Nothing was recorded."),
            Map.entry(409, "In conflict with another request at the same moment. Nothing was recorded; send the"
                    + " request again."),
            Map.entry(412, "If-Match names another version than the series' current one. Nothing was recorded;"
                    + " the answer's ETag is the current version."),
            Map.entry(413, "The body is too large: at most 1 MB of JSON, or 20 MB of uploaded price history."
                    + " Nothing was recorded."),
            Map.entry(415, "The body is not of a media type the operation reads. Nothing was recorded."),
            Map.entry(422, "A rule refuses the request. Nothing was recorded."),
            Map.entry(503, "Send the request again: COMMIT_NOT_CONFIRMED, the facts were committed but the disk"
                    + " did not confirm them in time (send it with the same Idempotency-Key, which answers with what"
                    + " was recorded or records it); NOT_SERVED_BY_THIS_NODE, this node does not record facts (its"
                    + " roles) and nothing was recorded (send it to a node with the command role)."));

    private static ApiResponse problemAnswer(int status, List<RuleCode> codes, Set<TrackerRole> roles) {
        List<RuleCode> inOrder = codes.stream().sorted().toList();
        StringBuilder description = new StringBuilder(MEANING.getOrDefault(status, "Refused."));
        if (inOrder.contains(RuleCode.ROLE_REQUIRED)) {
            description.append(" ROLE_REQUIRED: the user holds none of the roles ")
                    .append(roles.stream().map(Enum::name).sorted().collect(Collectors.joining(", "))).append(".");
        }
        if (inOrder.contains(RuleCode.CROSS_ORIGIN_REFUSED)) {
            description.append(" CROSS_ORIGIN_REFUSED: sent from a web page of another origin.");
        }
        description.append(" Rule codes: ").append(inOrder.stream().map(Enum::name).collect(Collectors.joining(", ")))
                .append(".");
        Schema<?> narrowed = new ComposedSchema().addAllOfItem(new Schema<>().$ref(PROBLEM))
                .addAllOfItem(new ObjectSchema().addProperty("code", new StringSchema()
                        ._enum(inOrder.stream().map(Enum::name).toList())));
        ApiResponse answer = new ApiResponse().description(description.toString())
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(narrowed)));
        answer.addExtension("x-rule-codes", inOrder.stream().map(Enum::name).toList());
        if (status == 401) {
            answer.addHeaderObject("WWW-Authenticate", new Header().description("The ways to sign in: Basic, and"
                    + " Bearer where an identity provider is configured.").schema(new StringSchema()));
        }
        if (status == 412) {
            answer.addHeaderObject("ETag", new Header().description("The series' current version.")
                    .schema(new StringSchema()));
        }
        return answer;
    }

    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses ordered = new ApiResponses();
        new TreeMap<>(responses).forEach(ordered::addApiResponse);
        ordered.setExtensions(responses.getExtensions());
        return ordered;
    }

    private static void addHeaderOnce(Operation operation, Parameter header) {
        if (operation.getParameters() == null || operation.getParameters().stream()
                .noneMatch(p -> "header".equals(p.getIn()) && header.getName().equalsIgnoreCase(p.getName()))) {
            operation.addParametersItem(header);
        }
    }

    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri").description("urn:sar-tracker:problem:{code}")
                .example("urn:sar-tracker:problem:HOLDER_IN_OFFICE"));
        properties.put("title", new StringSchema().description("The code in words.").example("holder in office"));
        properties.put("status", new IntegerSchema().description("The HTTP status.").example(422));
        properties.put("detail", new StringSchema().description("What is wrong and what to do, in a sentence a"
                + " person can act on."));
        properties.put("instance", new StringSchema().format("uri").description("The path asked for, where"
                + " Spring MVC answered."));
        properties.put("code", new StringSchema().description("Stable: clients match on it; never renamed.")
                ._enum(Arrays.stream(RuleCode.values()).map(Enum::name).toList()));
        properties.put("figures", new ObjectSchema().additionalProperties(true)
                .description("The dates, numbers and names involved, by name."));
        return new ObjectSchema().description("An RFC 9457 problem document: why the request was refused."
                        + " Nothing was recorded.")
                .properties(properties).required(List.of("type", "title", "status", "detail", "code", "figures"));
    }

    static Schema<?> jsonObject(String description) {
        return new ObjectSchema().additionalProperties(true).description(description);
    }

    static Content json(Schema<?> schema, String... mediaTypes) {
        Content content = new Content();
        for (String type : mediaTypes.length == 0 ? new String[] {JSON} : mediaTypes) {
            content.addMediaType(type, new MediaType().schema(schema));
        }
        return content;
    }

    static ArraySchema arrayOf(Schema<?> items) {
        return new ArraySchema().items(items);
    }

    static Schema<?> ref(String name) {
        return new Schema<>().$ref(name);
    }

    static Schema<?> string() {
        return new StringSchema();
    }

    static Schema<?> number() {
        return new NumberSchema();
    }

    static Schema<?> bool() {
        return new BooleanSchema();
    }
}
