package io.sartracker.service;

import io.sartracker.kernel.command.IssueSeries;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.Terms;
import io.sartracker.service.web.CommandSender;
import io.sartracker.service.web.Idempotency;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An Idempotency-Key outlives a restart on the same H2 file, and is forgotten once purged. */
class IdempotencyRestartTest {
    private static final String ALLOT_5 =
            "{\"holderId\": \"H1\", \"role\": \"DIRECTOR\", \"rights\": 5, \"allotmentDate\": \"2015-07-13\"}";
    private static final Map<String, String> KEY = Map.of("Idempotency-Key", "allot-H1-restart");

    @Test
    void aKeySurvivesARestartOnTheSameFile() {
        Path dataDir = TrackerTestSupport.freshDataDir("idempotency-restart");
        String firstBody;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            first.getBean(CommandSender.class).send(new IssueSeries(SeriesId.of("RST-1"), IssuerId.of("RST-CO"),
                    Terms.fifthSeries()), TrackerTestSupport.recorder("tester"));
            HttpResponse<String> answer = http(first).post("/series/RST-1/allotments", ALLOT_5, KEY);
            assertThat(answer.statusCode()).isEqualTo(201);
            firstBody = answer.body();
        }
        try (ConfigurableApplicationContext second = start(dataDir)) {
            HttpResponse<String> retry = http(second).post("/series/RST-1/allotments", ALLOT_5, KEY);
            assertThat(retry.statusCode()).isEqualTo(201);
            assertThat(retry.headers().firstValue("Idempotency-Replayed")).hasValue("true");
            assertThat(retry.body()).isEqualTo(firstBody);
            assertThat(allotments(second)).as("recorded once across the restart").isEqualTo(1);
        }
    }

    @Test
    void aKeyPurgedAfterItsRetentionIsANewRequest() {
        Path dataDir = TrackerTestSupport.freshDataDir("idempotency-purge");
        try (ConfigurableApplicationContext app = start(dataDir, "--tracker.idempotency.retention=PT0S")) {
            app.getBean(CommandSender.class).send(new IssueSeries(SeriesId.of("RST-2"), IssuerId.of("RST-CO"),
                    Terms.fifthSeries()), TrackerTestSupport.recorder("tester"));
            HttpClientSupport http = http(app);
            assertThat(http.post("/series/RST-2/allotments", ALLOT_5, KEY).statusCode()).isEqualTo(201);
            HttpResponse<String> beforePurge = http.post("/series/RST-2/allotments", ALLOT_5, KEY);
            assertThat(beforePurge.headers().firstValue("Idempotency-Replayed")).as("kept until purged")
                    .hasValue("true");
            assertThat(allotments(app)).isEqualTo(1);

            assertThat(app.getBean(Idempotency.class).purgeExpired()).as("keys purged").isEqualTo(1);

            HttpResponse<String> afterPurge = http.post("/series/RST-2/allotments", ALLOT_5, KEY);
            assertThat(afterPurge.statusCode()).isEqualTo(201);
            assertThat(afterPurge.headers().firstValue("Idempotency-Replayed")).as("a new request").isEmpty();
            assertThat(allotments(app)).isEqualTo(2);
            assertThat(afterPurge.headers().firstValue("ETag")).hasValue("\"2\"");
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, String... more) {
        String[] args = new String[3 + more.length];
        args[0] = "--server.port=0";
        args[1] = "--tracker.data-dir=" + dataDir;
        args[2] = "--tracker.lapse-sweep.check-interval=PT1H";
        System.arraycopy(more, 0, args, 3, more.length);
        return new SpringApplicationBuilder(TrackerApplication.class).run(args);
    }

    private static HttpClientSupport http(ConfigurableApplicationContext app) {
        return new HttpClientSupport(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")),
                TrackerTestSupport.basic(TrackerTestSupport.ADMIN, TrackerTestSupport.adminPassword(app.getEnvironment())));
    }

    private static int allotments(ConfigurableApplicationContext app) {
        return app.getBean(JdbcTemplate.class).queryForObject("select count(*) from DomainEventEntry"
                + " where payloadType like '%RightsAllotted'", Integer.class);
    }
}
