package io.sartracker.command.series;

import io.sartracker.command.issuer.IssuerCommandHandler;
import io.sartracker.kernel.command.AllotRights;
import io.sartracker.kernel.command.ExerciseRights;
import io.sartracker.kernel.command.IssueSeries;
import io.sartracker.kernel.command.RecordDepartureFromOffice;
import io.sartracker.kernel.command.RecordRoleChange;
import io.sartracker.kernel.command.ReverseFactOfPerson;
import io.sartracker.kernel.event.FactReversed;
import io.sartracker.kernel.event.HolderDied;
import io.sartracker.kernel.event.HolderLeftOffice;
import io.sartracker.kernel.event.HolderRoleChanged;
import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.event.SharesPerRightAdjusted;
import io.sartracker.kernel.model.AdjustmentCause;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Ratio;
import io.sartracker.kernel.model.ReversibleFact;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.model.Terms;
import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.sartracker.command.series.FifthSeries.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Office is held at the issuer, and splits apply issuer-wide (RULES.md 4, 5, 7): one command is
 * applied to every series of the issuer, in one unit of work. An AggregateTestFixture holds one
 * aggregate, so these tests run two series through Axon's configuration API.
 */
class IssuerFanOutTest {
    private static final SeriesId S6 = SeriesId.of("IIJ-6");
    private static final SeriesId OTHER_SERIES = SeriesId.of("OTHER-1");
    private static final IssuerId OTHER_ISSUER = IssuerId.of("OTHER");
    /** A 6th series: allotted a year later, exercise period 2016-07-20 to 2046-07-13. */
    private static final Terms SIXTH = sixthSeries();

    private Configuration config;

    private static Terms sixthSeries() {
        Terms t = Terms.fifthSeries();
        return new Terms("Internet Initiative Japan Inc. Stock Acquisition Rights (6th series)", t.issuerName(),
                LocalDate.of(2016, 6, 24), Rights.of(250), t.sharesPerRightAtIssue(), t.exercisePricePerShare(),
                new ExerciseWindow(LocalDate.of(2016, 7, 20), LocalDate.of(2046, 7, 13)), LocalDate.of(2016, 7, 13),
                LocalDate.of(2016, 7, 13), 10, 6, false, t.eligibleRoles());
    }

    @BeforeEach
    void start() {
        start(TODAY);
    }

    /** Today is 2026-11-27, or later for a test that walks past the end of a period. */
    private void start(LocalDate today) {
        InMemorySeriesDirectory directory = new InMemorySeriesDirectory()
                .register(S, I).register(S6, I).register(OTHER_SERIES, OTHER_ISSUER);
        config = TwoSeries.configuration(directory, clockOn(today));
        config.start();
        send(issue());
        send(new IssueSeries(S6, I, SIXTH));
        send(new IssueSeries(OTHER_SERIES, OTHER_ISSUER, Terms.fifthSeries()));
    }

    @AfterEach
    void stop() {
        config.shutdown();
    }

    private <R> R send(Object command) {
        return config.commandGateway().sendAndWait(command);
    }

    private RuleViolation rejected(Object command) {
        return catchThrowableOfType(RuleViolation.class, () -> send(command));
    }

    private List<Object> events(SeriesId seriesId) {
        return config.eventStore().readEvents(seriesId.value()).asStream().map(EventMessage::getPayload)
                .map(Object.class::cast).toList();
    }

    private List<Object> eventsAfter(SeriesId seriesId, int skip) {
        List<Object> all = events(seriesId);
        return all.subList(skip, all.size());
    }

    private void allotInBothSeries() {
        send(director(D01, 30));
        send(new AllotRights(S6, D01, Role.DIRECTOR, Rights.of(40), LocalDate.of(2016, 7, 13)));
    }

