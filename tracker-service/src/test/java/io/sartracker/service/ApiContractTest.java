package io.sartracker.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.service.security.AccessPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The API contract is checked in ({@code openapi.json} at the root of the repository) and this test
 * fails when the document the service serves at {@code /v3/api-docs} drifts from it. Run with
 * {@code -Dcontract.update=true} to write the served document over the checked-in one, then review
 * the difference and commit it. The checked-in document is also checked for what the contract
 * promises: every endpoint of the access table is in it with a summary, a domain tag, its roles and a
 * problem document for each refusal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiContractTest {
    private static final Path SERVED = Path.of("target", "openapi-served.json");
    private static final Set<String> TAGS = Set.of("series", "issuer facts", "views", "valuation", "operations",
            "users", "history import", "holder directory", "registrations of change", "calendar feed",
            "notices");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("api-contract")::toString);
    }

    @Autowired
    TestRestTemplate anonymous;

    @Test
    void theServedDocumentIsTheCheckedInContract() throws Exception {
        ResponseEntity<String> answer = anonymous.getForEntity("/v3/api-docs", String.class);
        assertThat(answer.getStatusCode().value()).as("the API description is public").isEqualTo(200);
        String served = ContractDocument.canonical(answer.getBody());
        Path checkedIn = ContractDocument.CHECKED_IN;
        if (Boolean.getBoolean("contract.update")) {
            Files.writeString(checkedIn, served);
            return;
        }
        String contract = Files.exists(checkedIn) ? ContractDocument.canonical(Files.readString(checkedIn)) : "";
        if (!served.equals(contract)) {
            Files.createDirectories(SERVED.toAbsolutePath().getParent());
            Files.writeString(SERVED, served);
            fail("The API the service serves at /v3/api-docs is not the checked-in contract "
                    + checkedIn.toAbsolutePath().normalize() + ". The served document is in "
                    + SERVED.toAbsolutePath() + "; " + firstDifference(contract, served)
                    + ". If the change is meant, update the contract and commit it:\n"
                    + "  mvn -B -o verify -pl tracker-service -am -Dtest=ApiContractTest"
                    + " -Dsurefire.failIfNoSpecifiedTests=false -Dcontract.update=true");
        }
    }

    @Test
    void theContractDescribesEveryEndpointWithItsRolesAndEachRefusal() {
        JsonNode contract = ContractDocument.read(ContractDocument.CHECKED_IN);
        assertThat(contract.at("/info/title").asText()).isEqualTo("Stock acquisition rights tracker (新株予約権) API");
        assertThat(contract.at("/info/version").asText()).isNotBlank().isNotEqualTo("v0");
        assertThat(contract.at("/servers/0/url").asText()).as("a stable server URL, not the test's port").isEqualTo("/");
        Map<String, JsonNode> operations = ContractDocument.operations(contract);
        Set<String> policy = new TreeSet<>();
        AccessPolicy.TABLE.stream().filter(access -> !AccessPolicy.isPage(access.path()))
                .forEach(access -> policy.add(access.method().name() + " " + access.path()));
        assertThat(operations.keySet()).as("every endpoint of the access table is in the contract")
                .containsAll(policy);
        Set<String> codes = Arrays.stream(RuleCode.values()).map(Enum::name).collect(Collectors.toSet());
        List<String> wrong = new ArrayList<>();
        operations.forEach((operation, node) -> {
            if (node.path("summary").asText().isBlank() || node.path("operationId").asText().isBlank()) {
                wrong.add(operation + ": no summary or operationId");
            }
            if (node.path("tags").size() != 1 || !TAGS.contains(node.path("tags").get(0).asText())) {
                wrong.add(operation + ": tags " + node.path("tags"));
            }
            boolean isPublic = policy.stream().noneMatch(operation::equals);
            if (!isPublic && (node.path("security").size() != 2 || node.path("x-roles").isEmpty()
                    || !node.path("responses").has("401"))) {
                wrong.add(operation + ": no security, x-roles or 401");
            }
            if (node.path("responses").properties().stream().noneMatch(r -> r.getKey().startsWith("2"))
                    && !operation.equals("POST /series/{seriesId}/transfers")) {
                wrong.add(operation + ": no success answer");
            }
            node.path("responses").properties().forEach(response -> {
                if (!response.getKey().startsWith("4") || (operation.startsWith("GET /actuator/")
                        && !response.getValue().has("content"))) {
                    return; // the actuator's own 404 of an unknown metric has no body
                }
                JsonNode problem = response.getValue().at("/content/application~1problem+json/schema");
                JsonNode listed = response.getValue().path("x-rule-codes");
                if (!problem.at("/allOf/0/$ref").asText().equals("#/components/schemas/Problem") || listed.isEmpty()
                        || !problem.at("/allOf/1/properties/code/enum").equals(listed)) {
                    wrong.add(operation + " " + response.getKey() + ": not a problem document with its rule codes");
                }
                listed.forEach(code -> {
                    if (!codes.contains(code.asText())) {
                        wrong.add(operation + " " + response.getKey() + ": no rule code " + code);
                    }
                });
            });
        });
        assertThat(wrong).isEmpty();
    }

    private static String firstDifference(String expected, String actual) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String left = i < a.length ? a[i] : "(end)";
            String right = i < b.length ? b[i] : "(end)";
            if (!left.equals(right)) {
                return "the first difference is at line " + (i + 1) + ": contract '" + left.strip() + "', served '"
                        + right.strip() + "'";
            }
        }
        return "they differ";
    }
}
