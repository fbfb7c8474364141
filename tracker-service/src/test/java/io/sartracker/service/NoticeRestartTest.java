package io.sartracker.service;

import io.sartracker.kernel.command.RecordDepartureFromOffice;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.service.NoticeTestSupport.MovableClock;
import io.sartracker.service.NoticeTestSupport.Received;
import io.sartracker.service.NoticeTestSupport.WebhookReceiver;
import io.sartracker.service.notice.NoticeChannel;
import io.sartracker.service.notice.NoticeDispatcher;
import io.sartracker.service.notice.NoticeKind;
import io.sartracker.service.notice.NoticePlanner;
import io.sartracker.service.notice.NoticeRequest;
import io.sartracker.service.notice.NoticeSubscriptions;
import io.sartracker.service.reference.ReferenceHistory;
import io.sartracker.service.web.CommandSender;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No notice is sent twice across a restart: a service plans and sends one notice and plans a second, stops; a
 * second service on the same H2 file plans and dispatches again at its start-up and when asked: the first is
 * not sent again, the second is sent once, by the second service.
 */
class NoticeRestartTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private final Path dataDir = TrackerTestSupport.freshDataDir("notice-restart");
    private final MovableClock clock = new MovableClock(ZonedDateTime.of(TODAY.atTime(9, 0),
            ZoneId.of("Asia/Tokyo")).toInstant());

    @Test
    void aRestartedServiceSendsNothingTwice() {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            try (ConfigurableApplicationContext first = start("notice-first")) {
                // D02 leaves office: his window is 11-23..12-02
                first.getBean(CommandSender.class).send(new RecordDepartureFromOffice(ReferenceHistory.ISSUER,
                        ReferenceHistory.director(2), TODAY.minusDays(3), DepartureReason.RESIGNATION),
                        TrackerTestSupport.recorder("alice"));
                NoticeSubscriptions subscriptions = first.getBean(NoticeSubscriptions.class);
                subscriptions.create("admin", new NoticeRequest(NoticeKind.WINDOW_OPENS, null, NoticeChannel.WEBHOOK,
                        receiver.url()));
                NoticePlanner planner = first.getBean(NoticePlanner.class);
                await("the open window planned").atMost(Duration.ofSeconds(30))
                        .until(() -> {
                            planner.plan();
                            return outboxRows(first) == 1;
                        });
                assertThat(first.getBean(NoticeDispatcher.class).dispatch()).isEqualTo(1);
                assertThat(receiver.delivered()).hasSize(1);

                // planned, not sent before the service stops
                subscriptions.create("admin", new NoticeRequest(NoticeKind.WINDOW_CLOSING, 10, NoticeChannel.WEBHOOK,
                        receiver.url()));
                assertThat(planner.plan()).isEqualTo(1);
            }

            try (ConfigurableApplicationContext second = start("notice-second")) {
                // its start-up planned and dispatched: the one left is sent, the one sent is not sent again
                assertThat(receiver.received).hasSize(2);
                assertThat(second.getBean(NoticePlanner.class).plan()).isZero();
                assertThat(second.getBean(NoticeDispatcher.class).dispatch()).isZero();
                clock.advance(Duration.ofDays(1));
                assertThat(second.getBean(NoticePlanner.class).plan()).as("a new day: the same window, nothing new")
                        .isZero();
                assertThat(second.getBean(NoticeDispatcher.class).dispatch()).isZero();
                assertThat(receiver.received).hasSize(2);
                assertThat(receiver.received.stream().map(Received::noticeId).distinct()).hasSize(2);
                JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForList("select node_id from notice_delivery order by delivery_id", String.class))
                        .containsExactly("notice-first", "notice-second");
                assertThat(jdbc.queryForList("select status from notice_outbox", String.class))
                        .containsExactly("SENT", "SENT");
            }
        }
    }

    private static int outboxRows(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForObject("select count(*) from notice_outbox", Integer.class);
    }

    private ConfigurableApplicationContext start(String node) {
        return new SpringApplicationBuilder(TrackerApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean("testClock", Clock.class,
                        () -> clock, definition -> definition.setPrimary(true)))
                .run(List.of("--server.port=0", "--tracker.data-dir=" + dataDir, "--tracker.node.id=" + node,
                        "--tracker.load-reference-history=true", "--tracker.notices.plan-interval=PT1H",
                        "--tracker.notices.dispatch-interval=PT1H").toArray(String[]::new));
    }
}
