package io.sartracker.service;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A node of the tracker as a Spring application of its own inside the test's JVM, on a shared
 * PostgreSQL database with the {@code postgres} profile: several of them make a cluster that a test
 * drives over HTTP. Each has its own name (the owner of its token claims) and port; all of a test's
 * nodes share one data folder, where the first writes the administrator's password.
 */
final class InProcessNode implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    private final String name;
    private final ConfigurableApplicationContext context;
    private final Path dataDir;
    private final int port;

    private InProcessNode(String name, ConfigurableApplicationContext context, Path dataDir) {
        this.name = name;
        this.context = context;
        this.dataDir = dataDir;
        this.port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Starts a node on the database; a clock, when given, replaces the system clock (a test moves it). */
    static InProcessNode start(String name, String databaseUrl, Path dataDir, Clock clock, String... arguments) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=postgres", "--server.port=0",
                "--TRACKER_DB_URL=" + databaseUrl, "--TRACKER_DB_USER=" + TestPostgres.USER,
                "--TRACKER_DB_PASSWORD=" + TestPostgres.PASSWORD, "--tracker.data-dir=" + dataDir,
                "--tracker.node.id=" + name, "--spring.datasource.hikari.minimum-idle=1"));
        args.addAll(List.of(arguments));
        SpringApplicationBuilder builder = new SpringApplicationBuilder(TrackerApplication.class);
        if (clock != null) {
            builder.initializers(context -> ((GenericApplicationContext) context).registerBean("testClock",
                    Clock.class, () -> clock, definition -> definition.setPrimary(true)));
        }
        return new InProcessNode(name, builder.run(args.toArray(String[]::new)), dataDir);
    }

    String name() {
        return name;
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    int port() {
        return port;
    }

    String authorization() {
        return TrackerTestSupport.basic(TrackerTestSupport.ADMIN, TrackerTestSupport.adminPassword(dataDir));
    }

    HttpResponse<String> get(String path) {
        return join(getAsync(path));
    }

    HttpResponse<String> post(String path, String body) {
        return join(postAsync(path, body));
    }

    CompletableFuture<HttpResponse<String>> getAsync(String path) {
        return HTTP.sendAsync(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization()).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> postAsync(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> join(CompletableFuture<HttpResponse<String>> response) {
        try {
            return response.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
