package io.sartracker.service;

import io.sartracker.command.series.StockAcquisitionRight;
import io.sartracker.kernel.command.ExerciseRights;
import io.sartracker.kernel.command.RecordDepartureFromOffice;
import io.sartracker.kernel.event.SeriesIssued;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.query.FindRegister;
import io.sartracker.query.api.TrackerQueryHandlers;
import io.sartracker.query.register.SeriesRegister;
import io.sartracker.query.register.Views;
import io.sartracker.query.replay.ProjectionRebuild;
import io.sartracker.query.store.ProjectionGenerations;
import io.sartracker.query.store.RegisterStore;
import io.sartracker.service.config.QuerySideConfig;
import io.sartracker.service.reference.ReferenceHistory;
import io.sartracker.service.web.CommandSender;
import io.sartracker.service.web.Recorded;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored shapes are versioned: a snapshot of the series written with another {@code @Revision} of the
 * aggregate is ignored (the series is rebuilt from its events), and stored register documents of another
 * format version are re-folded from the events at start-up, never read with zeros and nulls.
 */
class StoredShapesTest {
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final String SERIES = ReferenceHistory.SERIES.value();

    @Test
    void aSnapshotOfAnotherRevisionIsIgnoredAndTheSeriesIsRebuiltFromItsEvents() {
        Path dataDir = TrackerTestSupport.freshDataDir("snapshot-revision");
        String revision = StockAcquisitionRight.class.getAnnotation(Revision.class).value();
        try (ConfigurableApplicationContext first = start(dataDir)) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            Awaitility.await("a snapshot").atMost(BOUND).until(() -> snapshots(jdbc) > 0);
            assertThat(jdbc.queryForList("select distinct payloadRevision from SnapshotEventEntry", String.class))
                    .as("snapshots carry the aggregate's revision").containsExactly(revision);
            // a snapshot written by an older shape of the aggregate: another revision, a payload it cannot use
            jdbc.update("update SnapshotEventEntry set payloadRevision = ?, payload = ?", "0",
                    "{\"seriesId\": 42, \"holdings\": \"not a map\"}".getBytes(StandardCharsets.UTF_8));
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            DomainEventMessage<?> first = second.getBean(EventStore.class).readEvents(SERIES).asStream()
                    .findFirst().orElseThrow();
            // the sweep at start-up loaded the series from its events (the old snapshot skipped, not read)
            // and, past the threshold, may have taken a new snapshot in the current shape
            if (first.getPayload() instanceof StockAcquisitionRight series) {
                assertThat(series.issuerId()).isEqualTo(ReferenceHistory.ISSUER);
                assertThat(series.totals().allotted()).isEqualTo(Rights.of(230));
            } else {
                assertThat(first.getPayload()).isInstanceOf(SeriesIssued.class);
                assertThat(first.getSequenceNumber()).isZero();
            }

            CommandSender sender = second.getBean(CommandSender.class);
            sender.send(new RecordDepartureFromOffice(ReferenceHistory.ISSUER, ReferenceHistory.director(2),
                    LocalDate.of(2024, 3, 31), DepartureReason.RESIGNATION), TrackerTestSupport.recorder("bob"));
            Recorded exercised = sender.send(ExerciseRights.ofRights(ReferenceHistory.SERIES,
                    ReferenceHistory.director(2), LocalDate.of(2024, 4, 5), 10), TrackerTestSupport.recorder("bob"));
            assertThat(exercised.events()).singleElement()
                    .satisfies(e -> assertThat(e.payload()).hasFieldOrPropertyWithValue("sharesDelivered", 8_000L));
        }
    }

    @Test
    void storedRegisterDocumentsOfAnotherFormatAreReFoldedFromTheEventsAtStartUp() {
        Path dataDir = TrackerTestSupport.freshDataDir("document-format");
        try (ConfigurableApplicationContext first = start(dataDir)) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            long last = jdbc.queryForObject("select max(sequenceNumber) from DomainEventEntry"
                    + " where aggregateIdentifier = ?", Long.class, SERIES);
            Awaitility.await("the stored register").atMost(BOUND).until(() -> jdbc.queryForList(
                    "select version from series_view where series_id = ?", Long.class, SERIES).contains(last));
            assertThat(jdbc.queryForObject("select format_version from series_view where series_id = ?",
                    Integer.class, SERIES)).isEqualTo(SeriesRegister.FORMAT_VERSION);

            // a document as an older shape of the code stored it: fields it did not know are missing
            jdbc.update("update series_view set format_version = 1, document = ? where series_id = ?",
                    "{\"seriesId\": \"" + SERIES + "\", \"issuerId\": \"IIJ\", \"version\": " + last + "}", SERIES);
            Views.RegisterView today = first.getBean(TrackerQueryHandlers.class)
                    .register(new FindRegister(ReferenceHistory.SERIES, null, null));
            assertThat(today.allotted()).as("a document of another format is not read: folded from the events")
                    .isEqualTo(230);
            assertThat(today.exercised()).isEqualTo(30);
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            ProjectionGenerations generations = second.getBean(ProjectionGenerations.class);
            ProjectionRebuild rebuild = second.getBean(ProjectionRebuild.class);
            Awaitility.await("the register re-folded").atMost(BOUND).pollInterval(Duration.ofMillis(50))
                    .until(() -> rebuild.progress().stream().noneMatch(ProjectionRebuild.Progress::rebuilding)
                            && generations.active(RegisterStore.PROJECTION) == 2);
            assertThat(jdbc.queryForList("select format_version from series_view where generation = 2", Integer.class))
                    .containsOnly(SeriesRegister.FORMAT_VERSION).isNotEmpty();
            SeriesRegister stored = second.getBean(RegisterStore.class).load(2, SERIES).orElseThrow();
            assertThat(stored.holdings()).hasSize(18);
            assertThat(Views.register(stored, LocalDate.of(2023, 7, 1)).exercised()).isEqualTo(30);
            assertThat(second.getBean(QuerySideConfig.RegisterFormatCheck.class).atStartUp())
                    .as("nothing left to re-fold").isFalse();
        }
    }

    private static int snapshots(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from SnapshotEventEntry", Integer.class);
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(TrackerApplication.class).run(
                "--server.port=0",
                "--tracker.data-dir=" + dataDir,
                "--tracker.snapshot-threshold=5",
                "--tracker.load-reference-history=true");
    }
}
