package io.sartracker.service.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The rows of {@code notice_outbox} and {@code notice_delivery}. Every statement commits on its own, so a
 * claim is visible to every node as soon as it is made; the conditional updates are what keeps two
 * dispatchers (two nodes, or two threads) from sending one notice at once.
 */
@Component
class NoticeOutbox {
    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";
    static final String CANCELLED = "CANCELLED";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    NoticeOutbox(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A notice claimed for sending, with the subscription it goes to. */
    record Claimed(String noticeId, int attempts, Notice notice, NoticeSubscriptions.Subscription subscription,
                   boolean subscriptionDeleted, String claim) {
    }

    /**
     * Plans the notice for the subscription unless one with the same occurrence is planned already (by this
     * node, another, or before a restart): the unique key decides. Answers whether this call planned it.
     */
    boolean planOnce(String subscriptionId, String occurrenceKey, Notice notice, Instant now) {
        String noticeId = UUID.randomUUID().toString();
        try {
            return jdbc.update("insert into notice_outbox (notice_id, subscription_id, occurrence_key, payload, status,"
                            + " attempts, next_attempt_at, planned_at) select ?, ?, ?, ?, 'PENDING', 0, ?, ? from"
                            + " notice_subscription where subscription_id = ? and not exists (select 1 from notice_outbox"
                            + " where subscription_id = ? and occurrence_key = ?)", noticeId, subscriptionId,
                    occurrenceKey, write(notice.withId(noticeId)), Timestamp.from(now), Timestamp.from(now),
                    subscriptionId, subscriptionId, occurrenceKey) == 1;
        } catch (DuplicateKeyException planned) {
            // another node planned it between the look and the insert
            return false;
        }
    }

    /** Notices due to be sent now whose lease, if any, has run out: candidates to claim. */
    List<String> due(Instant now, int limit) {
        return jdbc.query("select notice_id from notice_outbox where status = 'PENDING' and next_attempt_at <= ?"
                        + " and (lease_until is null or lease_until < ?) order by next_attempt_at, notice_id limit ?",
                (rs, n) -> rs.getString(1), Timestamp.from(now), Timestamp.from(now), limit);
    }

    /**
     * Claims the notice until {@code leaseUntil}, if it is still pending and nobody holds a lease on it: of
     * several dispatchers, one gets it. Its claim (a fresh token) is what marking it later must name.
     */
    Optional<Claimed> claim(String noticeId, String node, Instant now, Instant leaseUntil) {
        String claim = node + "/" + UUID.randomUUID();
        int claimed = jdbc.update("update notice_outbox set lease_owner = ?, lease_until = ? where notice_id = ?"
                        + " and status = 'PENDING' and next_attempt_at <= ? and (lease_until is null or lease_until < ?)",
                claim, Timestamp.from(leaseUntil), noticeId, Timestamp.from(now), Timestamp.from(now));
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.query("select o.attempts, o.payload, s.* from notice_outbox o join notice_subscription s on"
                + " s.subscription_id = o.subscription_id where o.notice_id = ?", (rs, n) -> new Claimed(noticeId,
                rs.getInt("attempts"), read(rs.getString("payload")), new NoticeSubscriptions.Subscription(
                rs.getString("subscription_id"), rs.getString("username"), NoticeKind.valueOf(rs.getString("kind")),
                (Integer) rs.getObject("days_before", Integer.class), NoticeChannel.valueOf(rs.getString("channel")),
                rs.getString("target"), rs.getString("secret"), rs.getTimestamp("created_at").toInstant()),
                rs.getTimestamp("deleted_at") != null, claim), noticeId).stream().findFirst();
    }

    /** Records the attempt and its outcome: SENT, or PENDING again at the next attempt, or FAILED for good. */
    void settle(Claimed claimed, String status, Instant nextAttemptAt, Instant now, Delivery delivery, String node) {
        int attempt = claimed.attempts() + 1;
        jdbc.update("update notice_outbox set status = ?, attempts = ?, next_attempt_at = ?, sent_at = ?,"
                        + " lease_owner = null, lease_until = null where notice_id = ? and lease_owner = ?", status, attempt,
                Timestamp.from(nextAttemptAt), SENT.equals(status) ? Timestamp.from(now) : null, claimed.noticeId(),
                claimed.claim());
        jdbc.update("insert into notice_delivery (notice_id, attempt, attempted_at, outcome, status_code, error, node_id)"
                        + " values (?, ?, ?, ?, ?, ?, ?)", claimed.noticeId(), attempt, Timestamp.from(now),
                delivery.delivered() ? "DELIVERED" : "FAILED", delivery.statusCode(), delivery.error(), node);
    }

    /** Nothing is sent: the subscription was stopped, or what the notice tells of is no longer so. */
    void cancel(Claimed claimed) {
        jdbc.update("update notice_outbox set status = 'CANCELLED', lease_owner = null, lease_until = null"
                + " where notice_id = ? and lease_owner = ?", claimed.noticeId(), claimed.claim());
    }

    /** One attempt in the log. */
    public record Attempt(int attempt, Instant attemptedAt, String outcome, Integer statusCode, String error, String node) {
    }

    /** A notice of the user's, with every attempt to deliver it. */
    public record NoticeLog(String noticeId, String subscriptionId, NoticeKind kind, NoticeChannel channel, String status,
                     Instant plannedAt, Instant sentAt, Instant nextAttemptAt, Notice notice, List<Attempt> attempts) {
    }

    /** The user's most recent notices, newest first, each with its attempts in order. */
    List<NoticeLog> logOf(String username, int limit) {
        Map<String, NoticeLog> notices = new LinkedHashMap<>();
        jdbc.query("select o.*, s.kind, s.channel from notice_outbox o join notice_subscription s on"
                + " s.subscription_id = o.subscription_id where s.username = ? order by o.planned_at desc,"
                + " o.notice_id limit ?", rs -> {
            String id = rs.getString("notice_id");
            Timestamp sent = rs.getTimestamp("sent_at");
            String status = rs.getString("status");
            notices.put(id, new NoticeLog(id, rs.getString("subscription_id"), NoticeKind.valueOf(rs.getString("kind")),
                    NoticeChannel.valueOf(rs.getString("channel")), status, rs.getTimestamp("planned_at").toInstant(),
                    sent == null ? null : sent.toInstant(),
                    PENDING.equals(status) ? rs.getTimestamp("next_attempt_at").toInstant() : null,
                    read(rs.getString("payload")), new ArrayList<>()));
        }, username, limit);
        if (!notices.isEmpty()) {
            new NamedParameterJdbcTemplate(jdbc).query("select * from notice_delivery where notice_id in (:ids)"
                    + " order by delivery_id", Map.of("ids", notices.keySet()), rs -> {
                notices.get(rs.getString("notice_id")).attempts().add(new Attempt(rs.getInt("attempt"),
                        rs.getTimestamp("attempted_at").toInstant(), rs.getString("outcome"),
                        (Integer) rs.getObject("status_code", Integer.class), rs.getString("error"),
                        rs.getString("node_id")));
            });
        }
        return List.copyOf(notices.values());
    }

    private String write(Notice notice) {
        try {
            return json.writeValueAsString(notice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notice could not be written as JSON", e);
        }
    }

    private Notice read(String payload) {
        try {
            return json.readValue(payload, Notice.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored notice could not be read", e);
        }
    }
}
