package io.sartracker.service;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.web.servlet.HandlerMapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Records every answer the service gives in any test with a web server: HTTP method, path, the
 * handler's pattern where Spring MVC matched one, and status, one line each, in the file named by
 * the system property {@code contract.answers} (set by the build; without it nothing is recorded).
 * {@link ContractCoverageCheck} reads the file after all tests to find every documented answer of the
 * API contract that no test produced.
 * <p>
 * The recorder is a Tomcat engine valve, added to every {@code @SpringBootTest} context by this
 * factory (registered in {@code META-INF/spring.factories}): it sees each request before any filter
 * and its final status after them, security's and the request limits' refusals included. The file
 * is emptied once per test JVM, when the factory is first loaded; surefire runs one JVM for all the
 * tests of the module.
 */
public final class AnswerRecorder implements ContextCustomizerFactory {
    static final String FILE_PROPERTY = "contract.answers";
    private static final FileChannel FILE = open();

    private static FileChannel open() {
        String name = System.getProperty(FILE_PROPERTY);
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            Path file = Path.of(name);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the file of recorded answers " + name, e);
        }
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return FILE == null ? null : new AddValve();
    }

    /** One line: method, path, the handler's pattern (or -), status; written whole, under a lock. */
    static void record(String method, String path, String pattern, int status) {
        byte[] line = (method + "\t" + path + "\t" + (pattern == null ? "-" : pattern) + "\t" + status + "\n")
                .getBytes(StandardCharsets.UTF_8);
        synchronized (AnswerRecorder.class) {
            try {
                FILE.write(ByteBuffer.wrap(line));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Equal to every other: it does not change which tests may share a cached context. */
    private static final class AddValve implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getBeanFactory().registerSingleton("contractAnswerRecorder", new AddToTomcat());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof AddValve;
        }

        @Override
        public int hashCode() {
            return AddValve.class.hashCode();
        }
    }

    private static final class AddToTomcat implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addEngineValves(new RecordingValve());
        }
    }

    private static final class RecordingValve extends ValveBase {
        RecordingValve() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            try {
                getNext().invoke(request, response);
            } finally {
                Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
                record(request.getMethod(), request.getRequestURI(), pattern instanceof String text
                        && !text.equals("/error") ? text : null, response.getStatus());
            }
        }
    }
}
