package io.sartracker.service;

import io.sartracker.kernel.command.AllotRights;
import io.sartracker.kernel.command.ExerciseRights;
import io.sartracker.kernel.command.InheritRights;
import io.sartracker.kernel.command.IssueSeries;
import io.sartracker.kernel.command.RecordDeath;
import io.sartracker.kernel.command.RecordDepartureFromOffice;
import io.sartracker.kernel.command.RecordShareSplit;
import io.sartracker.kernel.command.ReverseLatestFact;
import io.sartracker.kernel.event.HoldingEvent;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Ratio;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.Terms;
import io.sartracker.kernel.query.FindHolder;
import io.sartracker.kernel.rule.RuleViolation;
import io.sartracker.query.api.TrackerQueryHandlers;
import io.sartracker.query.history.HistoryWindow;
import io.sartracker.query.history.RecordedEvent;
import io.sartracker.query.history.SeriesHistories;
import io.sartracker.query.register.SeriesRegister;
import io.sartracker.query.register.Views;
import io.sartracker.query.store.AuditStore;
import io.sartracker.query.store.HoldingHistories;
import io.sartracker.query.store.ProjectionGenerations;
import io.sartracker.query.store.RegisterStore;
import io.sartracker.service.LapseSweepServiceTest.SettableClock;
import io.sartracker.service.config.AxonConfig;
import io.sartracker.service.security.Recorder;
import io.sartracker.service.web.CommandSender;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The as-of and known-at holder views fold only the person's holdings and the series' own events
 * ({@link HoldingHistories}), found through the audit trail: they must answer exactly what folding the
 * series' whole stream answers, for the allottee, the heir, the deceased and a person with nothing yet,
 * on every date and instant, also while the audit trail is behind the store.
 */
