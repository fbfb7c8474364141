package io.sartracker.service.web;

import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import io.sartracker.service.web.IdempotencyStore.StoredAnswer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import io.sartracker.service.durability.DurableAnswers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Safe retries: a command sent with an {@code Idempotency-Key} is recorded once. The key, a hash of
 * the request (method, path, body) and the first answer are stored in the transaction of the
 * command's events (see {@link IdempotencyInterceptor}); a retry with the same key and request gets
 * that answer again, with {@code Idempotency-Replayed: true}, and records nothing; the same key with
 * another request is refused ({@link RuleCode#IDEMPOTENCY_KEY_REUSED}). A rejected command stores
 * nothing, its key included: a retry of it is judged anew, which is safe because nothing was recorded.
 * Keys are kept for {@code tracker.idempotency.retention}, then purged.
 */
@Component
public class Idempotency {
    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";
    static final int MAX_KEY_LENGTH = 128;
    /** Command metadata carrying the key and its request to {@link IdempotencyInterceptor}. */
    static final String KEY_METADATA = "idempotencyKey";
    static final String HASH_METADATA = "idempotencyRequestHash";
    static final String METHOD_METADATA = "idempotencyMethod";
    static final String PATH_METADATA = "idempotencyPath";
    /** Request attribute holding the body bytes, kept by {@link IdempotencyFilter}. */
    static final String BODY_ATTRIBUTE = Idempotency.class.getName() + ".body";

    private final IdempotencyStore store;
    private final Clock clock;
    private final Duration retention;
    private final DurableAnswers durable;

    public Idempotency(IdempotencyStore store, Clock clock,
                       @Value("${tracker.idempotency.retention}") Duration retention,
                       DurableAnswers durable) {
        if (retention.isNegative()) {
            throw new IllegalArgumentException("tracker.idempotency.retention must not be negative");
        }
        this.store = store;
        this.clock = clock;
        this.retention = retention;
        this.durable = durable;
    }

    /** A request carrying an Idempotency-Key. */
    public record KeyedRequest(String key, String hash, String method, String path) {
    }

    /** The first answer to a request with the same key is given again: it is not an error. */
    public static class AlreadyAnswered extends RuntimeException {
        private final transient StoredAnswer answer;

        AlreadyAnswered(StoredAnswer answer) {
            super(null, null, false, false);
            this.answer = answer;
        }

        public StoredAnswer answer() {
            return answer;
        }
    }

    /** Another transaction holds (or has just committed) the key: nothing of this command was recorded. */
    static class KeyTaken extends RuntimeException {
        KeyTaken(String key, Throwable cause) {
            super("Idempotency-Key " + key + " is taken by another request", cause, false, false);
        }
    }

    /** The key and request of the HTTP request being handled, if it has an Idempotency-Key header. */
    public Optional<KeyedRequest> currentRequest() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Optional.empty();
        }
        HttpServletRequest request = attributes.getRequest();
        String key = request.getHeader(KEY_HEADER);
        if (key == null) {
            return Optional.empty();
        }
        requireValid(key);
        String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return Optional.of(new KeyedRequest(key, hash(request, path), request.getMethod(), path));
    }

    /** Answers again if the key has been answered: the same request gets the first answer, another is refused. */
    public void replayIfAnswered(KeyedRequest request) {
        store.find(request.key()).ifPresent(stored -> {
            if (!stored.requestHash().equals(request.hash())) {
                throw RuleViolation.of(RuleCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key " + request.key()
                                + " was used for another request (" + stored.method() + " " + stored.path()
                                + " with another body); use a new key for a new request.",
                        "idempotencyKey", request.key(), "firstMethod", stored.method(), "firstPath", stored.path());
            }
            // The first request may still be waiting for its commit to reach the disk: so does its replay.
            durable.confirm();
            throw new AlreadyAnswered(stored);
        });
    }

    /**
     * After a command failed on its key: the request that held the key has committed (answer it the
     * same) or is still running (ask for a retry).
     */
    void replayAfterKeyTaken(KeyedRequest request) {
        replayIfAnswered(request);
        throw RuleViolation.of(RuleCode.IDEMPOTENCY_KEY_IN_PROGRESS, "A request with Idempotency-Key "
                + request.key() + " is still being recorded; nothing was recorded for this one. Send it again"
                + " with the same key to get its answer.", "idempotencyKey", request.key());
    }

    /**
     * Stores the answer of a request that is recorded outside one command's transaction (the lapse
     * sweep). When a concurrent request with the key answered first, its answer is given instead.
     */
    public void remember(KeyedRequest request, int status, String body) {
        try {
            store.claim(request.key(), request.hash(), request.method(), request.path(), clock.instant());
            store.answer(request.key(), status, null, null, body);
        } catch (DuplicateKeyException e) {
            replayAfterKeyTaken(request);
        }
    }

    /** Forgets the keys older than the retention; a request with one of them is then a new request. */
    @Scheduled(fixedDelayString = "${tracker.idempotency.purge-interval}",
            initialDelayString = "${tracker.idempotency.purge-interval}")
    public int purgeExpired() {
        return store.purgeTakenBefore(clock.instant().minus(retention));
    }

    static void requireValid(String key) {
        boolean valid = !key.isEmpty() && key.length() <= MAX_KEY_LENGTH
                && key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
        if (!valid) {
            throw RuleViolation.of(RuleCode.INVALID_INPUT, "The Idempotency-Key header is 1 to " + MAX_KEY_LENGTH
                    + " printable ASCII characters without spaces, a UUID say.", "header", KEY_HEADER);
        }
    }

    private static String hash(HttpServletRequest request, String path) {
        MessageDigest digest = sha256();
        digest.update((request.getMethod() + "\n" + path + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            if (request.getAttribute(BODY_ATTRIBUTE) instanceof byte[] body) {
                digest.update(body);
            } else if (HttpMethod.POST.matches(request.getMethod()) && request.getContentType() != null
                    && request.getContentType().toLowerCase().startsWith("multipart/")) {
                // the parts, not the raw body: a client picks a new boundary on every send
                for (Part part : request.getParts()) {
                    digest.update((part.getName() + "\n" + part.getContentType() + "\n" + part.getSize() + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                    try (InputStream content = part.getInputStream()) {
                        digest.update(content.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (jakarta.servlet.ServletException e) {
            throw new IllegalArgumentException("The multipart body could not be read.", e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
