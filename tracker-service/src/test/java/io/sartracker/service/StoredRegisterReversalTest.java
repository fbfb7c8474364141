package io.sartracker.service;

import io.sartracker.kernel.command.AllotRights;
import io.sartracker.kernel.command.ExerciseRights;
import io.sartracker.kernel.command.IssueSeries;
import io.sartracker.kernel.command.RecordDepartureFromOffice;
import io.sartracker.kernel.command.ReverseLatestFact;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.Terms;
import io.sartracker.query.history.SeriesHistories;
import io.sartracker.query.register.HoldingRecord;
import io.sartracker.query.register.SeriesProjector;
import io.sartracker.query.register.SeriesRegister;
import io.sartracker.query.store.ProjectionGenerations;
import io.sartracker.query.store.RegisterStore;
import io.sartracker.service.LapseSweepServiceTest.SettableClock;
import io.sartracker.service.security.Recorder;
import io.sartracker.service.web.CommandSender;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored register document keeps each holding's latest reversible fact only. With no folded document kept
 * between batches (kept-registers 0), every batch starts from the stored one: two reversals in a row reach
 * a fact the document left out, and the projection folds the holding's whole life from the events first.
 */
@SpringBootTest(classes = TrackerApplication.class, properties = "tracker.projections.kept-registers=0")
class StoredRegisterReversalTest {
    private static final String SERIES = "TRIM-1";
    private static final HolderId D01 = HolderId.of("D01");
    private static final Recorder ADMIN = new Recorder("admin", "password");
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("stored-register-reversal")::toString);
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock(TODAY);
        }
    }

    @Autowired
    CommandSender sender;
    @Autowired
    RegisterStore store;
    @Autowired
    ProjectionGenerations generations;
    @Autowired
    SeriesHistories histories;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twoReversalsInARowAreFoldedOntoAStoredDocumentThatLeftTheOlderFactsOut() {
        SeriesId series = SeriesId.of(SERIES);
        sender.send(new IssueSeries(series, IssuerId.of("TRIMCO"), Terms.fifthSeries()), ADMIN);
        sender.send(new AllotRights(series, D01, Role.DIRECTOR, Rights.of(10), LocalDate.of(2015, 7, 13)), ADMIN);
        sender.send(new RecordDepartureFromOffice(IssuerId.of("TRIMCO"), D01, LocalDate.of(2025, 6, 25),
                DepartureReason.RETIREMENT), ADMIN);
        sender.send(ExerciseRights.ofRights(series, D01, LocalDate.of(2025, 6, 26), 1), ADMIN);
        sender.send(ExerciseRights.ofRights(series, D01, LocalDate.of(2025, 6, 27), 2), ADMIN);
        sender.send(ExerciseRights.ofRights(series, D01, LocalDate.of(2025, 6, 29), 3), ADMIN);
        awaitStoredVersion(5);
        assertThat(storedDocument()).as("the departure and two exercises left out").contains("\"earlierLeftOut\":3");
        assertThat(stored().holding("D01").life().earlier()).hasSize(1);

        sender.send(new ReverseLatestFact(series, D01, "entered twice", TODAY), ADMIN);
        awaitStoredVersion(6);
        sender.send(new ReverseLatestFact(series, D01, "entered twice", TODAY), ADMIN);
        awaitStoredVersion(7);

        HoldingRecord stored = stored().holding("D01");
        assertThat(stored.held()).isEqualTo(9);
        assertThat(stored.exercised()).isEqualTo(1);
        assertThat(stored.exercises()).hasSize(1);
        SeriesRegister folded = SeriesProjector.fold(histories.of(SERIES).stream()
                .map(event -> event.recorded().payload()).toList());
        HoldingRecord fromEvents = folded.holding("D01");
        assertThat(stored.life().stage()).isEqualTo(fromEvents.life().stage());
        assertThat(stored.life().counts()).isEqualTo(fromEvents.life().counts());
        assertThat(stored.exercises()).isEqualTo(fromEvents.exercises());
        assertThat(stored.life().latestReversible()).isEqualTo(fromEvents.life().latestReversible());
        assertThat(storedDocument()).as("the whole life was restored, then stored as its latest fact again")
                .contains("\"earlierLeftOut\":1");
    }

    private SeriesRegister stored() {
        return store.load(generations.active(RegisterStore.PROJECTION), SERIES).orElseThrow();
    }

    /** D01's own stored document (each holding has one, beside the series' document). */
    private String storedDocument() {
        return jdbc.queryForObject("select document from holding_view where generation = ? and series_id = ?"
                + " and holder_id = 'D01'", String.class, generations.active(RegisterStore.PROJECTION), SERIES);
    }

    private void awaitStoredVersion(long version) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                store.version(generations.active(RegisterStore.PROJECTION), SERIES), Optional.of(version)::equals);
    }
}
