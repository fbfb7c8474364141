package io.sartracker.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.sartracker.service.NoticeTestSupport.MovableClock;
import io.sartracker.service.NoticeTestSupport.Received;
import io.sartracker.service.NoticeTestSupport.WebhookReceiver;
import io.sartracker.service.notice.NoticeDispatcher;
import io.sartracker.service.notice.NoticePlanner;
import io.sartracker.service.notice.RegistrationDeadlines;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static io.sartracker.service.NoticeTestSupport.ok;
import static io.sartracker.service.NoticeTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notices end to end on one service: facts recorded over HTTP, subscriptions of each kind, the planner and the
 * dispatcher driven through their beans on a clock the test moves. E-mails are received by GreenMail, webhooks
 * by an HTTP server of the test that recomputes each signature and answers its first request 500: retried,
 * logged twice, delivered once. Four dispatchers racing on the same rows send each notice once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoticeDeliveryTest {
    static final LocalDate TODAY = NoticeTestSupport.TODAY;
    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static final WebhookReceiver WEBHOOKS = new WebhookReceiver(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        SMTP.start();
    }

    @AfterAll
    static void stopServers() {
        SMTP.stop();
        WEBHOOKS.close();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        NoticeTestSupport.noticeSettings(registry, "notices");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("tracker.notices.from-address", () -> "sar-tracker@example.co.jp");
        registry.add("tracker.notices.base-url", () -> "https://tracker.example.co.jp");
    }

    @TestConfiguration
    @Import(NoticeTestSupport.StandingClock.class)
    static class TestMeans {
        /** The registrations of change as their package will answer: three unfiled, one due within 14 days. */
        @Bean
        @Primary
        RegistrationDeadlines registrationDeadlines() {
            List<RegistrationDeadlines.RegistrationDeadline> unfiled = List.of(
                    new RegistrationDeadlines.RegistrationDeadline("NT-CO", "NT-1:ISSUE", "issue of series NT-1",
                            TODAY.plusDays(10)),
                    new RegistrationDeadlines.RegistrationDeadline("NT-CO", "NT-1:EXERCISE:2026-11", "exercises of"
                            + " November", TODAY.plusDays(30)),
                    new RegistrationDeadlines.RegistrationDeadline("NT-CO", "NT-0:ISSUE", "issue of series NT-0",
                            TODAY.minusDays(1)));
            return day -> unfiled;
        }
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
    JdbcTemplate jdbc;
    @Autowired
    MovableClock clock;
    @Autowired
    MeterRegistry meters;

    @Test
    void eachNoticeIsDeliveredOnceByEmailAndSignedWebhookWithRetries() throws Exception {
        double emailsBefore = attempts("EMAIL", "delivered");
        double webhooksBefore = attempts("WEBHOOK", "delivered");
        double retriesBefore = attempts("WEBHOOK", "retry");
        TestRestTemplate admin = TrackerTestSupport.asAdmin(anonymous, environment);
        ok(send(admin, HttpMethod.POST, "/series", TrackerTestSupport.issueSeriesBody("NT-1", "NT-CO")), 201);
        for (String holder : List.of("H1", "H2", "H3")) {
            ok(send(admin, HttpMethod.POST, "/series/NT-1/allotments", "{\"holderId\": \"" + holder
                    + "\", \"role\": \"DIRECTOR\", \"rights\": 10, \"allotmentDate\": \"2015-07-13\"}"), 201);
        }
        // H1's window: 11-23..12-02 (7 days left); H2's: 11-18..11-27 (2 days left); H3 died: awaiting an heir
        ok(send(admin, HttpMethod.POST, "/issuers/NT-CO/departures", "{\"holderId\": \"H1\", \"departureDate\": \""
                + TODAY.minusDays(3) + "\", \"reason\": \"RETIREMENT\"}"), 201);
        ok(send(admin, HttpMethod.POST, "/issuers/NT-CO/departures", "{\"holderId\": \"H2\", \"departureDate\": \""
                + TODAY.minusDays(8) + "\", \"reason\": \"RESIGNATION\"}"), 201);
        ok(send(admin, HttpMethod.POST, "/issuers/NT-CO/deaths", "{\"personId\": \"H3\", \"dateOfDeath\": \""
                + TODAY.minusDays(4) + "\"}"), 201);
        // a name in the holder directory, which no notice may carry
        ok(send(admin, HttpMethod.PUT, "/holders/H1/directory", "{\"nameKanji\": \"通知太郎\", \"address\":"
                + " \"東京都千代田区通知町1-1\"}"), 200);

        TestRestTemplate equity = TrackerTestSupport.asUser(anonymous, environment, "notice-equity",
                "EQUITY_ADMINISTRATOR");
        subscribe(equity, "{\"kind\": \"WINDOW_OPENS\", \"channel\": \"EMAIL\", \"target\": \"equity@example.co.jp\"}");
        JsonNode closing = subscribe(equity, "{\"kind\": \"WINDOW_CLOSING\", \"daysBefore\": 3, \"channel\":"
                + " \"WEBHOOK\", \"target\": \"" + WEBHOOKS.url() + "\"}");
        JsonNode heir = subscribe(equity, "{\"kind\": \"AWAITING_HEIR\", \"channel\": \"WEBHOOK\", \"target\": \""
                + WEBHOOKS.url() + "\"}");
        subscribe(equity, "{\"kind\": \"REGISTRATION_DUE\", \"daysBefore\": 14, \"channel\": \"EMAIL\","
                + " \"target\": \"filings@example.co.jp\"}");
        String secret = closing.path("secret").asText();
        assertThat(secret).as("a webhook's secret, shown at its creation").hasSize(64);
        assertThat(heir.path("secret").asText()).isNotEqualTo(secret);
        JsonNode listed = JSON.readTree(send(equity, HttpMethod.GET, "/me/notice-subscriptions", null).getBody());
        assertThat(listed.path("items")).hasSize(4);
        assertThat(listed.toString()).as("the secret is never listed").doesNotContain(secret);

        // H1 and H2 open (e-mail), H2 closing within 3 days and H3 awaiting an heir (webhooks), one registration
        // due within 14 days (e-mail): five notices, planned as the views take the facts in
        await("five notices planned").atMost(Duration.ofSeconds(30)).until(() -> {
            planner.plan();
            return outboxRows() == 5;
        });
        assertThat(planner.plan()).as("planning again plans nothing").isZero();

        // four dispatchers at once, as four nodes would: each notice is attempted once
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> dispatchers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            dispatchers.add(dispatcher::dispatch);
        }
        int attempts = 0;
        for (Future<Integer> made : nodes.invokeAll(dispatchers)) {
            attempts += made.get();
        }
        nodes.shutdown();
        assertThat(attempts).as("one attempt per notice across the racing dispatchers").isEqualTo(5);

        assertThat(SMTP.waitForIncomingEmail(10_000, 3)).isTrue();
        MimeMessage[] mails = SMTP.getReceivedMessages();
        assertThat(mails).hasSize(3);
        assertThat(Arrays.stream(mails).map(this::recipient).sorted().toList())
                .containsExactly("equity@example.co.jp", "equity@example.co.jp", "filings@example.co.jp");
        MimeMessage opened = Arrays.stream(mails).filter(m -> body(m).contains("holder H2")
                && recipient(m).startsWith("equity")).findFirst().orElseThrow();
        assertThat(opened.getFrom()[0].toString()).isEqualTo("sar-tracker@example.co.jp");
        assertThat(opened.getSubject()).contains("NT-1", "H2", "Exercise window open", "行使期間");
        assertThat(body(opened)).contains("新株予約権 NT-1 の保有者 H2", TODAY.minusDays(7).toString(),
                TODAY.plusDays(2).toString(), "is open from " + TODAY.minusDays(7) + " to " + TODAY.plusDays(2),
                "the rights lapse on " + TODAY.plusDays(3), "https://tracker.example.co.jp/app/holders/H2");
        MimeMessage registration = Arrays.stream(mails).filter(m -> recipient(m).startsWith("filings"))
                .findFirst().orElseThrow();
        assertThat(body(registration)).contains("NT-1:ISSUE", TODAY.plusDays(10).toString(), "変更登記",
                        "https://tracker.example.co.jp/app/issuers/NT-CO/registrations?key=NT-1:ISSUE")
                .doesNotContain("NT-0", "November");

        // the webhooks: the first answered 500, the other delivered; each signature recomputed
        assertThat(WEBHOOKS.received).hasSize(2);
        for (Received request : WEBHOOKS.received) {
            JsonNode notice = JSON.readTree(request.body());
            assertThat(notice.path("noticeId").asText()).isEqualTo(request.noticeId());
            String expectedSecret = notice.path("kind").asText().equals("WINDOW_CLOSING") ? secret
                    : heir.path("secret").asText();
            assertThat(request.signature()).isEqualTo(NoticeTestSupport.expectedSignature(expectedSecret,
                    request.timestamp(), request.body()));
            assertThat(Long.parseLong(request.timestamp())).isEqualTo(clock.instant().getEpochSecond());
        }
        String failedId = WEBHOOKS.received.get(0).noticeId();

        // before the retry's time nothing is sent; after it, the failed one is delivered
        assertThat(dispatcher.dispatch()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(dispatcher.dispatch()).isEqualTo(1);
        assertThat(dispatcher.dispatch()).isZero();
        assertThat(WEBHOOKS.received).hasSize(3);
        assertThat(WEBHOOKS.received.get(2).noticeId()).isEqualTo(failedId);
        assertThat(WEBHOOKS.delivered().stream().map(Received::noticeId).distinct()).hasSize(2);
        assertThat(WEBHOOKS.delivered()).hasSize(2);
        // as an operator's metrics count them
        assertThat(attempts("EMAIL", "delivered") - emailsBefore).isEqualTo(3);
        assertThat(attempts("WEBHOOK", "delivered") - webhooksBefore).isEqualTo(2);
        assertThat(attempts("WEBHOOK", "retry") - retriesBefore).isEqualTo(1);

        // the delivery log: the retried notice with both attempts, every notice SENT
        JsonNode log = JSON.readTree(send(equity, HttpMethod.GET, "/me/notice-deliveries", null).getBody());
        assertThat(log.path("items")).hasSize(5);
        Map<String, JsonNode> byId = new java.util.HashMap<>();
        log.path("items").forEach(n -> byId.put(n.path("noticeId").asText(), n));
        assertThat(byId.values()).allSatisfy(n -> assertThat(n.path("status").asText()).isEqualTo("SENT"));
        JsonNode retried = byId.get(failedId);
        assertThat(retried.path("attempts")).hasSize(2);
        assertThat(retried.path("attempts").get(0).path("outcome").asText()).isEqualTo("FAILED");
        assertThat(retried.path("attempts").get(0).path("statusCode").asInt()).isEqualTo(500);
        assertThat(retried.path("attempts").get(0).path("error").asText()).contains("500");
        assertThat(retried.path("attempts").get(1).path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(retried.path("attempts").get(1).path("statusCode").asInt()).isEqualTo(200);
        String openedId = opened.getMessageID().replaceAll("[<>]", "").replace("@sar-tracker", "");
        assertThat(byId).as("the e-mail's Message-ID is the notice's identifier").containsKey(openedId);

        // nobody else reads this log, and no notice carries a name or an address
        TestRestTemplate reporting = TrackerTestSupport.asUser(anonymous, environment, "notice-reporting", "REPORTING");
        assertThat(JSON.readTree(send(reporting, HttpMethod.GET, "/me/notice-deliveries", null).getBody())
                .path("items")).isEmpty();
        String everything = log + WEBHOOKS.received.stream().map(Received::body).collect(Collectors.joining())
                + Arrays.stream(mails).map(NoticeDeliveryTest::body).collect(Collectors.joining());
        assertThat(everything).doesNotContain("通知太郎", "通知町");
    }

    @Test
    void subscriptionsAreRefusedAndDeletedAsDocumented() throws Exception {
        TestRestTemplate compliance = TrackerTestSupport.asUser(anonymous, environment, "notice-compliance",
                "COMPLIANCE");
        for (String refused : List.of(
                "{\"kind\": \"WINDOW_CLOSING\", \"channel\": \"EMAIL\", \"target\": \"c@example.co.jp\"}",
                "{\"kind\": \"WINDOW_OPENS\", \"daysBefore\": 3, \"channel\": \"EMAIL\", \"target\": \"c@example.co.jp\"}",
                "{\"kind\": \"WINDOW_OPENS\", \"channel\": \"EMAIL\", \"target\": \"not an address\"}",
                "{\"kind\": \"WINDOW_OPENS\", \"channel\": \"WEBHOOK\", \"target\": \"ftp://hooks.example.co.jp/x\"}",
                "{\"kind\": \"WINDOW_OPENS\", \"channel\": \"WEBHOOK\", \"target\": \"file:///etc/passwd\"}",
                "{\"kind\": \"WINDOW_OPENS\", \"channel\": \"PIGEON\", \"target\": \"c@example.co.jp\"}")) {
            ResponseEntity<String> answer = send(compliance, HttpMethod.POST, "/me/notice-subscriptions", refused);
            assertThat(answer.getStatusCode().value()).as(refused).isEqualTo(400);
            assertThat(JSON.readTree(answer.getBody()).path("code").asText()).isEqualTo("INVALID_INPUT");
        }
        JsonNode created = subscribe(compliance, "{\"kind\": \"AWAITING_HEIR\", \"channel\": \"WEBHOOK\","
                + " \"target\": \"https://hooks.example.co.jp/sar\"}");
        String id = created.path("subscriptionId").asText();

        // another user cannot delete it: it is unknown to them
        TestRestTemplate other = TrackerTestSupport.asUser(anonymous, environment, "notice-other", "REPORTING");
        ResponseEntity<String> refused = send(other, HttpMethod.DELETE, "/me/notice-subscriptions/" + id, null);
        assertThat(refused.getStatusCode().value()).isEqualTo(404);
        JsonNode problem = JSON.readTree(refused.getBody());
        assertThat(problem.path("code").asText()).isEqualTo("UNKNOWN_NOTICE_SUBSCRIPTION");
        assertThat(problem.path("figures").path("subscriptionId").asText()).isEqualTo(id);

        ok(send(compliance, HttpMethod.DELETE, "/me/notice-subscriptions/" + id, null), 204);
        assertThat(send(compliance, HttpMethod.DELETE, "/me/notice-subscriptions/" + id, null).getStatusCode().value())
                .as("deleted once").isEqualTo(404);
        assertThat(JSON.readTree(send(compliance, HttpMethod.GET, "/me/notice-subscriptions", null).getBody())
                .path("items")).isEmpty();

        TestRestTemplate operator = TrackerTestSupport.asUser(anonymous, environment, "notice-operator", "OPERATOR");
        assertThat(send(operator, HttpMethod.GET, "/me/notice-subscriptions", null).getStatusCode().value())
                .isEqualTo(403);
    }

    @Test
    void theNoticesPageSubscribesRefusesAndStopsInBothLanguages() {
        TrackerTestSupport.asUser(anonymous, environment, "notice-page", "REPORTING");
        PageSession page = PageSession.signIn(anonymous.getRootUri(), "notice-page", "notice-page-password");
        java.net.http.HttpResponse<String> empty = page.get("/app/notices");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("id=\"nav-notices\"", "You have no subscription.", "A window closes soon");

        java.net.http.HttpResponse<String> refused = page.submit("/app/notices", Map.of("kind", "WINDOW_CLOSING",
                "daysBefore", "", "channel", "WEBHOOK", "target", "https://hooks.example.co.jp/sar"));
        assertThat(refused.statusCode()).as("a refusal answers 422 with the form").isEqualTo(422);
        assertThat(refused.body()).contains("id=\"err-daysBefore\"", "INVALID_INPUT", "WINDOW_CLOSING needs daysBefore",
                "https://hooks.example.co.jp/sar");

        java.net.http.HttpResponse<String> created = page.submit("/app/notices", Map.of("kind", "WINDOW_CLOSING",
                "daysBefore", "5", "channel", "WEBHOOK", "target", "https://hooks.example.co.jp/sar"));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        java.util.regex.Matcher secret = java.util.regex.Pattern.compile("id=\"webhook-secret\">([0-9a-f]{64})<")
                .matcher(created.body());
        assertThat(secret.find()).as("the secret shown once").isTrue();
        java.net.http.HttpResponse<String> listed = page.get("/app/notices?lang=ja");
        assertThat(listed.body()).contains("行使期間の終了間近", "（5 日前）", "https://hooks.example.co.jp/sar", "停止")
                .doesNotContain(secret.group(1));

        String id = jdbc.queryForObject("select subscription_id from notice_subscription where username = 'notice-page'"
                + " and deleted_at is null", String.class);
        assertThat(page.submit("/app/notices/no-such-subscription/deletion", Map.of()).statusCode()).isEqualTo(404);
        assertThat(page.submit("/app/notices/" + id + "/deletion", Map.of()).statusCode()).isEqualTo(302);
        assertThat(page.get("/app/notices?lang=ja").body()).contains("登録中の通知はありません。");
    }

    private JsonNode subscribe(TestRestTemplate user, String body) throws Exception {
        ResponseEntity<String> answer = send(user, HttpMethod.POST, "/me/notice-subscriptions", body);
        ok(answer, 201);
        JsonNode created = JSON.readTree(answer.getBody());
        assertThat(answer.getHeaders().getLocation()).hasToString("/me/notice-subscriptions/"
                + created.path("subscriptionId").asText());
        return created;
    }

    private int outboxRows() {
        return jdbc.queryForObject("select count(*) from notice_outbox", Integer.class);
    }

    private double attempts(String channel, String outcome) {
        return NoticeTestSupport.attempts(meters, channel, outcome);
    }

    private String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message).isEmpty() ? "" : decoded(message);
    }

    private static String decoded(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
