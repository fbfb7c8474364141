package io.sartracker.service.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 CSV: a header line, then one line per row; fields quoted when they need it. */
public final class Csv {
    private Csv() {
    }

    public static String of(List<String> header, List<List<Object>> rows) {
        StringBuilder csv = new StringBuilder(line(List.copyOf(header)));
        rows.forEach(row -> csv.append(line(row)));
        return csv.toString();
    }

    /** Rows of any number of fields each, without a header of their own (a document of several tables). */
    public static String rows(List<? extends List<?>> rows) {
        StringBuilder csv = new StringBuilder();
        rows.forEach(row -> csv.append(line(row)));
        return csv.toString();
    }

    /** The CSV as UTF-8 with a byte order mark, so that Excel and accounting systems read it as Japanese. */
    public static byte[] forExcel(String csv) {
        return ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);
    }

    private static String line(List<?> fields) {
        return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
