package io.sartracker.service.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sartracker.kernel.rule.RuleCode;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Problem documents for the places that answer before Spring MVC's converters are at hand (the
 * request-limits filter, the {@code /error} page, Tomcat's own rejections): the same fields as
 * {@link ProblemHandler} writes, as JSON text.
 */
public final class Problems {
    /** Longest piece of client input echoed in a detail. */
    static final int ECHO_LIMIT = 70;
    /** Jackson on its own: these places answer before, or outside, the Spring context's mapper. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    /** The stable code of an HTTP status that the service itself gives, or null for a 5xx. */
    public static RuleCode codeFor(int status) {
        return switch (status) {
            case 401 -> RuleCode.SIGN_IN_REQUIRED;
            case 403 -> RuleCode.ROLE_REQUIRED;
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
        return json(status, codeFor(status), detail, figures);
    }

    /** An RFC 9457 problem document with the given code (null for a 5xx) as JSON text. */
    public static String json(int status, RuleCode code, String detail, Map<String, String> figures) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", code == null ? "about:blank" : "urn:sar-tracker:problem:" + code.name());
        problem.put("title", code == null ? "service failure" : code.name().replace('_', ' ').toLowerCase());
        problem.put("status", status);
        problem.put("detail", detail);
        if (code != null) {
            problem.put("code", code.name());
            problem.put("figures", figures);
        }
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document of strings and a number is always JSON", e);
        }
    }

    /** Writes a problem document as the whole response. */
    public static void write(HttpServletResponse response, int status, String detail, Map<String, String> figures)
            throws IOException {
        write(response, status, codeFor(status), detail, figures);
    }

    /** Writes a problem document with the given code as the whole response. */
    public static void write(HttpServletResponse response, int status, RuleCode code, String detail,
                             Map<String, String> figures) throws IOException {
        byte[] body = json(status, code, detail, figures).getBytes(StandardCharsets.UTF_8);
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
}
