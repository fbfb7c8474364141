package io.sartracker.service.web;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The Idempotency-Keys of accepted commands with their first answers (table {@code idempotency_key}).
 * Writes join the caller's transaction: inside a command's unit of work, that is the transaction
 * that stores the command's events.
 */
@Component
public class IdempotencyStore {
    private final JdbcTemplate jdbc;

    public IdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The first answer given to a request with this key, and that request's hash. */
    public record StoredAnswer(String requestHash, String method, String path, int status, String location,
                               String etag, String body) {
    }

    /** The answered request with this key; a key whose first request is still running is not visible. */
    public Optional<StoredAnswer> find(String key) {
        return jdbc.query("select request_hash, method, path, status, location, etag, body from idempotency_key"
                                + " where idempotency_key = ? and status is not null",
                        (rs, n) -> new StoredAnswer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                                rs.getString(5), rs.getString(6), rs.getString(7)), key)
                .stream().findFirst();
    }

    /**
     * Takes the key for a request about to run. A concurrent transaction holding the same key makes
     * this wait until it ends, and then fail with a duplicate key if it committed.
     */
    public void claim(String key, String requestHash, String method, String path, Instant now) {
        jdbc.update("insert into idempotency_key (idempotency_key, request_hash, method, path, created_at)"
                + " values (?, ?, ?, ?, ?)", key, requestHash, method, path, utc(now));
    }

    /** Stores the answer of the request that claimed the key. */
    public void answer(String key, int status, String location, String etag, String body) {
        jdbc.update("update idempotency_key set status = ?, location = ?, etag = ?, body = ? where idempotency_key = ?",
                status, location, etag, body, key);
    }

    /** Forgets the keys taken before the instant; a request with one of them is then new. */
    public int purgeTakenBefore(Instant cutoff) {
        return jdbc.update("delete from idempotency_key where created_at < ?", utc(cutoff));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
