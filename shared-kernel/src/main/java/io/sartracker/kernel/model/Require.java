package io.sartracker.kernel.model;

import java.util.regex.Pattern;

/** Argument checks shared by the value objects; a failure is bad input, never a rule of the terms. */
public final class Require {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private Require() {
    }

    public static String text(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value.strip();
    }

    /** Identifiers travel in URLs and key columns: letters, digits and . _ : - only, at most 64 of them. */
    public static String identifier(String value, String name) {
        String text = text(value, name);
        if (!IDENTIFIER.matcher(text).matches()) {
            throw new IllegalArgumentException(name + " must be 1 to 64 letters, digits or . _ : -, was '"
                    + (text.length() > 70 ? text.substring(0, 70) + "..." : text) + "'");
        }
        return text;
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
