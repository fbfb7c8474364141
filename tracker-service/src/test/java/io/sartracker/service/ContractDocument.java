package io.sartracker.service;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The checked-in API contract ({@code openapi.json} at the root of the repository) and its canonical form. */
final class ContractDocument {
    static final Path CHECKED_IN = Path.of(System.getProperty("contract.file", "../openapi.json"));
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ContractDocument() {
    }

    /** One documented answer: an operation (method and path template) and one of its statuses. */
    record Answer(String method, String path, String status) {
        @Override
        public String toString() {
            return method + " " + path + " " + status;
        }
    }

    /** The document pretty-printed with sorted keys, two spaces, LF line ends and a final LF. */
    static String canonical(String json) {
        try {
            Object tree = JSON.readValue(json, Object.class);
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            return JSON.writer(printer).writeValueAsString(tree) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + e.getMessage(), e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the API contract " + file.toAbsolutePath(), e);
        }
    }

    /** Every operation of the document, as "METHOD path", with its operation object. */
    static Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> operations = new java.util.TreeMap<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(item -> {
            if (METHODS.contains(item.getKey())) {
                operations.put(item.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), item.getValue());
            }
        }));
        return operations;
    }

    /** Every (operation, status) pair the document promises. */
    static List<Answer> answers(JsonNode document) {
        List<Answer> answers = new ArrayList<>();
        operations(document).forEach((operation, node) -> {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1);
            for (Iterator<String> statuses = node.path("responses").fieldNames(); statuses.hasNext(); ) {
                answers.add(new Answer(method, path, statuses.next()));
            }
        });
        return answers;
    }
}
