package io.sartracker.service.notice.calendar;

import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import io.sartracker.service.security.AccessPolicy;
import io.sartracker.service.security.UserAccounts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The users' calendar feeds (table {@code calendar_feed}, V23). The secret of a feed's address is 256 bits from
 * {@link SecureRandom}, URL-safe Base64; only its SHA-256 is stored, so it is answered once, when made.
 */
@Repository
public class CalendarFeeds {
    private static final int SECRET_BYTES = 32;
    /** What a secret looks like: anything else is no feed, without a look at the table. */
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final RowMapper<Feed> FEED = (row, n) -> new Feed(row.getString("username"),
            new FeedChoices(row.getBoolean("leaving_office_windows"), row.getBoolean("window_first_days"),
                    row.getBoolean("heir_windows"), row.getBoolean("registration_deadlines"),
                    row.getInt("reminder_days")),
            row.getObject("created_at", OffsetDateTime.class).toInstant(), row.getString("created_by"),
            row.getObject("changed_at", OffsetDateTime.class).toInstant());

    private final JdbcTemplate jdbc;
    private final UserAccounts accounts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CalendarFeeds(JdbcTemplate jdbc, UserAccounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A user's feed: what it holds, when its address was made and by whom; never its secret. */
    public record Feed(String username, FeedChoices choices, Instant createdAt, String createdBy, Instant changedAt) {
    }

    /** A feed just made, with the secret of its address, answered this once. */
    public record NewFeed(Feed feed, String secret) {
    }

    /** Makes the user's feed, or gives it a new address (the old one stops answering), with the choices given. */
    @Transactional
    public NewFeed issue(String username, FeedChoices.Request request, String by) {
        FeedChoices choices = request.over(find(username).map(Feed::choices).orElse(FeedChoices.DEFAULT));
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.update("delete from calendar_feed where username = ?", username);
        jdbc.update("insert into calendar_feed (username, token_sha256, leaving_office_windows, window_first_days,"
                        + " heir_windows, registration_deadlines, reminder_days, created_at, created_by, changed_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", username, sha256(secret),
                choices.leavingOfficeWindows(), choices.windowFirstDays(), choices.heirWindows(),
                choices.registrationDeadlines(), choices.reminderDays(), now, by, now);
        return new NewFeed(feed(username), secret);
    }

    public Optional<Feed> find(String username) {
        return jdbc.query("select * from calendar_feed where username = ?", FEED, username).stream().findFirst();
    }

    /** The user's feed, or NO_CALENDAR_FEED. */
    public Feed feed(String username) {
        return find(username).orElseThrow(CalendarFeeds::none);
    }

    @Transactional
    public Feed choose(String username, FeedChoices.Request request) {
        FeedChoices choices = request.over(feed(username).choices());
        jdbc.update("update calendar_feed set leaving_office_windows = ?, window_first_days = ?, heir_windows = ?,"
                        + " registration_deadlines = ?, reminder_days = ?, changed_at = ? where username = ?",
                choices.leavingOfficeWindows(), choices.windowFirstDays(), choices.heirWindows(),
                choices.registrationDeadlines(), choices.reminderDays(), clock.instant().atOffset(ZoneOffset.UTC), username);
        return feed(username);
    }

    public void delete(String username) {
        if (jdbc.update("delete from calendar_feed where username = ?", username) == 0) {
            throw none();
        }
    }

    /**
     * The feed whose address holds the secret, or NO_CALENDAR_FEED, which names nothing of what was asked. A feed
     * whose owner, a user of the tracker's own database, was disabled or no longer reads windows answers the same:
     * the address must not outlive its owner's access. (A user of the identity provider has no row to look at.)
     */
    public Feed bySecret(String secret) {
        if (secret == null || !SECRET.matcher(secret).matches()) {
            throw none();
        }
        Feed feed = jdbc.query("select * from calendar_feed where token_sha256 = ?", FEED, sha256(secret)).stream()
                .findFirst().orElseThrow(CalendarFeeds::none);
        if (!ownerMayRead(feed.username())) {
            throw none();
        }
        return feed;
    }

    private boolean ownerMayRead(String username) {
        try {
            UserAccounts.Account owner = accounts.account(username);
            return owner.enabled() && owner.roles().stream().anyMatch(AccessPolicy.rolesFor("GET", "/windows")::contains);
        } catch (RuleViolation unknownUser) {
            return unknownUser.code() == RuleCode.UNKNOWN_USER;
        }
    }

    private static RuleViolation none() {
        return RuleViolation.of(RuleCode.NO_CALENDAR_FEED, "There is no calendar feed here: it was never made, was"
                + " deleted, or its address was replaced by a new one. Make one on the calendar page (or POST"
                + " /me/calendar-feed), or ask its owner for the current address.");
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
