package io.sartracker.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The service as a separate JVM on an H2 file, on the test's own class path, so that a test can
 * kill it with SIGKILL as a crash would and start it again on the same file.
 */
public final class ServiceProcess implements AutoCloseable {
    private static final Duration START_BOUND = Duration.ofSeconds(90);

    private final Process process;
    private final int port;
    private final Path log;
    private final Path dataDir;
    private volatile String authorization;

    private ServiceProcess(Process process, int port, Path log, Path dataDir) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.dataDir = dataDir;
    }

    /** Starts the service on the data folder and returns once it answers its health endpoint. */
    /**
     * The test class path without Axon's test fixtures: they register parameter resolvers through the
     * service loader that the packaged service does not have, and once hid a service that could not start.
     */
    private static String serviceClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("axon-test-"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    public static ServiceProcess start(Path dataDir, String... arguments) throws IOException, InterruptedException {
        int port = freePort();
        Path log = Files.createTempFile(dataDir.getParent(), "service", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Daxoniq.update-checker.disabled=true",
                "-cp", serviceClassPath(),
                TrackerApplication.class.getName(),
                "--server.port=" + port, "--tracker.data-dir=" + dataDir, "--logging.level.root=warn"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServiceProcess service = new ServiceProcess(process, port, log, dataDir);
        service.awaitHealthy();
        return service;
    }

    /** The Authorization header of the service's first administrator. */
    public String authorization() {
        if (authorization == null) {
            authorization = TrackerTestSupport.basic(TrackerTestSupport.ADMIN, TrackerTestSupport.adminPassword(dataDir));
        }
        return authorization;
    }

    /** The file the service's output goes to. */
    public Path log() {
        return log;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Kills the process with SIGKILL, as a crash or the kernel's OOM killer would, and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the service did not die within 30 s");
        }
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + START_BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service stopped while starting:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // the port opens late in the start-up; ask again below
            }
            // Bounded polling of a separate process: it offers nothing to wait on but its port.
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
        kill();
        throw new IllegalStateException("the service did not start within " + START_BOUND + ":\n"
                + Files.readString(log));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
