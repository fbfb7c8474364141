package io.sartracker.service.notice;

import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.service.contract.ApiContract;
import io.sartracker.service.contract.Refusals;
import io.sartracker.service.security.Recorder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** The signed-in user's own notice subscriptions and the log of their notices; nobody sees another's. */
@RestController
@Tag(name = ApiContract.NOTICES)
public class NoticeController {
    /** The log answers at most this many notices, the most recent. */
    static final int LOG_LIMIT = 200;

    private final NoticeSubscriptions subscriptions;
    private final NoticeOutbox outbox;

    public NoticeController(NoticeSubscriptions subscriptions, NoticeOutbox outbox) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
    }

    /** A subscription as listed: the webhook's secret is never shown again after its creation. */
    public record SubscriptionView(String subscriptionId, NoticeKind kind, Integer daysBefore, NoticeChannel channel,
                                   String target, Instant createdAt) {
        static SubscriptionView of(NoticeSubscriptions.Subscription s) {
            return new SubscriptionView(s.subscriptionId(), s.kind(), s.daysBefore(), s.channel(), s.target(),
                    s.createdAt());
        }
    }

    /** A subscription just created; for a webhook, {@code secret} signs its notices and is shown this once. */
    public record CreatedSubscription(String subscriptionId, NoticeKind kind, Integer daysBefore, NoticeChannel channel,
                                      String target, Instant createdAt, String secret) {
    }

    public record Subscriptions(List<SubscriptionView> items) {
    }

    public record Deliveries(List<NoticeOutbox.NoticeLog> items) {
    }

    @Operation(operationId = "createNoticeSubscription", summary = "Be told of something, by e-mail or webhook",
            description = "kind: WINDOW_OPENS, WINDOW_CLOSING (daysBefore: told when the last day is at most that many"
                    + " days away), AWAITING_HEIR or REGISTRATION_DUE (daysBefore the deadline). channel: EMAIL to the"
                    + " address in target, or WEBHOOK to the http(s) URL in target; a webhook's answer carries the"
                    + " secret that signs its notices (X-Tracker-Signature), shown this once. Each notice is sent once.")
    @ApiResponse(responseCode = "201", description = "Subscribed; its address in Location", useReturnTypeSchema = true)
    @PostMapping("/me/notice-subscriptions")
    public ResponseEntity<CreatedSubscription> create(@RequestBody NoticeRequest request) {
        NoticeSubscriptions.Subscription created = subscriptions.create(Recorder.current().name(), request);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/me/notice-subscriptions/" + created.subscriptionId()))
                .body(new CreatedSubscription(created.subscriptionId(), created.kind(), created.daysBefore(),
                        created.channel(), created.target(), created.createdAt(), created.secret()));
    }

    @Operation(operationId = "noticeSubscriptions", summary = "Your notice subscriptions",
            description = "Oldest first, without the webhooks' secrets.")
    @GetMapping("/me/notice-subscriptions")
    public Subscriptions list() {
        return new Subscriptions(subscriptions.of(Recorder.current().name()).stream().map(SubscriptionView::of).toList());
    }

    @Operation(operationId = "deleteNoticeSubscription", summary = "Stop a notice subscription",
            description = "Nothing more is planned or sent for it; the log of what was sent stays.")
    @ApiResponse(responseCode = "204", description = "Stopped")
    @Refusals(RuleCode.UNKNOWN_NOTICE_SUBSCRIPTION)
    @DeleteMapping("/me/notice-subscriptions/{subscriptionId}")
    public ResponseEntity<Void> delete(@PathVariable String subscriptionId) {
        subscriptions.delete(Recorder.current().name(), subscriptionId);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "noticeDeliveries", summary = "The log of your notices",
            description = "Your most recent " + LOG_LIMIT + " notices, newest first: what each says, its status"
                    + " (PENDING with its next attempt, SENT, FAILED, CANCELLED) and every attempt to deliver it with"
                    + " its time, outcome, the receiver's HTTP status and the error.")
    @GetMapping("/me/notice-deliveries")
    public Deliveries deliveries() {
        return new Deliveries(outbox.logOf(Recorder.current().name(), LOG_LIMIT));
    }
}
