package io.sartracker.service.page;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/**
 * The date and instant the reader picked: {@code asOf} a business date, {@code knownAt} an instant
 * (from a {@code datetime-local} picker, read as Tokyo time, or an ISO instant). Blank is "today".
 */
record When(LocalDate asOf, Instant knownAt) {
    static final When NOW = new When(null, null);

    static When of(String asOf, String knownAt) {
        return new When(date(asOf, "asOf"), instant(knownAt));
    }

    static LocalDate date(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date (YYYY-MM-DD) for " + name);
        }
    }

    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            return value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$") ? Instant.parse(value)
                    : LocalDateTime.parse(value).atZone(PageFormat.TOKYO).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an instant for knownAt");
        }
    }

    boolean replayed() {
        return asOf != null || knownAt != null;
    }

    /** The query string that keeps the reader's choice on every link. */
    String query() {
        StringBuilder query = new StringBuilder();
        if (asOf != null) {
            query.append("asOf=").append(asOf);
        }
        if (knownAt != null) {
            query.append(query.isEmpty() ? "" : "&").append("knownAt=").append(knownAt);
        }
        return query.toString();
    }
}
