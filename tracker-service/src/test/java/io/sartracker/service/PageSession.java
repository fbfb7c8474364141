package io.sartracker.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser's session with the pages, without a browser: the session cookie and the CSRF token of its forms. */
final class PageSession {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private final String root;
    private final HttpClient client;
    private String lastLocation = "";

    private PageSession(String root) {
        this.root = root;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(30)).build();
    }

    static PageSession anonymous(String root) {
        return new PageSession(root);
    }

    /** Signs in through the sign-in form, as a browser does. */
    static PageSession signIn(String root, String username, String password) {
        PageSession session = new PageSession(root);
        String token = session.token();
        HttpResponse<String> answer = session.send(HttpRequest.newBuilder(URI.create(root + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password="
                        + encode(password) + "&_csrf=" + encode(token))));
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("signing in as " + username + " answered " + answer.statusCode() + " " + location);
        }
        return session;
    }

    /** The CSRF token of the session, read from the sign-in page's form. */
    String token() {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(root + "/login")).GET());
        Matcher matcher = CSRF.matcher(page.body());
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        return matcher.group(1);
    }

    /** Calls a page; a change carries the session's CSRF token (none when not signed in). */
    int call(String method, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path));
        if (method.equals("GET")) {
            request.GET();
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString("_csrf=" + encode(token())));
        }
        HttpResponse<String> answer = send(request);
        lastLocation = answer.headers().firstValue("Location").orElse("");
        return answer.statusCode();
    }

    String lastLocation() {
        return lastLocation;
    }

    /** Opens a page and answers its HTML (or whatever it answers). */
    HttpResponse<String> get(String path) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(root + path)).GET());
        lastLocation = answer.headers().firstValue("Location").orElse("");
        return answer;
    }

    /** Downloads a file a page links to. */
    HttpResponse<byte[]> download(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(60)).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Submits a form with the fields given, as a browser does, with the session's CSRF token. */
    HttpResponse<String> submit(String path, java.util.Map<String, String> fields) {
        StringBuilder body = new StringBuilder("_csrf=" + encode(token()));
        fields.forEach((name, value) -> body.append('&').append(encode(name)).append('=').append(encode(value)));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(root + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        lastLocation = answer.headers().firstValue("Location").orElse("");
        return answer;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
