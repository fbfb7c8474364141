package io.sartracker.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.sartracker.service.NoticeTestSupport.MovableClock;
import io.sartracker.service.NoticeTestSupport.WebhookReceiver;
import io.sartracker.service.notice.NoticeDispatcher;
import io.sartracker.service.notice.NoticePlanner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.LocalDate;

import static io.sartracker.service.NoticeTestSupport.ok;
import static io.sartracker.service.NoticeTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A notice whose fact changed before it could be delivered is not sent: the window-open notice of a holder
 * whose webhook receiver failed the first time is cancelled once the holder has exercised every right (the
 * window no longer open) instead of being retried.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(NoticeTestSupport.StandingClock.class)
class StaleNoticeTest {
    static final LocalDate TODAY = NoticeTestSupport.TODAY;
    static final WebhookReceiver WEBHOOKS = new WebhookReceiver(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterAll
    static void stopReceiver() {
        WEBHOOKS.close();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        NoticeTestSupport.noticeSettings(registry, "stale-notices");
    }

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    Environment environment;
    @Autowired
    NoticePlanner planner;
    @Autowired
    NoticeDispatcher dispatcher;
    @Autowired
    MovableClock clock;
    @Autowired
    MeterRegistry meters;

    @Test
    void aWindowNoticeRetriedAfterTheWindowClosedIsCancelled() throws Exception {
        TestRestTemplate admin = TrackerTestSupport.asAdmin(anonymous, environment);
        ok(send(admin, HttpMethod.POST, "/series", TrackerTestSupport.issueSeriesBody("ST-1", "ST-CO")), 201);
        ok(send(admin, HttpMethod.POST, "/series/ST-1/allotments", "{\"holderId\": \"H1\", \"role\": \"DIRECTOR\","
                + " \"rights\": 10, \"allotmentDate\": \"2015-07-13\"}"), 201);
        ok(send(admin, HttpMethod.POST, "/issuers/ST-CO/departures", "{\"holderId\": \"H1\", \"departureDate\": \""
                + TODAY.minusDays(3) + "\", \"reason\": \"RETIREMENT\"}"), 201);
        ok(send(admin, HttpMethod.POST, "/me/notice-subscriptions", "{\"kind\": \"WINDOW_OPENS\", \"channel\":"
                + " \"WEBHOOK\", \"target\": \"" + WEBHOOKS.url() + "\"}"), 201);

        await("the window's notice planned").atMost(Duration.ofSeconds(30)).until(() -> {
            planner.plan();
            return status(admin).equals("PENDING");
        });
        assertThat(dispatcher.dispatch()).isEqualTo(1);
        assertThat(WEBHOOKS.received).hasSize(1);
        assertThat(WEBHOOKS.received.get(0).answered()).as("the receiver fails the first time").isEqualTo(500);

        // every right exercised before the retry: the window is no longer open
        ok(send(admin, HttpMethod.POST, "/series/ST-1/exercises", "{\"holderId\": \"H1\", \"rights\": 10,"
                + " \"exerciseDate\": \"" + TODAY + "\"}"), 201);
        await("the window closed in the views").atMost(Duration.ofSeconds(30)).until(() ->
                JSON.readTree(send(admin, HttpMethod.GET, "/windows", null).getBody()).path("total").asInt() == 0);
        double staleBefore = stale();
        clock.advance(Duration.ofMinutes(2));
        dispatcher.dispatch();

        assertThat(WEBHOOKS.received).as("not sent again").hasSize(1);
        assertThat(status(admin)).isEqualTo("CANCELLED");
        assertThat(stale() - staleBefore).isEqualTo(1);
        assertThat(dispatcher.dispatch()).as("nothing left to send").isZero();
    }

    private String status(TestRestTemplate user) throws Exception {
        JsonNode log = JSON.readTree(send(user, HttpMethod.GET, "/me/notice-deliveries", null).getBody());
        return log.path("items").size() == 1 ? log.path("items").get(0).path("status").asText() : "";
    }

    private double stale() {
        return NoticeTestSupport.attempts(meters, "WEBHOOK", "stale");
    }
}
