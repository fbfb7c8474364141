package io.sartracker.service;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every answer the API contract documents was produced by at least one test: each (operation,
 * status) of {@code openapi.json} must be among the answers {@link AnswerRecorder} wrote while the
 * module's tests ran. Not a test of its own: the build runs it after all the others (the surefire
 * execution {@code contract-coverage} of tracker-service/pom.xml), and lists every documented answer
 * that no test produced. Mend a miss with a test that produces it (see {@code DocumentedAnswersTest}),
 * not by removing an answer the service really gives.
 */
class ContractCoverageCheck {
    private static final PathPatternParser PATTERNS = PathPatternParser.defaultInstance;

    /** One recorded answer: method, request path, the handler's pattern ("-" when none) and status. */
    private record Recorded(String method, String path, String pattern, String status) {
    }

    @Test
    void everyDocumentedAnswerWasProducedByATest() throws IOException {
        String file = System.getProperty(AnswerRecorder.FILE_PROPERTY);
        assertThat(file).as("the build names the file of recorded answers (-D" + AnswerRecorder.FILE_PROPERTY + ")")
                .isNotBlank();
        Path answersFile = Path.of(file);
        assertThat(answersFile).as("the answers recorded by this build's tests").exists();
        JsonNode contract = ContractDocument.read(ContractDocument.CHECKED_IN);
        List<ContractDocument.Answer> documented = ContractDocument.answers(contract);
        Map<String, Map<String, PathPattern>> templates = new TreeMap<>();
        documented.forEach(answer -> templates.computeIfAbsent(answer.method(), m -> new TreeMap<>())
                .put(answer.path(), PATTERNS.parse(answer.path())));

        Set<String> produced = new TreeSet<>();
        Set<String> undocumented = new TreeSet<>();
        Set<String> documentedKeys = documented.stream().map(ContractDocument.Answer::toString)
                .collect(Collectors.toSet());
        long lines = 0;
        for (String line : Files.readAllLines(answersFile, StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t");
            if (fields.length != 4) {
                continue;
            }
            lines++;
            Recorded answer = new Recorded(fields[0], fields[1], fields[2], fields[3]);
            operationOf(answer, templates.getOrDefault(answer.method(), Map.of())).ifPresent(path -> {
                String key = answer.method() + " " + path + " " + answer.status();
                produced.add(key);
                if (!documentedKeys.contains(key)) {
                    undocumented.add(key);
                }
            });
        }

        List<String> missing = new ArrayList<>();
        for (ContractDocument.Answer answer : documented) {
            if (!produced.contains(answer.toString())) {
                missing.add(answer.toString());
            }
        }
        Set<String> operations = new LinkedHashSet<>();
        documented.forEach(answer -> operations.add(answer.method() + " " + answer.path()));
        System.out.println("API contract coverage: " + operations.size() + " operations, " + documented.size()
                + " documented answers, " + (documented.size() - missing.size()) + " produced by the tests ("
                + lines + " answers recorded).");
        if (!undocumented.isEmpty()) {
            // Not a failure: a test may well send what no client should (an unknown route, a wrong method, an
            // Accept header nothing satisfies); listed so that an answer the contract forgot is seen.
            System.out.println("Answers the tests produced that the contract does not list for the operation: "
                    + undocumented);
        }
        if (!missing.isEmpty()) {
            fail(missing.size() + " answers documented in " + ContractDocument.CHECKED_IN.toAbsolutePath().normalize()
                    + " were produced by no test; write a test that produces each (DocumentedAnswersTest):\n  "
                    + String.join("\n  ", missing));
        }
    }

    /** The documented path of the answer: the handler's pattern when it is one, else the most specific match. */
    private static Optional<String> operationOf(Recorded answer, Map<String, PathPattern> templates) {
        if (templates.containsKey(answer.pattern())) {
            return Optional.of(answer.pattern());
        }
        PathContainer path;
        try {
            path = PathContainer.parsePath(answer.path());
        } catch (IllegalArgumentException malformed) {
            return Optional.empty(); // a path no operation answers (the malformed-request corpus sends such)
        }
        return templates.entrySet().stream().filter(template -> template.getValue().matches(path))
                .min(Comparator.comparing(Map.Entry::getValue, PathPattern.SPECIFICITY_COMPARATOR))
                .map(Map.Entry::getKey);
    }
}
