package io.sartracker.kernel.model;

import java.time.LocalDate;

/** Argument checks shared by the value objects; a failure is bad input, never a rule of the terms. */
public final class Require {
    /** The longest identifier, in characters. */
    static final int MAX_IDENTIFIER_LENGTH = 64;
    /** The earliest date a request may carry: anything before is a typing error, not a fact. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    /** The latest date a request may carry. */
    public static final LocalDate LATEST_DATE = LocalDate.of(2200, 12, 31);
    /** The longest name (of a series, an issuer, a company, a board approval), in characters. */
    public static final int MAX_NAME_LENGTH = 200;
    /** The longest reason, in characters. */
    public static final int MAX_REASON_LENGTH = 1_000;

    private Require() {
    }

    public static String text(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value.strip();
    }

    /** Text of at most {@code maxLength} characters (after stripping surrounding blanks). */
    public static String text(String value, String name, int maxLength) {
        String text = text(value, name);
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            throw new IllegalArgumentException(name + " must be at most " + maxLength + " characters, was " + length);
        }
        return text;
    }

    /** A name: at most {@value #MAX_NAME_LENGTH} characters. */
    public static String name(String value, String name) {
        return text(value, name, MAX_NAME_LENGTH);
    }

    /** Text that may be left out or blank, as given, but never longer than {@code maxLength} characters. */
    public static String atMost(String value, String name, int maxLength) {
        if (value != null && value.codePointCount(0, value.length()) > maxLength) {
            throw new IllegalArgumentException(name + " must be at most " + maxLength + " characters, was "
                    + value.codePointCount(0, value.length()));
        }
        return value;
    }

    /** A reason: at most {@value #MAX_REASON_LENGTH} characters. */
    public static String reason(String value, String name) {
        return text(value, name, MAX_REASON_LENGTH);
    }

    /** A date that is required and lies in 1900-01-01..2200-12-31. */
    public static LocalDate date(LocalDate value, String name) {
        present(value, name);
        if (value.isBefore(EARLIEST_DATE) || value.isAfter(LATEST_DATE)) {
            throw new IllegalArgumentException(name + " must lie between " + EARLIEST_DATE + " and " + LATEST_DATE
                    + ", was " + value);
        }
        return value;
    }

    /** A date that may be left out: null stays null, anything else must lie in the sane range. */
    public static LocalDate optionalDate(LocalDate value, String name) {
        return value == null ? null : date(value, name);
    }

    /** Identifiers travel in URLs and key columns: letters, digits and . _ : - only, at most 64 of them. */
    public static String identifier(String value, String name) {
        String text = text(value, name);
        if (!isIdentifier(text)) {
            throw new IllegalArgumentException(name + " must be 1 to " + MAX_IDENTIFIER_LENGTH
                    + " letters, digits or . _ : -, was '"
                    + (text.length() > 70 ? text.substring(0, 70) + "..." : text) + "'");
        }
        return text;
    }

    /**
     * Whether the text is 1 to {@value #MAX_IDENTIFIER_LENGTH} ASCII letters, digits or . _ : -. Checked character by
     * character: every identifier of every event read is checked, and a regular expression's matcher was 1.5% of a
     * benchmark run's samples (BENCHMARKS.md, change 42).
     */
    static boolean isIdentifier(String text) {
        int length = text.length();
        if (length == 0 || length > MAX_IDENTIFIER_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    public static <T> T present(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    public static long positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    public static long notNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
        return value;
    }
}
