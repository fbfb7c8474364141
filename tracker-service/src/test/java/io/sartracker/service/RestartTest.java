package io.sartracker.service;

import io.sartracker.command.person.PersonAtIssuer;
import io.sartracker.command.series.StockAcquisitionRight;
import io.sartracker.kernel.command.ExerciseRights;
import io.sartracker.kernel.command.RecordDepartureFromOffice;
import io.sartracker.kernel.command.ReverseFactOfPerson;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.ReversibleFact;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import io.sartracker.service.reference.ReferenceHistory;
import io.sartracker.service.web.CommandSender;
import io.sartracker.service.web.Recorded;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Record, stop the service, start it again on the same H2 file, continue. Snapshots are taken every
 * 5 events here so that the restarted service also rebuilds series from snapshots.
 */
class RestartTest {
    private final Path dataDir = TrackerTestSupport.freshDataDir("restart");

    @Test
    void continuesOnTheSameFileAfterARestart() {
        try (ConfigurableApplicationContext first = start()) {
            assertThat(eventCount(first)).isEqualTo(ReferenceHistory.commands().size());
            // the snapshots the history asked for are taken on a thread of their own after each command: the one
            // read back below is the latest, which a close while it was still queued could leave untaken
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> TrackerTestSupport.snapshotsTaken(first));
        }

        try (ConfigurableApplicationContext second = start()) {
            assertThat(eventCount(second)).as("the reference history is not loaded twice")
                    .isEqualTo(ReferenceHistory.commands().size());
            assertThat(snapshotCount(second)).as("snapshots were taken").isPositive();
            DomainEventMessage<?> snapshot = second.getBean(EventStore.class)
                    .readEvents(ReferenceHistory.SERIES.value()).asStream().findFirst().orElseThrow();
            assertThat(snapshot.getPayload()).as("the snapshot reads back with Jackson")
                    .isInstanceOfSatisfying(StockAcquisitionRight.class, series -> {
                        assertThat(series.issuerId()).isEqualTo(ReferenceHistory.ISSUER);
                        assertThat(series.totals().allotted()).isEqualTo(Rights.of(230));
                        assertThat(series.rightsHeld()).containsEntry(ReferenceHistory.director(2), Rights.of(25));
                    });
            CommandSender sender = second.getBean(CommandSender.class);
            sender.send(new RecordDepartureFromOffice(ReferenceHistory.ISSUER, ReferenceHistory.director(2),
                    LocalDate.of(2024, 3, 31), DepartureReason.RESIGNATION), TrackerTestSupport.recorder("bob"));
            Recorded exercised = sender.send(ExerciseRights.ofRights(ReferenceHistory.SERIES,
                    ReferenceHistory.director(2), LocalDate.of(2024, 4, 5), 10), TrackerTestSupport.recorder("bob"));
            assertThat(exercised.events()).singleElement()
                    .satisfies(e -> assertThat(e.payload()).hasFieldOrPropertyWithValue("sharesDelivered", 8_000L));
            assertThatThrownBy(() -> sender.send(ExerciseRights.ofRights(ReferenceHistory.SERIES,
                    ReferenceHistory.director(2), LocalDate.of(2024, 4, 6), 16), TrackerTestSupport.recorder("bob")))
                    .isInstanceOfSatisfying(RuleViolation.class, v -> {
                        assertThat(v.code()).isEqualTo(RuleCode.EXCEEDS_RIGHTS_HELD);
                        assertThat(v.figures()).containsEntry("rightsHeld", Rights.of(15));
                    });
            // a person's history at the issuer (RULES.md 13) is snapshotted too: 8 events for D03
            for (int day = 10; day < 13; day++) {
                sender.send(new RecordDepartureFromOffice(ReferenceHistory.ISSUER, ReferenceHistory.director(3),
                        LocalDate.of(2024, 1, day), DepartureReason.RESIGNATION), TrackerTestSupport.recorder("bob"));
                sender.send(new ReverseFactOfPerson(ReferenceHistory.ISSUER, ReferenceHistory.director(3),
                        ReversibleFact.DEPARTURE, "recorded in error", LocalDate.of(2024, 1, 20)), TrackerTestSupport.recorder("bob"));
            }
        }

        // The window closed on 2024-04-10; the sweep at start-up records what the downtime missed.
        try (ConfigurableApplicationContext third = start()) {
            JdbcTemplate jdbc = third.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from DomainEventEntry where payloadType like ?",
                    Integer.class, "%RightsLapsed")).isEqualTo(1);
            assertThatThrownBy(() -> third.getBean(CommandSender.class).send(ExerciseRights.ofRights(
                    ReferenceHistory.SERIES, ReferenceHistory.director(2), LocalDate.of(2024, 4, 6), 1), TrackerTestSupport.recorder("bob")))
                    .isInstanceOfSatisfying(RuleViolation.class,
                            v -> assertThat(v.code()).isEqualTo(RuleCode.RIGHTS_LAPSED));
            String d03 = PersonAtIssuer.historyId(ReferenceHistory.ISSUER, ReferenceHistory.director(3));
            assertThat(third.getBean(EventStore.class).readEvents(d03).asStream().findFirst().orElseThrow()
                    .getPayload()).as("the person's snapshot reads back with Jackson")
                    .isInstanceOfSatisfying(PersonAtIssuer.class, person -> assertThat(person.history()
                            .officeOn(LocalDate.of(2020, 1, 1)).inOffice()).as("allotted in 2015").isTrue());
            third.getBean(CommandSender.class).send(new RecordDepartureFromOffice(ReferenceHistory.ISSUER,
                    ReferenceHistory.director(3), LocalDate.of(2024, 2, 1), DepartureReason.RESIGNATION), TrackerTestSupport.recorder("bob"));
            assertThatThrownBy(() -> third.getBean(CommandSender.class).send(new RecordDepartureFromOffice(
                    ReferenceHistory.ISSUER, ReferenceHistory.director(3), LocalDate.of(2024, 1, 5),
                    DepartureReason.RESIGNATION), TrackerTestSupport.recorder("bob"))).as("still in date order after the restart")
                    .isInstanceOfSatisfying(RuleViolation.class,
                            v -> assertThat(v.code()).isEqualTo(RuleCode.FACT_OUT_OF_ORDER));
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TrackerApplication.class).run(
                "--server.port=0",
                "--tracker.data-dir=" + dataDir,
                "--tracker.snapshot-threshold=5",
                "--tracker.load-reference-history=true");
    }

    /** The series' events: one per command of the reference history (the departing person's history has its own). */
    private static int eventCount(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForObject(
                "select count(*) from DomainEventEntry where type = 'StockAcquisitionRight'", Integer.class);
    }

    private static int snapshotCount(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForObject("select count(*) from SnapshotEventEntry",
                Integer.class);
    }
}
