package io.sartracker.service.notice;

import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** The rows of {@code notice_subscription}: each user's own, created, listed and deleted by that user only. */
@Component
public class NoticeSubscriptions {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    NoticeSubscriptions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A subscription; {@code secret} (a webhook's) is read only by the dispatcher and shown once, at creation. */
    public record Subscription(String subscriptionId, String username, NoticeKind kind, Integer daysBefore,
                               NoticeChannel channel, String target, String secret, Instant createdAt) {
    }

    public Subscription create(String username, NoticeRequest request) {
        String secret = request.channel() == NoticeChannel.WEBHOOK ? HexFormat.of().formatHex(randomBytes()) : null;
        Subscription created = new Subscription(UUID.randomUUID().toString(), username, request.kind(),
                request.daysBefore(), request.channel(), request.target(), secret, clock.instant());
        jdbc.update("insert into notice_subscription (subscription_id, username, kind, days_before, channel, target,"
                        + " secret, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)", created.subscriptionId(), username,
                created.kind().name(), created.daysBefore(), created.channel().name(), created.target(), secret,
                Timestamp.from(created.createdAt()));
        return created;
    }

    /** The user's subscriptions not deleted, oldest first. */
    public List<Subscription> of(String username) {
        return jdbc.query("select * from notice_subscription where username = ? and deleted_at is null"
                + " order by created_at, subscription_id", ROW, username);
    }

    /** Every subscription not deleted: what the planner plans for. */
    List<Subscription> active() {
        return jdbc.query("select * from notice_subscription where deleted_at is null order by created_at", ROW);
    }

    /**
     * Deletes one of the user's subscriptions: nothing more is planned or sent for it; its log stays. Another
     * user's subscription is answered as unknown, so that its existence is not told.
     */
    public void delete(String username, String subscriptionId) {
        int deleted = jdbc.update("update notice_subscription set deleted_at = ? where subscription_id = ?"
                + " and username = ? and deleted_at is null", Timestamp.from(clock.instant()), subscriptionId, username);
        if (deleted == 0) {
            throw RuleViolation.of(RuleCode.UNKNOWN_NOTICE_SUBSCRIPTION, "You have no notice subscription with this"
                    + " identifier; GET /me/notice-subscriptions lists yours.", "subscriptionId", subscriptionId);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static final RowMapper<Subscription> ROW = (rs, n) -> new Subscription(rs.getString("subscription_id"),
            rs.getString("username"), NoticeKind.valueOf(rs.getString("kind")),
            (Integer) rs.getObject("days_before", Integer.class), NoticeChannel.valueOf(rs.getString("channel")),
            rs.getString("target"), rs.getString("secret"), rs.getTimestamp("created_at").toInstant());
}