    /**
     * A first departure and an allotment of a new series, recorded at the same moment (on two nodes),
     * must not both succeed unseen by each other: both write the person's stream, opened by the
     * first allotment, so the event store's sequence check lets only one of them be recorded.
     */
    @Test
    void theFirstAllotmentOpensThePersonsHistorySoEveryLaterFactOfThePersonWritesTheSameStream() {
        send(director(D01, 30));
        assertThat(personEvents(D01)).extracting(event -> event.getClass().getSimpleName())
                .containsExactly("PersonHistoryOpened", "PersonAllotted");

        send(new AllotRights(S6, D01, Role.DIRECTOR, Rights.of(40), LocalDate.of(2016, 7, 13)));
        send(departure(D01, "2020-06-25"));
        assertThat(personEvents(D01)).extracting(event -> event.getClass().getSimpleName())
                .containsExactly("PersonHistoryOpened", "PersonAllotted", "PersonAllotted", "PersonLeftOffice");
    }

    private List<Object> personEvents(io.sartracker.kernel.model.HolderId person) {
        return config.eventStore().readEvents(io.sartracker.command.person.PersonAtIssuer.historyId(I, person))
                .asStream().map(EventMessage::getPayload).map(Object.class::cast).toList();
    }

    @Test
    void oneDepartureOpensTheWindowOfEveryHoldingOfThePersonEachCutToItsOwnPeriod() {
        allotInBothSeries();
        List<SeriesId> recorded = send(new RecordDepartureFromOffice(I, D01, LocalDate.of(2016, 7, 13),
                DepartureReason.RETIREMENT));

        assertThat(recorded).containsExactly(S, S6);
        assertThat(eventsAfter(S, 2)).containsExactly(new HolderLeftOffice(S, D01,
                LocalDate.of(2016, 7, 13), DepartureReason.RETIREMENT, window("2016-07-14", "2016-07-23"),
                LocalDate.of(2016, 7, 24)));
        assertThat(eventsAfter(S6, 2)).containsExactly(new HolderLeftOffice(S6, D01,
                LocalDate.of(2016, 7, 13), DepartureReason.RETIREMENT, window("2016-07-20", "2016-07-23"),
                LocalDate.of(2016, 7, 24)));
    }

    @Test
    void aDepartureIsRecordedOnlyInTheSeriesInWhichThePersonHoldsRights() {
        send(director(D01, 30));
        send(new AllotRights(S6, D02, Role.DIRECTOR, Rights.of(40), LocalDate.of(2016, 7, 13)));
        List<SeriesId> recorded = send(departure(D01, "2020-06-25"));

        assertThat(recorded).containsExactly(S);
        assertThat(events(S6)).hasSize(2);
        assertThat(events(OTHER_SERIES)).hasSize(1);
    }

    @Test
    void aDepartureAfterOneSeriesPeriodEndedIsRecordedOnlyInTheSeriesStillRunning() {
        stop();
        start(day(AFTER_THE_PERIOD));
        allotInBothSeries();
        send(lapsesDueAsOf("2045-07-14"));
        List<SeriesId> recorded = send(departure(D01, "2045-08-01"));

        assertThat(recorded).containsExactly(S6);
        assertThat(eventsAfter(S6, 2)).containsExactly(new HolderLeftOffice(S6, D01,
                LocalDate.of(2045, 8, 1), DepartureReason.RETIREMENT, window("2045-08-02", "2045-08-11"),
                LocalDate.of(2045, 8, 12)));
    }

    @Test
    void aSecondDepartureWhenEveryHoldingIsExhaustedIsRejectedByThePersonsHistory() {
        allotInBothSeries();
        send(departure(D01, "2020-06-25"));
        send(exercise(D01, "2020-06-30", 30));
        send(ExerciseRights.ofRights(S6, D01, LocalDate.of(2020, 6, 30), 40));
        RuleViolation violation = rejected(departure(D01, "2021-06-25"));

        // RULES.md 13: the person's history, not the series still holding rights, says D01 left office
        assertThat(violation.code()).isEqualTo(RuleCode.HOLDER_NOT_IN_OFFICE);
        assertThat(violation.figures()).containsEntry("holderId", D01)
                .containsEntry("departureDate", LocalDate.of(2020, 6, 25));
        assertThat(events(S)).hasSize(4);
        assertThat(events(S6)).hasSize(4);
    }

