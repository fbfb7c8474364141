package io.sartracker.service.web;

import io.sartracker.kernel.rule.RuleCode;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Problem documents for the places that answer before Spring MVC's converters are at hand (the
 * request-limits filter, the {@code /error} page, Tomcat's own rejections): the same fields as
 * {@link ProblemHandler} writes, as plain JSON text.
 */
public final class Problems {
    /** Longest piece of client input echoed in a detail. */
    static final int ECHO_LIMIT = 70;

    private Problems() {
    }

    /** The stable code of an HTTP status that the service itself gives, or null for a 5xx. */
    public static RuleCode codeFor(int status) {
        return switch (status) {
            case 404 -> RuleCode.UNKNOWN_ROUTE;
            case 405 -> RuleCode.METHOD_NOT_ALLOWED;
            case 406 -> RuleCode.NOT_ACCEPTABLE;
            case 413 -> RuleCode.PAYLOAD_TOO_LARGE;
            case 415 -> RuleCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 400 && status < 500 ? RuleCode.INVALID_INPUT : null;
        };
    }

    /** A sentence for a status that nothing more precise is known about. */
    public static String detailFor(int status) {
        return switch (status) {
            case 400 -> "The request is malformed (its path, query, headers or body cannot be read); nothing was"
                    + " recorded. Paths take letters, digits and . _ : - only; the request line and headers"
                    + " together are at most 8 KB.";
            case 404 -> "No endpoint answers this path; the API is described at /v3/api-docs.";
            case 405 -> "The path does not answer this HTTP method; the API is described at /v3/api-docs.";
            case 406 -> "The endpoint cannot answer in a media type the Accept header allows.";
            case 408 -> "The request was not received in time; nothing was recorded.";
            case 413 -> "The request body is too large: at most 1 MB of JSON, or 20 MB of uploaded price history.";
            case 414 -> "The request URL is too long: the request line and headers together are at most 8 KB.";
            case 415 -> "The body is not of a media type the endpoint reads: send application/json"
                    + " (or multipart/form-data where an upload is allowed).";
            case 431 -> "The request headers are too large: together with the request line at most 8 KB.";
            default -> status >= 500 ? "The tracker failed unexpectedly; nothing was recorded."
                    : "The request was refused; nothing was recorded.";
        };
    }

    /** An RFC 9457 problem document as JSON text. */
    public static String json(int status, String detail, Map<String, String> figures) {
        RuleCode code = codeFor(status);
        StringBuilder json = new StringBuilder(256).append('{');
        if (code != null) {
            field(json, "type", "urn:sar-tracker:problem:" + code.name()).append(',');
            field(json, "title", code.name().replace('_', ' ').toLowerCase()).append(',');
        } else {
            field(json, "type", "about:blank").append(',');
            field(json, "title", "service failure").append(',');
        }
        json.append("\"status\":").append(status).append(',');
        field(json, "detail", detail);
        if (code != null) {
            json.append(',');
            field(json, "code", code.name()).append(",\"figures\":{");
            boolean first = true;
            for (Map.Entry<String, String> figure : figures.entrySet()) {
                if (!first) {
                    json.append(',');
                }
                first = false;
                field(json, figure.getKey(), figure.getValue());
            }
            json.append('}');
        }
        return json.append('}').toString();
    }

    /** Writes a problem document as the whole response. */
    public static void write(HttpServletResponse response, int status, String detail, Map<String, String> figures)
            throws IOException {
        byte[] body = json(status, detail, figures).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** Client input cut to a length that is safe to echo in a detail. */
    public static String echo(Object value) {
        String text = String.valueOf(value);
        return text.length() > ECHO_LIMIT ? text.substring(0, ECHO_LIMIT) + "..." : text;
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        return string(string(json, name).append(':'), value);
    }

    private static StringBuilder string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c)) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
