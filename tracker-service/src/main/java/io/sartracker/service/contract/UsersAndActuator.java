package io.sartracker.service.contract;

import io.sartracker.kernel.rule.RuleCode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import java.util.Arrays;
import java.util.List;

import static io.sartracker.service.contract.ApiContract.ACTUATOR_JSON;
import static io.sartracker.service.contract.ApiContract.JSON;
import static io.sartracker.service.contract.ApiContract.OPERATIONS;
import static io.sartracker.service.contract.ApiContract.USERS;
import static io.sartracker.service.contract.ApiContract.arrayOf;
import static io.sartracker.service.contract.ApiContract.json;
import static io.sartracker.service.contract.ApiContract.jsonObject;
import static io.sartracker.service.contract.ApiContract.string;

/**
 * The parts of the contract that no handler method of this service's own annotates: the users'
 * endpoints (their controller belongs to the sign-in code, {@code security.UserController}) and
 * Spring Boot's actuator endpoints named in the access table.
 */
final class UsersAndActuator {
    private UsersAndActuator() {
    }

    static void describe(OpenAPI openApi) {
        users(openApi);
        actuator(openApi);
    }

    private static void users(OpenAPI openApi) {
        user(openApi, "GET /users", "listUsers", "List the users",
                "Every user of the tracker's own database, with roles and whether enabled.");
        Operation create = user(openApi, "POST /users", "createUser", "Add a user",
                "Without a password the tracker generates one and answers it this once.",
                RuleCode.UNACCEPTABLE_CREDENTIALS, RuleCode.USER_ALREADY_EXISTS);
        success(create, "201", "Added; generatedPassword is given only when the tracker generated the password.")
                .addHeaderObject("Location", new Header().description("/users/{username}")
                        .schema(new StringSchema()));
        user(openApi, "GET /users/{username}", "user", "A user", null, RuleCode.UNKNOWN_USER);
        user(openApi, "PUT /users/{username}/roles", "changeRoles", "Replace a user's roles", null,
                RuleCode.UNACCEPTABLE_CREDENTIALS, RuleCode.UNKNOWN_USER, RuleCode.LAST_ADMINISTRATOR);
        user(openApi, "PUT /users/{username}/enabled", "enableUser", "Enable or disable a user",
                "A disabled user cannot sign in.", RuleCode.UNKNOWN_USER, RuleCode.LAST_ADMINISTRATOR);
        user(openApi, "POST /users/{username}/password-resets", "resetPassword", "Reset a user's password",
                "Sets the password given, or generates one and answers it this once (the body may be left out);"
                        + " the user should change it.", RuleCode.UNACCEPTABLE_CREDENTIALS, RuleCode.UNKNOWN_USER);
        user(openApi, "GET /me", "me", "Who is signed in",
                "The user signed in, their roles and how they signed in (password or bearer-token).");
        Operation password = user(openApi, "PUT /me/password", "changeOwnPassword", "Change one's own password",
                "Only for users of the tracker's own database; a bearer token's user changes it at the identity"
                        + " provider.", RuleCode.UNACCEPTABLE_CREDENTIALS, RuleCode.CURRENT_PASSWORD_WRONG);
        password.setResponses(new ApiResponses().addApiResponse("204",
                new ApiResponse().description("Changed; the new password signs in from now on.")));
    }

    /** Describes an operation ("METHOD path") of the users' controller. */
    private static Operation user(OpenAPI openApi, String endpoint, String operationId, String summary,
                                  String description, RuleCode... refusals) {
        PathItem.HttpMethod method = PathItem.HttpMethod.valueOf(endpoint.substring(0, endpoint.indexOf(' ')));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);
        PathItem item = openApi.getPaths() == null ? null : openApi.getPaths().get(path);
        Operation operation = item == null ? null : item.readOperationsMap().get(method);
        if (operation == null) {
            throw new IllegalStateException("The API contract describes " + endpoint
                    + ", which the service does not serve");
        }
        operation.setTags(List.of(USERS));
        operation.setOperationId(operationId);
        operation.setSummary(summary);
        operation.setDescription(description);
        if (refusals.length > 0) {
            operation.addExtension(ApiContract.X_REFUSALS, Arrays.stream(refusals).map(Enum::name).toList());
        }
        return operation;
    }

    /** Moves springdoc's 200 answer (the handler's return type) to the status the handler really answers. */
    private static ApiResponse success(Operation operation, String status, String description) {
        ApiResponse generated = operation.getResponses().get("200");
        ApiResponse answer = generated == null ? new ApiResponse() : generated;
        if (description != null) {
            answer.setDescription(description);
        }
        operation.setResponses(new ApiResponses().addApiResponse(status, answer));
        return answer;
    }

    private static void actuator(OpenAPI openApi) {
        ObjectSchema health = new ObjectSchema();
        health.addProperty("status", new StringSchema()._enum(List.of("UP", "DEGRADED", "UNKNOWN", "OUT_OF_SERVICE",
                "DOWN")));
        health.addProperty("components", jsonObject("Each component's status, and its details for an operator."));
        health.setRequired(List.of("status"));
        actuatorGet(openApi, "/actuator/health", "health", "Whether the service is up",
                "UP, or DEGRADED while dead letters wait (200); DOWN or OUT_OF_SERVICE (503). An operator also sees"
                        + " each component's details.",
                new ApiResponses()
                        .addApiResponse("200", new ApiResponse().description("Up, or degraded: the service answers.")
                                .content(json(health, ACTUATOR_JSON, JSON)))
                        .addApiResponse("503", new ApiResponse().description("Down or out of service.")
                                .content(json(health, ACTUATOR_JSON, JSON))));
        actuatorGet(openApi, "/actuator", "actuatorLinks", "The actuator's endpoints", null, ok(jsonObject("_links: the endpoints"
                + " this user may call.")));
        actuatorGet(openApi, "/actuator/info", "info", "Build and application information", null, ok(jsonObject(null)));
        ObjectSchema names = new ObjectSchema();
        names.addProperty("names", arrayOf(string()));
        actuatorGet(openApi, "/actuator/metrics", "metricNames", "The names of the metrics",
                "Among them tracker.dead.letters (tag processing_group), tracker.store.syncs and"
                        + " tracker.store.sync.time.", ok(names));
        Operation metric = actuatorGet(openApi, "/actuator/metrics/{name}", "metric", "One metric's measurements",
                "Narrow them with tag=name:value (repeatable).", ok(jsonObject("name, description, baseUnit,"
                        + " measurements [{statistic, value}] and availableTags [{tag, values}].")));
        metric.addParametersItem(new Parameter().in("path").name("name").required(true).schema(new StringSchema())
                .example("tracker.dead.letters"));
        metric.addParametersItem(new Parameter().in("query").name("tag").required(false)
                .description("name:value; only the measurements with that tag").schema(arrayOf(string()))
                .example("processing_group:register"));
        metric.getResponses().addApiResponse("404", new ApiResponse().description("No metric of that name, or"
                + " none with the tags given; no body."));
    }

    private static ApiResponses ok(io.swagger.v3.oas.models.media.Schema<?> schema) {
        return new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")
                .content(json(schema, ACTUATOR_JSON, JSON)));
    }

    private static Operation actuatorGet(OpenAPI openApi, String path, String operationId, String summary,
                                         String description, ApiResponses responses) {
        Operation operation = new Operation().tags(List.of(OPERATIONS)).summary(summary).description(description)
                .operationId(operationId).responses(responses);
        openApi.path(path, new PathItem().get(operation));
        return operation;
    }
}
