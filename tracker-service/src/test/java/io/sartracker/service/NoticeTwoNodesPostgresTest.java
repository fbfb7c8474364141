package io.sartracker.service;

import io.sartracker.service.NoticeTestSupport.MovableClock;
import io.sartracker.service.NoticeTestSupport.Received;
import io.sartracker.service.NoticeTestSupport.WebhookReceiver;
import io.sartracker.service.notice.NoticeChannel;
import io.sartracker.service.notice.NoticeDispatcher;
import io.sartracker.service.notice.NoticeKind;
import io.sartracker.service.notice.NoticePlanner;
import io.sartracker.service.notice.NoticeRequest;
import io.sartracker.service.notice.NoticeSubscriptions;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToIntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one PostgreSQL database plan and dispatch at the same moments: each notice is planned once (the
 * outbox's unique occurrence) and sent once (the lease's conditional update). A notice claimed by a node that
 * then died is sent by another once the lease has run out, with the same notice identifier.
 */
class NoticeTwoNodesPostgresTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final int HOLDERS = 6;

    @Test
    void twoNodesPlanAndSendEachNoticeOnce() {
        String url = TestPostgres.newDatabase("notices_two_nodes");
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, TestPostgres.USER, TestPostgres.PASSWORD));
        Path dataDir = TrackerTestSupport.freshDataDir("notices-two-nodes");
        MovableClock clock = new MovableClock(ZonedDateTime.of(TODAY.atTime(9, 0), ZoneId.of("Asia/Tokyo")).toInstant());
        String[] settings = {"--tracker.notices.plan-interval=PT1H", "--tracker.notices.dispatch-interval=PT1H",
                "--tracker.notices.lease=PT1M", "--tracker.notices.webhook-timeout=PT5S"};
        try (WebhookReceiver receiver = new WebhookReceiver(0);
             InProcessNode a = InProcessNode.start("notices-a", url, dataDir, clock, settings);
             InProcessNode b = InProcessNode.start("notices-b", url, dataDir, clock, settings)) {
            assertThat(a.post("/series", TrackerTestSupport.issueSeriesBody("NT2-1", "NT2-CO")).statusCode()).isEqualTo(201);
            for (int h = 0; h < HOLDERS; h++) {
                InProcessNode node = h % 2 == 0 ? a : b;
                assertThat(node.post("/series/NT2-1/allotments", "{\"holderId\":\"H" + h + "\",\"role\":\"DIRECTOR\","
                        + "\"rights\":3,\"allotmentDate\":\"2015-07-13\"}").statusCode()).isEqualTo(201);
                assertThat(node.post("/issuers/NT2-CO/departures", "{\"holderId\":\"H" + h + "\",\"departureDate\":\""
                        + TODAY.minusDays(3) + "\",\"reason\":\"RETIREMENT\"}").statusCode()).isEqualTo(201);
            }
            NoticeSubscriptions subscriptions = a.context().getBean(NoticeSubscriptions.class);
            subscriptions.create("admin", new NoticeRequest(NoticeKind.WINDOW_OPENS, null, NoticeChannel.WEBHOOK,
                    receiver.url()));

            await("six windows planned by the two nodes at once").atMost(Duration.ofSeconds(60)).until(() -> {
                both(a, b, node -> node.context().getBean(NoticePlanner.class).plan());
                return outboxRows(jdbc) == HOLDERS;
            });
            assertThat(both(a, b, node -> node.context().getBean(NoticePlanner.class).plan())).isZero();
            assertThat(both(a, b, node -> node.context().getBean(NoticeDispatcher.class).dispatch()))
                    .as("one attempt per notice across both nodes").isEqualTo(HOLDERS);
            assertThat(receiver.received).hasSize(HOLDERS);
            assertThat(receiver.received.stream().map(Received::noticeId).distinct()).hasSize(HOLDERS);

            // a second subscription; one of its notices is claimed by a node that dies before marking it
            subscriptions.create("admin", new NoticeRequest(NoticeKind.WINDOW_CLOSING, 10, NoticeChannel.WEBHOOK,
                    receiver.url()));
            assertThat(both(a, b, node -> node.context().getBean(NoticePlanner.class).plan())).isEqualTo(HOLDERS);
            String abandoned = jdbc.queryForObject("select min(notice_id) from notice_outbox where status = 'PENDING'",
                    String.class);
            jdbc.update("update notice_outbox set lease_owner = 'notices-dead/1', lease_until = ? where notice_id = ?",
                    Timestamp.from(clock.instant().plus(Duration.ofMinutes(1))), abandoned);
            assertThat(both(a, b, node -> node.context().getBean(NoticeDispatcher.class).dispatch()))
                    .as("the claimed one waits for its lease").isEqualTo(HOLDERS - 1);
            assertThat(receiver.received.stream().map(Received::noticeId)).doesNotContain(abandoned);
            clock.advance(Duration.ofMinutes(2));
            assertThat(both(a, b, node -> node.context().getBean(NoticeDispatcher.class).dispatch())).isEqualTo(1);
            assertThat(receiver.received).hasSize(2 * HOLDERS);
            assertThat(receiver.received.stream().map(Received::noticeId).distinct()).hasSize(2 * HOLDERS);
            assertThat(receiver.received.stream().filter(r -> r.noticeId().equals(abandoned))).hasSize(1);
            assertThat(jdbc.queryForObject("select count(*) from notice_outbox where status = 'SENT'", Integer.class))
                    .isEqualTo(2 * HOLDERS);
        }
    }

    /** Runs the step on both nodes at the same moment; answers the sum of what they answer. */
    private static int both(InProcessNode a, InProcessNode b, ToIntFunction<InProcessNode> step) {
        CompletableFuture<Integer> onA = CompletableFuture.supplyAsync(() -> step.applyAsInt(a));
        CompletableFuture<Integer> onB = CompletableFuture.supplyAsync(() -> step.applyAsInt(b));
        return onA.join() + onB.join();
    }

    private static int outboxRows(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from notice_outbox", Integer.class);
    }
}
