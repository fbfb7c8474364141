package io.sartracker.service.notice;

import io.micrometer.core.instrument.MeterRegistry;
import io.sartracker.service.cluster.TrackerNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Sends the planned notices that are due. Each is claimed first, by a conditional update of its lease, so that
 * of several nodes (or threads) exactly one sends it; the attempt is logged and the notice marked SENT, or
 * retried later with a doubling wait, or FAILED after {@code tracker.notices.max-attempts}. A node that dies
 * between sending and marking leaves its lease to run out, and the notice is sent again with the same
 * identifier ({@code X-Tracker-Notice-Id}, the e-mail's Message-ID) for the receiver to drop as a duplicate.
 * A notice whose fact is no longer so when it is to be sent (its window closed by an exercise, its registration
 * filed) is cancelled instead. Each attempt is counted as {@code tracker.notices.attempts{channel, outcome}}:
 * delivered, retry (failed, tried again later), failed (for good), cancelled (its subscription stopped) or
 * stale (no longer so).
 */
@Component
public class NoticeDispatcher {
    private static final Logger log = LoggerFactory.getLogger(NoticeDispatcher.class);
    private static final int BATCH = 100;

    private final NoticeOutbox outbox;
    private final EmailNotices email;
    private final WebhookNotices webhooks;
    private final NoticeSettings settings;
    private final TrackerNode node;
    private final Clock clock;
    private final MeterRegistry meters;
    private final NoticePlanner planner;

    NoticeDispatcher(NoticeOutbox outbox, EmailNotices email, WebhookNotices webhooks, NoticeSettings settings,
                     TrackerNode node, Clock clock, MeterRegistry meters, NoticePlanner planner) {
        this.outbox = outbox;
        this.email = email;
        this.webhooks = webhooks;
        this.settings = settings;
        this.node = node;
        this.clock = clock;
        this.meters = meters;
        this.planner = planner;
    }

    /** Sends what is due now; answers how many attempts this call made. */
    public int dispatch() {
        if (!node.takesCommands()) {
            return 0;
        }
        int attempts = 0;
        Predicate<Notice> stillSo = planner.stillSoToday();
        for (String noticeId : outbox.due(clock.instant(), BATCH)) {
            Instant now = clock.instant();
            Optional<NoticeOutbox.Claimed> claimed = outbox.claim(noticeId, node.id(), now, now.plus(settings.lease()));
            if (claimed.isPresent()) {
                send(claimed.get(), stillSo);
                attempts++;
            }
        }
        return attempts;
    }

    private void send(NoticeOutbox.Claimed claimed, Predicate<Notice> stillSo) {
        if (claimed.subscriptionDeleted()) {
            outbox.cancel(claimed);
            count(claimed.subscription().channel(), "cancelled");
            return;
        }
        if (!stillSo.test(claimed.notice())) {
            outbox.cancel(claimed);
            count(claimed.subscription().channel(), "stale");
            log.info("Notice {} ({}) cancelled: what it tells of is no longer so", claimed.noticeId(),
                    claimed.notice().kind());
            return;
        }
        NoticeSubscriptions.Subscription to = claimed.subscription();
        Delivery delivery;
        try {
            delivery = to.channel() == NoticeChannel.EMAIL ? email.send(claimed.notice(), to.target())
                    : webhooks.send(claimed.notice(), to.target(), to.secret());
        } catch (RuntimeException e) {
            delivery = Delivery.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        Instant now = clock.instant();
        int attempt = claimed.attempts() + 1;
        if (delivery.delivered()) {
            outbox.settle(claimed, NoticeOutbox.SENT, now, now, delivery, node.id());
            count(to.channel(), "delivered");
        } else if (attempt >= settings.maxAttempts()) {
            outbox.settle(claimed, NoticeOutbox.FAILED, now, now, delivery, node.id());
            count(to.channel(), "failed");
            log.warn("Notice {} ({} by {}) failed for good after {} attempts: {}", claimed.noticeId(),
                    claimed.notice().kind(), to.channel(), attempt, delivery.error());
        } else {
            outbox.settle(claimed, NoticeOutbox.PENDING, now.plus(settings.retryAfter(attempt)), now, delivery, node.id());
            count(to.channel(), "retry");
            log.info("Notice {} ({} by {}) attempt {} failed, retried later: {}", claimed.noticeId(),
                    claimed.notice().kind(), to.channel(), attempt, delivery.error());
        }
    }

    private void count(NoticeChannel channel, String outcome) {
        meters.counter("tracker.notices.attempts", "channel", channel.name(), "outcome", outcome).increment();
    }
}
