package io.sartracker.service.notice;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code tracker.notices.*}: how often notices are planned and sent, how failures are retried, where the
 * e-mails come from and what the links in a notice point to.
 */
@ConfigurationProperties("tracker.notices")
public record NoticeSettings(Duration planInterval, Duration dispatchInterval, int maxAttempts, Duration firstRetryAfter,
                             Duration lease, Duration webhookTimeout, String fromAddress, String baseUrl) {
    public NoticeSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("tracker.notices.max-attempts is at least 1");
        }
        if (lease.compareTo(webhookTimeout.multipliedBy(2)) < 0) {
            // a lease shorter than a send could run out while the send is still under way: a second node would resend
            throw new IllegalArgumentException("tracker.notices.lease must be at least twice tracker.notices.webhook-timeout");
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The wait before the next attempt after {@code attempts} failed ones: doubling from the first retry's. */
    Duration retryAfter(int attempts) {
        return firstRetryAfter.multipliedBy(1L << Math.min(attempts - 1, 20));
    }
}
