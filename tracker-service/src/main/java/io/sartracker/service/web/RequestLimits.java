package io.sartracker.service.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Limits checked before anything reads the request: a body other than a multipart upload is at most
 * 1 MB (by its Content-Length, or counted as it is read when it comes chunked), and every query
 * parameter is given at most once, with a well-formed encoding. Refusals are problem documents.
 * Uploads are bounded by {@code spring.servlet.multipart} (20 MB).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLimits extends OncePerRequestFilter {
    /** The largest body that is not a multipart upload: 1 MB. */
    public static final long MAX_JSON_BYTES = 1024 * 1024;
    static final String JSON_TOO_LARGE = "The request body is larger than 1 MB (1,048,576 bytes); nothing was"
            + " recorded. Send a price history larger than that as a multipart upload (at most 20 MB).";
    static final String UPLOAD_TOO_LARGE = "The upload is too large: a price history file is at most 20 MB;"
            + " nothing was recorded.";

    /** Thrown by the counting stream when a body without a (truthful) Content-Length passes the limit. */
    public static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("request body larger than " + MAX_JSON_BYTES + " bytes");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String repeated = queryProblem(request.getQueryString());
        if (repeated != null) {
            Problems.write(response, 400, repeated, Map.of());
            return;
        }
        if (isMultipart(request)) {
            if (multipartReadable(request, response)) {
                chain.doFilter(request, response);
            }
            return;
        }
        if (request.getContentLengthLong() > MAX_JSON_BYTES) {
            Problems.write(response, 413, JSON_TOO_LARGE, Map.of("limitBytes", Long.toString(MAX_JSON_BYTES)));
            return;
        }
        chain.doFilter(new LimitedRequest(request), response);
    }

    /**
     * Parses a multipart body at once, so that every endpoint refuses a broken one the same way: no
     * boundary, a body the boundary does not split into parts, or a part cut short is 400; a file over
     * 20 MB is 413. Answers the refusal itself and returns false.
     */
    private static boolean multipartReadable(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String type = request.getContentType().toLowerCase(Locale.ROOT);
        int boundary = type.indexOf("boundary=");
        String problem = null;
        if (!type.startsWith("multipart/form-data")) {
            problem = "Only multipart/form-data is read, not " + Problems.echo(request.getContentType()) + ".";
        } else if (boundary < 0 || type.substring(boundary + "boundary=".length()).isBlank()) {
            problem = "The multipart body has no boundary: give it in the Content-Type header"
                    + " (multipart/form-data; boundary=...).";
        } else {
            try {
                // the parts are read here, before the encoding filter: a part without its own charset (a page's
                // form field) is UTF-8, the pages' encoding, not the servlet default ISO-8859-1
                if (request.getCharacterEncoding() == null) {
                    request.setCharacterEncoding(java.nio.charset.StandardCharsets.UTF_8.name());
                }
                if (request.getParts().isEmpty()) {
                    problem = "The multipart body has no parts separated by its boundary.";
                }
            } catch (IllegalStateException e) {
                Problems.write(response, 413, UPLOAD_TOO_LARGE, Map.of());
                return false;
            } catch (IOException | ServletException | RuntimeException e) {
                problem = "The multipart body cannot be read: give parts separated by the boundary of the"
                        + " Content-Type header, each with its Content-Disposition, and the closing boundary.";
            }
        }
        if (problem != null) {
            Problems.write(response, 400, problem, Map.of());
            return false;
        }
        return true;
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** A sentence naming what is wrong with the query string, or null when it is fine. */
    static String queryProblem(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name;
            try {
                name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                if (equals >= 0) {
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException e) {
                return "The query string has a malformed %-escape near '" + Problems.echo(pair)
                        + "'; write %XX with two hexadecimal digits.";
            }
            int count = counts.merge(name, 1, Integer::sum);
            if (count == 2) {
                return "The query parameter '" + Problems.echo(name) + "' is given more than once; give it once.";
            }
        }
        return null;
    }

    /** Counts the bytes of the body as they are read and stops at the limit. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private long read;

        LimitedStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > MAX_JSON_BYTES) {
                throw new BodyTooLargeException();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