    @Test
    void aDeathIsRecordedInEverySeriesOfThePerson() {
        allotInBothSeries();
        List<SeriesId> recorded = send(death(D01, "2021-06-01"));

        assertThat(recorded).containsExactly(S, S6);
        assertThat(eventsAfter(S, 2)).containsExactly(new HolderDied(S, D01, D01, LocalDate.of(2021, 6, 1),
                HolderDied.Outcome.AWAITING_HEIR, Rights.of(30)));
        assertThat(eventsAfter(S6, 2)).containsExactly(new HolderDied(S6, D01, D01,
                LocalDate.of(2021, 6, 1), HolderDied.Outcome.AWAITING_HEIR, Rights.of(40)));
    }

    @Test
    void aSplitAdjustsEverySeriesOfTheIssuerWithRightsOutstandingAndNoOther() {
        allotInBothSeries();
        send(new AllotRights(OTHER_SERIES, D02, Role.DIRECTOR, Rights.of(10), LocalDate.of(2015, 7, 13)));
        List<SeriesId> recorded = send(split(Ratio.of(2, 1), "2020-12-31"));

        assertThat(recorded).containsExactly(S, S6);
        assertThat(eventsAfter(S, 2)).containsExactly(new SharesPerRightAdjusted(S, AdjustmentCause.SPLIT,
                Ratio.of(2, 1), LocalDate.of(2020, 12, 31), LocalDate.of(2021, 1, 1), SharesPerRight.of(200),
                SharesPerRight.of(400), null));
        assertThat(eventsAfter(S6, 2)).containsExactly(new SharesPerRightAdjusted(S6, AdjustmentCause.SPLIT,
                Ratio.of(2, 1), LocalDate.of(2020, 12, 31), LocalDate.of(2021, 1, 1), SharesPerRight.of(200),
                SharesPerRight.of(400), null));
        assertThat(events(OTHER_SERIES)).hasSize(2);
    }

    @Test
    void aSplitIsRecordedInASeriesWithNothingOutstandingToo() {
        send(director(D01, 30));
        send(new AllotRights(S6, D02, Role.DIRECTOR, Rights.of(40), LocalDate.of(2016, 7, 13)));
        send(departure(D02, "2020-06-25"));
        send(ExerciseRights.ofRights(S6, D02, LocalDate.of(2020, 6, 30), 40));
        List<SeriesId> recorded = send(split(Ratio.of(2, 1), "2020-12-31"));

        // RULES.md 13: every series whose period runs on the day it applies, outstanding rights or not
        assertThat(recorded).containsExactly(S, S6);
        assertThat(events(S6)).hasSize(5);
    }

    @Test
    void aSplitRejectedByOneSeriesIsRecordedInNone() {
        allotInBothSeries();
        send(new AllotRights(S6, D02, Role.DIRECTOR, Rights.of(10), LocalDate.of(2016, 7, 13)));
        send(departure(D02, "2020-12-25"));
        send(ExerciseRights.ofRights(S6, D02, LocalDate.of(2021, 1, 2), 1));
        RuleViolation violation = rejected(split(Ratio.of(2, 1), "2020-12-31"));

        assertThat(violation.code()).isEqualTo(RuleCode.ADJUSTMENT_BEFORE_RECORDED_EXERCISE);
        assertThat(violation.figures()).containsEntry("exerciseHolderId", D02)
                .containsEntry("exerciseDate", LocalDate.of(2021, 1, 2));
        assertThat(events(S)).hasSize(2); // issued and allotted only: the first series' adjustment rolled back
        assertThat(events(S).get(1)).isInstanceOf(RightsAllotted.class);
        assertThat(events(S6)).hasSize(5);
    }

    @Test
    void aDepartureRecordedInErrorIsReversedInEverySeriesOfThePerson() {
        allotInBothSeries();
        send(departure(D01, "2020-06-25"));
        List<SeriesId> reversed = send(new ReverseFactOfPerson(I, D01, ReversibleFact.DEPARTURE,
                "the director was reappointed", LocalDate.of(2020, 6, 26)));
        assertThat(reversed).containsExactly(S, S6);
        assertThat(events(S).get(events(S).size() - 1)).isEqualTo(new FactReversed(S, D01, ReversibleFact.DEPARTURE,
                LocalDate.of(2020, 6, 25), "the director was reappointed", LocalDate.of(2020, 6, 26), Rights.NONE,
                Rights.NONE));
        assertThat(rejected(ExerciseRights.ofRights(S6, D01, LocalDate.of(2020, 6, 30), 1)).code())
                .as("back in office in every series").isEqualTo(RuleCode.HOLDER_IN_OFFICE);
    }

