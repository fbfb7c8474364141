package io.sartracker.service.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import io.sartracker.service.web.FactLines;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A file of facts, one a line, as JSON objects: JSON lines as they are, CSV rows turned into the same objects
 * (a column per field; nested fields named with dots). The format is told by the first character that is not
 * blank: '{' is JSON lines, anything else the CSV header. Each line keeps its number in the file, so that a
 * refusal names the line a person sees in an editor.
 */
public final class FactFile {
    public static final String KIND = FactLines.KIND;

    /** Every column a CSV file may name in its header, in the order the README documents them. */
    public static final List<String> CSV_COLUMNS = List.of(KIND, "seriesId", "issuerId", "holderId", "personId",
            "role", "newRole", "rights", "shares", "allotmentDate", "changeDate", "departureDate", "reason",
            "dateOfDeath", "heirId", "heirIds", "inheritanceDate", "exerciseDate", "ratio", "recordDate",
            "meetingClosingDate", "effectiveDate", "sharesPerRight", "appliesFrom", "kind", "restructuredCompanyId",
            "restructuredCompanyName", "shareRatio", "agreementProvidesReplacement", "cause", "approvalDate",
            "acquisitionDate", "transfereeId", "transferDate", "boardApprovalReference", "fact", "reversedOn",
            "determinationDate", "valuationDate", "spot", "years", "riskFreeRate", "dividendYield",
            "dividendPerShare", "volatility", "terms.name", "terms.issuerName", "terms.resolutionDate",
            "terms.maximumRights", "terms.sharesPerRightAtIssue", "terms.exercisePricePerShare",
            "terms.exercisePeriod.firstDay", "terms.exercisePeriod.lastDay", "terms.allotmentDate",
            "terms.paymentDate", "terms.windowAfterLeavingOfficeDays", "terms.heirWindowMonths",
            "terms.transferAllowed", "terms.eligibleRoles");

    public enum Format { CSV, JSON_LINES }

    /** One line of facts: its number in the file and the JSON object it holds, or why it cannot be read. */
    public record Line(int number, ObjectNode fact, RuleViolation unreadable) {
    }

    private final Format format;
    private final List<Line> lines;

    private FactFile(Format format, List<Line> lines) {
        this.format = format;
        this.lines = lines;
    }

    public Format format() {
        return format;
    }

    public List<Line> lines() {
        return lines;
    }