@SpringBootTest(classes = TrackerApplication.class)
class HolderViewFromFewEventsTest {
    private static final String SERIES = "FEW-1";
    private static final SeriesId SERIES_ID = SeriesId.of(SERIES);
    private static final IssuerId ISSUER = IssuerId.of("FEWCO");
    private static final Recorder ADMIN = new Recorder("admin", "password");
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
    private static final List<String> PEOPLE = List.of("A", "B", "C", "D", "H1", "N");
    private static final List<LocalDate> DATES = List.of(LocalDate.of(2015, 7, 12), LocalDate.of(2015, 7, 13),
            LocalDate.of(2020, 4, 1), LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1), LocalDate.of(2025, 1, 10),
            LocalDate.of(2025, 3, 1), LocalDate.of(2025, 6, 21), LocalDate.of(2025, 6, 22), TODAY);

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("holder-view-few-events")::toString);
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
    TrackerQueryHandlers views;
    @Autowired
    HoldingHistories holdingHistories;
    @Autowired
    SeriesHistories histories;
    @Autowired
    RegisterStore registers;
    @Autowired
    ProjectionGenerations generations;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theHolderViewsFromAPersonsEventsAgreeWithTheWholeSeriesFoldedAlsoWhileTheAuditTrailIsBehind() {
        send(new IssueSeries(SERIES_ID, ISSUER, Terms.fifthSeries()));
        for (String person : List.of("A", "B", "C", "D")) {
            send(new AllotRights(SERIES_ID, HolderId.of(person), Role.DIRECTOR, Rights.of(10), LocalDate.of(2015, 7, 13)));
        }
        send(new RecordShareSplit(ISSUER, Ratio.of(2, 1), LocalDate.of(2020, 3, 31), null));
        List<Instant> instants = new ArrayList<>(List.of(Instant.now()));
        send(new RecordDeath(ISSUER, HolderId.of("B"), LocalDate.of(2024, 1, 10)));
        send(new InheritRights(SERIES_ID, HolderId.of("B"), List.of(HolderId.of("H1")), LocalDate.of(2024, 3, 1)));
        send(new RecordDepartureFromOffice(ISSUER, HolderId.of("A"), LocalDate.of(2025, 6, 20), DepartureReason.RETIREMENT));
        send(ExerciseRights.ofRights(SERIES_ID, HolderId.of("A"), LocalDate.of(2025, 6, 21), 2));
        instants.add(Instant.now());
        send(ExerciseRights.ofRights(SERIES_ID, HolderId.of("A"), LocalDate.of(2025, 6, 22), 3));
        send(new ReverseLatestFact(SERIES_ID, HolderId.of("A"), "entered twice", TODAY));
        instants.add(Instant.now());
        awaitAuditTrailHasTheWholeSeries();

        List<RecordedEvent> ofA = holdingHistories.of(SERIES, "A");
        assertThat(ofA).as("the series' own events and A's, not the others'").allMatch(e ->
                !(e.payload() instanceof HoldingEvent h) || h.holderId().value().equals("A"));
        assertThat(ofA.size()).isLessThan(wholeSeries().size());
        everyViewAgrees(instants);

        StreamingEventProcessor audit = processing.eventProcessor(AuditStore.PROJECTION, StreamingEventProcessor.class)
                .orElseThrow();
        audit.shutDown();
        try {
            // the trail no longer follows: the views must read these from the series' stream
            send(new RecordDeath(ISSUER, HolderId.of("D"), LocalDate.of(2025, 1, 10)));
            send(new InheritRights(SERIES_ID, HolderId.of("D"), List.of(HolderId.of("H1")), LocalDate.of(2025, 3, 1)));
            send(new AllotRights(SERIES_ID, HolderId.of("N"), Role.EXECUTIVE_OFFICER, Rights.of(5), LocalDate.of(2015, 7, 13)));
            instants.add(Instant.now());
            awaitStoredRegisterHasTheWholeSeries();
            assertThat(auditRowsOfSeries()).as("the trail is behind").isLessThan(wholeSeries().size());
            everyViewAgrees(instants);
        } finally {
            audit.start();
        }
    }

    private void everyViewAgrees(List<Instant> instants) {
        List<Instant> knownAt = new ArrayList<>(instants);
        knownAt.add(null);
        for (String person : PEOPLE) {
            for (LocalDate day : DATES) {
                for (Instant instant : knownAt) {
                    assertThat(viewOf(person, day, instant)).as(person + " as of " + day + " known at " + instant)
                            .isEqualTo(folded(person, day, instant));
                }
            }
            for (Instant instant : instants) {
                assertThat(viewOf(person, null, instant)).as(person + " known at " + instant)
                        .isEqualTo(folded(person, LocalDate.ofInstant(instant, AxonConfig.ISSUER_ZONE), instant));
            }
        }
    }

    private Optional<List<Views.HoldingView>> viewOf(String person, LocalDate asOf, Instant knownAt) {
        try {
            return Optional.of(views.holder(new FindHolder(HolderId.of(person), asOf, knownAt)).holdings());
        } catch (RuleViolation unknown) {
            return Optional.empty();
        }
    }

    /** The view as folding the series' whole stream gives it. */
    private Optional<List<Views.HoldingView>> folded(String person, LocalDate on, Instant knownAt) {
        SeriesRegister register = new HistoryWindow(on, knownAt).fold(wholeSeries());
        if (register.seriesId() == null) {
            return Optional.empty();
        }
        List<Views.HoldingView> holdings = register.holdings().stream()
                .filter(h -> h.holderId().equals(person) || person.equals(h.currentHolderId())
                        || person.equals(h.heirId()))
                .map(h -> Views.holding(register, h, on))
                .toList();
        return holdings.isEmpty() ? Optional.empty() : Optional.of(holdings);
    }

    private List<RecordedEvent> wholeSeries() {
        return histories.of(SERIES).stream().map(SeriesHistories.StoredEvent::recorded).toList();
    }

    private int auditRowsOfSeries() {
        return jdbc.queryForObject("select count(*) from audit_entry where generation = ? and series_id = ?",
                Integer.class, generations.active(AuditStore.PROJECTION), SERIES);
    }

    private void awaitAuditTrailHasTheWholeSeries() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> auditRowsOfSeries() == wholeSeries().size());
        awaitStoredRegisterHasTheWholeSeries();
    }

    private void awaitStoredRegisterHasTheWholeSeries() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                registers.version(generations.active(RegisterStore.PROJECTION), SERIES),
                Optional.of((long) wholeSeries().size() - 1)::equals);
    }

    private void send(Object command) {
        sender.send(command, ADMIN);
    }
}