    @Test
    void aPersonsReversalIsRejectedInEverySeriesWhenOneHasALaterFact() {
        allotInBothSeries();
        send(departure(D01, "2020-06-25"));
        send(ExerciseRights.ofRights(S6, D01, LocalDate.of(2020, 6, 30), 1));
        int before = events(S).size();
        RuleViolation violation = rejected(new ReverseFactOfPerson(I, D01, ReversibleFact.DEPARTURE, "error",
                LocalDate.of(2020, 7, 1)));
        assertThat(violation.code()).isEqualTo(RuleCode.LATER_FACT_RECORDED);
        assertThat(violation.figures()).containsEntry("seriesId", S6);
        assertThat(events(S)).as("nothing recorded in the other series either").hasSize(before);
    }

    @Test
    void aReversalOfADeathThatWasNeverRecordedIsRejected() {
        allotInBothSeries();
        send(departure(D01, "2020-06-25"));
        RuleViolation violation = rejected(new ReverseFactOfPerson(I, D01, ReversibleFact.DEATH, "error",
                LocalDate.of(2020, 7, 1)));
        assertThat(violation.code()).isEqualTo(RuleCode.NOTHING_TO_REVERSE);
    }

    @Test
    void anHeirsDeathIsReversedAsTheHeirsNotTheAllottees() {
        send(director(D01, 30));
        send(death(D01, "2021-06-01"));
        send(inherit(D01, HEIR, "2021-08-31"));
        send(death(HEIR, "2021-10-15"));
        assertThat(rejected(new ReverseFactOfPerson(I, D01, ReversibleFact.DEATH, "error",
                LocalDate.of(2021, 10, 20))).code()).as("the allottee's death lies under the inheritance")
                .isEqualTo(RuleCode.LATER_FACT_RECORDED);
        List<SeriesId> reversed = send(new ReverseFactOfPerson(I, HEIR, ReversibleFact.DEATH,
                "the heir is alive", LocalDate.of(2021, 10, 20)));
        assertThat(reversed).containsExactly(S);
        send(exercise(D01, "2021-10-21", 30));
    }

    @Test
    void anOfficerMadeADirectorKeepsOfficeAndNoWindowOpens() {
        send(officer(E01, 20));
        send(new AllotRights(S6, E01, Role.EXECUTIVE_OFFICER, Rights.of(10), LocalDate.of(2016, 7, 13)));
        List<SeriesId> changed = send(new RecordRoleChange(I, E01, Role.DIRECTOR, LocalDate.of(2019, 6, 20)));
        assertThat(changed).containsExactly(S, S6);
        assertThat(events(S).get(events(S).size() - 1)).isEqualTo(new HolderRoleChanged(S, E01,
                Role.EXECUTIVE_OFFICER, Role.DIRECTOR, LocalDate.of(2019, 6, 20)));
        assertThat(rejected(exercise(E01, "2019-06-25", 1)).code()).isEqualTo(RuleCode.HOLDER_IN_OFFICE);
        assertThat(rejected(new RecordRoleChange(I, E01, Role.DIRECTOR, LocalDate.of(2019, 7, 1))).code())
                .as("already a director everywhere").isEqualTo(RuleCode.ROLE_UNCHANGED);
    }

    @Test
    void aRoleChangeIsNotRecordedForAHolderWhoLeftOffice() {
        send(officer(E01, 20));
        send(departure(E01, "2020-06-25"));
        assertThat(rejected(new RecordRoleChange(I, E01, Role.DIRECTOR, LocalDate.of(2020, 6, 26))).code())
                .isEqualTo(RuleCode.HOLDER_NOT_IN_OFFICE);
    }
}