    /**
     * Reads the bytes of a file of facts.
     *
     * @throws RuleViolation {@code INVALID_INPUT} for a file that is not UTF-8 or whose CSV header names a
     *                       column not in {@link #CSV_COLUMNS}, with the line (1) in the figures
     */
    public static FactFile read(byte[] bytes, ObjectMapper strict) {
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String start = text.stripLeading();
        if (start.startsWith("{")) {
            return new FactFile(Format.JSON_LINES, jsonLines(text, strict));
        }
        return new FactFile(Format.CSV, csv(text));
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw RuleViolation.of(RuleCode.INVALID_INPUT, "The file is not UTF-8 text; save it as UTF-8 (with or"
                    + " without a byte order mark) and import it again.", "line", 1);
        }
    }

    private static List<Line> jsonLines(String text, ObjectMapper strict) {
        List<Line> lines = new ArrayList<>();
        String[] rows = text.split("\r?\n", -1);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].isBlank()) {
                continue;
            }
            int number = i + 1;
            try {
                JsonNode node = strict.readTree(rows[i]);
                if (node instanceof ObjectNode object) {
                    lines.add(new Line(number, object, null));
                } else {
                    lines.add(new Line(number, null, RuleViolation.of(RuleCode.INVALID_INPUT,
                            "Each line holds one JSON object, {\"factKind\": ..., ...}.", "line", number)));
                }
            } catch (JsonProcessingException e) {
                lines.add(new Line(number, null, RuleViolation.of(RuleCode.INVALID_INPUT,
                        "The line is not one JSON object: " + e.getOriginalMessage() + ".", "line", number)));
            }
        }
        return lines;
    }

    private static List<Line> csv(String text) {
        int[] lineStarts = lineStarts(text);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames();
            checkHeader(header);
            for (CSVRecord record : parser) {
                int number = lineOf(lineStarts, record.getCharacterPosition());
                lines.add(row(record, header, number));
            }
        } catch (UncheckedIOException | IOException | IllegalArgumentException | IllegalStateException e) {
            // commons-csv reports a broken quote or a repeated header name this way
            throw RuleViolation.of(RuleCode.INVALID_INPUT, "The CSV cannot be read: " + e.getMessage()
                    + ". Quote a cell holding a comma, a quote or a line break with \"...\" (a quote inside as \"\").",
                    "line", lines.isEmpty() ? 1 : lines.get(lines.size() - 1).number() + 1);
        }
        return lines;
    }

    private static void checkHeader(List<String> header) {
        Set<String> unknown = new LinkedHashSet<>(header);
        unknown.removeAll(CSV_COLUMNS);
        if (!unknown.isEmpty() || !header.contains(KIND)) {
            throw RuleViolation.of(RuleCode.INVALID_INPUT, (unknown.isEmpty() ? "The header has no column '"
                    + KIND + "'" : "The header names columns the import does not know: " + unknown)
                    + ". The first line names the columns used, among: " + String.join(",", CSV_COLUMNS) + ".",
                    "line", 1);
        }
    }

    /** A row as the JSON object a JSON line would hold: an empty cell is a field not given. */
    private static Line row(CSVRecord record, List<String> header, int number) {
        if (record.size() != header.size()) {
            return new Line(number, null, RuleViolation.of(RuleCode.INVALID_INPUT, "The row has " + record.size()
                    + " cells and the header " + header.size() + "; give every row as many cells as the header"
                    + " has columns.", "line", number));
        }
        ObjectNode fact = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, String> cell : record.toMap().entrySet()) {
            if (cell.getValue() == null || cell.getValue().isEmpty()) {
                continue;
            }
            String[] path = cell.getKey().split("\\.");
            ObjectNode parent = fact;
            for (int i = 0; i < path.length - 1; i++) {
                parent = parent.has(path[i]) ? (ObjectNode) parent.get(path[i]) : parent.putObject(path[i]);
            }
            parent.set(path[path.length - 1], value(cell.getKey(), cell.getValue()));
        }
        return new Line(number, fact, null);
    }

    /** A cell as JSON: a number or true/false where the column holds one, a list, or text. */
    private static JsonNode value(String column, String cell) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (FactLines.NUMBER_COLUMNS.contains(column)) {
            try {
                // a whole number as one (the strict reading refuses a fraction where a count is expected)
                if (!cell.matches("-?\\d+")) {
                    return nodes.numberNode(new BigDecimal(cell));
                }
                BigInteger whole = new BigInteger(cell);
                return whole.bitLength() < Long.SIZE ? nodes.numberNode(whole.longValue()) : nodes.numberNode(whole);
            } catch (NumberFormatException notANumber) {
                return nodes.textNode(cell); // the strict reading names the field and what it expects
            }
        }
        if (FactLines.BOOLEAN_COLUMNS.contains(column) && (cell.equalsIgnoreCase("true") || cell.equalsIgnoreCase("false"))) {
            return nodes.booleanNode(Boolean.parseBoolean(cell.toLowerCase()));
        }
        if (FactLines.LIST_COLUMNS.contains(column)) {
            var list = nodes.arrayNode();
            Arrays.stream(cell.split("[;\\s]+")).filter(v -> !v.isEmpty()).forEach(list::add);
            return list;
        }
        return nodes.textNode(cell);
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The 1-based line on which the character at the position lies. */
    private static int lineOf(int[] lineStarts, long position) {
        int found = Arrays.binarySearch(lineStarts, (int) position);
        return (found >= 0 ? found : -found - 2) + 1;
    }
}
