package io.sartracker.service.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Sends a notice as a JSON POST, signed: {@code X-Tracker-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "."
 * + body)>} with {@code X-Tracker-Timestamp} (seconds since the epoch) and {@code X-Tracker-Notice-Id}. Any 2xx
 * is delivered; anything else, or no answer within the timeout, is a failed attempt. Redirects are not followed.
 */
@Component
class WebhookNotices {
    static final String NOTICE_ID = "X-Tracker-Notice-Id";
    static final String TIMESTAMP = "X-Tracker-Timestamp";
    static final String SIGNATURE = "X-Tracker-Signature";

    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private final NoticeSettings settings;

    WebhookNotices(ObjectMapper json, Clock clock, NoticeSettings settings) {
        this.json = json;
        this.clock = clock;
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Delivery send(Notice notice, String url, String secret) {
        String body;
        try {
            body = json.writeValueAsString(notice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notice could not be written as JSON", e);
        }
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.webhookTimeout())
                .header("Content-Type", "application/json").header(NOTICE_ID, notice.noticeId())
                .header(TIMESTAMP, timestamp).header(SIGNATURE, signature(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = answer.statusCode();
            return status / 100 == 2 ? Delivery.delivered(status)
                    : Delivery.failed(status, "the receiver answered HTTP " + status);
        } catch (IOException e) {
            return Delivery.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.failed(null, "interrupted while sending");
        }
    }

    /** {@code v1=} and the hex HMAC-SHA256, keyed by the subscription's secret, of timestamp, ".", body. */
    static String signature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
