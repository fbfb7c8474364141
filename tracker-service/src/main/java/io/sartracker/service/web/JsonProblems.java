package io.sartracker.service.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Sentences for JSON that strict reading refused, naming the field and what it takes. */
final class JsonProblems {
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    private JsonProblems() {
    }

    /** The detail for a body Jackson could not read; the field involved goes into {@code figures}. */
    static String detail(Throwable cause, Map<String, Object> figures) {
        if (cause == null) {
            return "The request needs a JSON body.";
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            figures.put("field", path(mapping));
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String accepted = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return "'" + path(unknown) + "' is not a field of this request; accepted: " + accepted + ".";
        }
        if (cause instanceof InvalidFormatException format) {
            return "'" + Problems.echo(format.getValue()) + "' is not a valid value for '" + path(format) + "'"
                    + expected(format.getTargetType()) + ".";
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String message = String.valueOf(mismatch.getOriginalMessage());
            if (message.startsWith("Trailing token")) {
                figures.remove("field");
                return "The request body has content after the JSON value; send exactly one JSON object.";
            }
            if (mismatch.getPath().isEmpty()) {
                return "The request body must be one JSON object" + expected(mismatch.getTargetType()) + ".";
            }
            return "The value of '" + path(mismatch) + "' has the wrong type" + expected(mismatch.getTargetType()) + ".";
        }
        if (cause instanceof InputCoercionException coercion) {
            return "A number in the request is out of range" + expected(coercion.getTargetType()) + at(coercion) + ".";
        }
        if (cause instanceof JsonParseException || cause instanceof StreamReadException) {
            String message = ((JsonProcessingException) cause).getOriginalMessage();
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(message));
            if (duplicate.find()) {
                figures.put("field", duplicate.group(1));
                return "The JSON key '" + Problems.echo(duplicate.group(1)) + "' is repeated; give each field once.";
            }
            return "The request body is not valid JSON" + at((JsonProcessingException) cause) + ": "
                    + Problems.echo(firstLine(message)) + ".";
        }
        if (cause instanceof JsonMappingException mapping) {
            return "The value of '" + path(mapping) + "' cannot be read.";
        }
        return "The request body is not valid JSON.";
    }

    /** What a value of this type is written as, as the end of a sentence ("" when nothing useful is known). */
    static String expected(Class<?> type) {
        if (type == null) {
            return "";
        }
        if (type.isEnum()) {
            return "; accepted: " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "; a date is written as a string YYYY-MM-DD";
        }
        if (type == Instant.class) {
            return "; an instant is written as a string such as 2026-11-24T10:00:00Z";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == BigInteger.class) {
            return "; a whole number is expected";
        }
        if (type == double.class || type == Double.class || type == BigDecimal.class) {
            return "; a number is expected";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "; true or false is expected";
        }
        if (type == String.class) {
            return "; a string is expected";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "; a list is expected";
        }
        if (type.isRecord() && type.getRecordComponents().length > 1) {
            return "; an object is expected";
        }
        return "";
    }

    private static String at(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? Problems.echo(ref.getFieldName()) : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "the body" : path;
    }
}
