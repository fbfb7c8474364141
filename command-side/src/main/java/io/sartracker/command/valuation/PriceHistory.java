package io.sartracker.command.valuation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Daily closing prices by trading date. */
public final class PriceHistory {

    private static final String HEADER = "date,close";

    private final NavigableMap<LocalDate, BigDecimal> closes;

    private PriceHistory(NavigableMap<LocalDate, BigDecimal> closes) {
        this.closes = Collections.unmodifiableNavigableMap(closes);
    }

    /**
     * Reads {@code YYYY-MM-DD,price} rows, optionally under a {@code date,close} header line.
     * Blank lines are skipped but still counted, so line numbers in errors match the file.
     */
    public static PriceHistory parse(String csv) {
        NavigableMap<LocalDate, BigDecimal> closes = new TreeMap<>();
        Map<LocalDate, Integer> lineOfDate = new HashMap<>();
        List<String> lines = csv.lines().toList();
        boolean firstContentLine = true;
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (firstContentLine) {
                firstContentLine = false;
                if (line.replace(" ", "").equalsIgnoreCase(HEADER)) {
                    continue;
                }
            }
            String[] columns = line.split(",", -1);
            if (columns.length != 2) {
                throw PriceHistoryException.atLine(lineNumber,
                        "wrong number of columns: expected 2 (date,close), found " + columns.length);
            }
            LocalDate date = parseDate(lineNumber, columns[0].strip());
            BigDecimal price = parsePrice(lineNumber, columns[1].strip());
            Integer earlier = lineOfDate.putIfAbsent(date, lineNumber);
            if (earlier != null) {
                throw PriceHistoryException.atLine(lineNumber,
                        "duplicate date " + date + " (already on line " + earlier + ")");
            }
            closes.put(date, price);
        }
        return new PriceHistory(closes);
    }

    /** Closing prices in date order; unmodifiable. */
    public NavigableMap<LocalDate, BigDecimal> closes() {
        return closes;
    }

    private static LocalDate parseDate(int lineNumber, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw PriceHistoryException.atLine(lineNumber, "unparseable date '" + text + "', expected YYYY-MM-DD");
        }
    }

    private static BigDecimal parsePrice(int lineNumber, String text) {
        BigDecimal price;
        try {
            price = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw PriceHistoryException.atLine(lineNumber, "unparseable price '" + text + "'");
        }
        if (price.signum() <= 0) {
            throw PriceHistoryException.atLine(lineNumber, "non-positive price " + text);
        }
        return price;
    }
}
