package io.sartracker.service.contract;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The required fields of request types that cannot carry an annotation here: the shared kernel's
 * (no web library may reach it) and the users' requests (their controller belongs to the sign-in
 * code). A field the constructor refuses to be without is required; one with a default is not.
 * The request records of {@code web} mark theirs with {@code @Schema(requiredMode = REQUIRED)}.
 */
final class RequiredFields {
    private static final Map<String, List<String>> REQUIRED = Map.of(
            // Terms: paymentDate defaults to allotmentDate, eligibleRoles to both offices, transferAllowed to false
            "Terms", List.of("name", "issuerName", "resolutionDate", "maximumRights", "sharesPerRightAtIssue",
                    "exercisePricePerShare", "exercisePeriod", "allotmentDate", "windowAfterLeavingOfficeDays",
                    "heirWindowMonths"),
            "ExerciseWindow", List.of("firstDay", "lastDay"),
            // without a password the tracker generates one
            "NewUserRequest", List.of("username", "roles"),
            "RolesRequest", List.of("roles"),
            "EnabledRequest", List.of("enabled"),
            "OwnPasswordRequest", List.of("currentPassword", "newPassword"));

    private RequiredFields() {
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static void mark(Components components) {
        REQUIRED.forEach((name, fields) -> {
            Schema schema = components.getSchemas() == null ? null : components.getSchemas().get(name);
            if (schema == null) {
                throw new IllegalStateException("The API contract marks required fields of " + name
                        + ", which no operation uses");
            }
            List<String> required = new ArrayList<>(schema.getRequired() == null ? List.of() : schema.getRequired());
            for (String field : fields) {
                if (schema.getProperties() == null || !schema.getProperties().containsKey(field)) {
                    throw new IllegalStateException("The API contract marks " + name + "." + field
                            + " required, but " + name + " has no such field");
                }
                if (!required.contains(field)) {
                    required.add(field);
                }
            }
            schema.setRequired(required);
        });
    }
}
