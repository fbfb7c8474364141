package io.sartracker.service;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A clock the notice tests move, a webhook receiver, the signature recomputed, and their common settings. */
final class NoticeTestSupport {
    private NoticeTestSupport() {
    }

    /** The notice tests' business date. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    /** The service's clock, standing at 09:00 in Tokyo on {@link #TODAY} until a test moves it. */
    @TestConfiguration
    static class StandingClock {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(ZonedDateTime.of(TODAY.atTime(9, 0), ZoneId.of("Asia/Tokyo")).toInstant());
        }
    }

    /** A fresh data folder, and planning and dispatching left to the test (the schedule only at start-up). */
    static void noticeSettings(DynamicPropertyRegistry registry, String dataDirName) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir(dataDirName)::toString);
        registry.add("tracker.security.bcrypt-strength", () -> "4");
        registry.add("tracker.notices.plan-interval", () -> "PT1H");
        registry.add("tracker.notices.dispatch-interval", () -> "PT1H");
        registry.add("tracker.notices.first-retry-after", () -> "PT1M");
    }

    static ResponseEntity<String> send(TestRestTemplate user, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return user.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    static void ok(ResponseEntity<String> answer, int status) {
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(status);
    }

    /** How many delivery attempts the dispatcher counted with the outcome (tracker.notices.attempts). */
    static double attempts(MeterRegistry meters, String channel, String outcome) {
        Counter counter = meters.find("tracker.notices.attempts").tags("channel", channel, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    /** A clock standing still until the test moves it. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Tokyo");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** One request the receiver got: its headers of interest, its body and what it answered. */
    record Received(String noticeId, String timestamp, String signature, String body, int answered) {
    }

    /** A webhook receiver that answers 500 to its first {@code failFirst} requests, 200 after. */
    static final class WebhookReceiver implements AutoCloseable {
        final List<Received> received = new CopyOnWriteArrayList<>();
        private final HttpServer server;
        private final AtomicInteger failuresLeft;

        WebhookReceiver(int failFirst) {
            failuresLeft = new AtomicInteger(failFirst);
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
                received.add(new Received(exchange.getRequestHeaders().getFirst("X-Tracker-Notice-Id"),
                        exchange.getRequestHeaders().getFirst("X-Tracker-Timestamp"),
                        exchange.getRequestHeaders().getFirst("X-Tracker-Signature"), body, status));
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        List<Received> delivered() {
            return received.stream().filter(r -> r.answered() == 200).toList();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** The signature as a receiver computes it, written here from the README's description. */
    static String expectedSignature(String secret, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }
}
