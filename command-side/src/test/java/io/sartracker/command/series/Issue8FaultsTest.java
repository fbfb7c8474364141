package io.sartracker.command.series;

import io.sartracker.command.person.PersonAtIssuer;
import io.sartracker.kernel.command.AllotRights;
import io.sartracker.kernel.command.ExerciseRights;
import io.sartracker.kernel.command.InheritRights;
import io.sartracker.kernel.command.IssueSeries;
import io.sartracker.kernel.command.RecordDeath;
import io.sartracker.kernel.command.RecordDepartureFromOffice;
import io.sartracker.kernel.command.RecordShareConsolidation;
import io.sartracker.kernel.command.RecordShareSplit;
import io.sartracker.kernel.command.AdjustSharesPerRight;
import io.sartracker.kernel.command.RecordDueLapses;
import io.sartracker.kernel.command.ReverseFactOfPerson;
import io.sartracker.kernel.event.HolderLeftOffice;
import io.sartracker.kernel.event.RightsExercised;
import io.sartracker.kernel.event.SharesPerRightAdjusted;
import io.sartracker.kernel.event.person.PersonAllotted;
import io.sartracker.kernel.event.person.PersonDied;
import io.sartracker.kernel.event.person.PersonLeftOffice;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.HolderId;
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
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.sartracker.command.series.FifthSeries.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The faults of issue 8 that need two series of one issuer (RULES.md 13: the person at the issuer,
 * issuer-wide adjustments), through a real Axon configuration with today 2026-11-27. Series A has
 * the 5th series' terms; series B the same, with its exercise period ending on 2020-12-31.
 */
class Issue8FaultsTest {
    private static final IssuerId R2 = IssuerId.of("R2");
    private static final SeriesId A = SeriesId.of("R2-A");
    private static final SeriesId B = SeriesId.of("R2-B");
    private static final HolderId P1 = HolderId.of("P1");
    private static final HolderId P2 = HolderId.of("P2");
    private static final Terms ENDING_2020 = termsWithPeriod(PERIOD_START, LocalDate.of(2020, 12, 31));

    private Configuration config;

    @BeforeEach
    void start() {
        config = TwoSeries.configuration(new InMemorySeriesDirectory().register(A, R2).register(B, R2),
                clockOn(TODAY));
        config.start();
        send(new IssueSeries(A, R2, TERMS));
        send(new IssueSeries(B, R2, ENDING_2020));
    }

    @AfterEach
    void stop() {
        config.shutdown();
    }

    private <R> R send(Object command) {
        return config.commandGateway().sendAndWait(command);
    }

    private RuleViolation rejected(Object command) {
        RuleViolation violation = catchThrowableOfType(RuleViolation.class, () -> send(command));
        assertThat(violation).as("rejected with a rule").isNotNull();
        assertThat(violation.getMessage()).isNotBlank();
        return violation;
    }

    private List<Object> events(String aggregateId) {
        return config.eventStore().readEvents(aggregateId).asStream().map(EventMessage::getPayload)
                .map(Object.class::cast).toList();
    }

    private List<Object> events(SeriesId seriesId) {
        return events(seriesId.value());
    }

    private List<Object> history(HolderId person) {
        return events(PersonAtIssuer.historyId(R2, person));
    }

    private static AllotRights allot(SeriesId series, HolderId holder, long rights) {
        return new AllotRights(series, holder, Role.DIRECTOR, Rights.of(rights), ALLOTMENT_DATE);
    }

    private static RecordDepartureFromOffice departs(HolderId holder, String date) {
        return new RecordDepartureFromOffice(R2, holder, day(date), DepartureReason.RETIREMENT);
    }

    private static ExerciseRights exercises(SeriesId series, HolderId holder, String date, long rights) {
        return ExerciseRights.ofRights(series, holder, day(date), rights);
    }

    /** P1 holds 10 in A and 5 in B; left office 2022-01-10 (recorded in A only: B's period had ended); exercised all of A. */
    private void fault1Given() {
        send(allot(A, P1, 10));
        send(allot(B, P1, 5));
        assertThat(this.<List<SeriesId>>send(departs(P1, "2022-01-10"))).containsExactly(A);
        send(exercises(A, P1, "2022-01-15", 10));
    }

    // ---- fault 1: a second departure (or a death) dated before the first one, once A has nothing left

    @Test
    void fault1_aSecondDepartureDatedBeforeTheFirstIsOutOfOrderInEverySeries() {
        fault1Given();
        int inA = events(A).size();
        int inB = events(B).size();

        RuleViolation violation = rejected(departs(P1, "2019-05-01"));

        assertThat(violation.code()).isEqualTo(RuleCode.FACT_OUT_OF_ORDER);
        assertThat(violation.figures()).containsEntry("holderId", P1).containsEntry("date", day("2019-05-01"))
                .containsEntry("latestFactDate", day("2022-01-10"));
        assertThat(events(A)).hasSize(inA);
        assertThat(events(B)).as("no window opens in B").hasSize(inB);
        assertThat(rejected(exercises(B, P1, "2019-05-05", 5)).code())
                .as("no shares from rights that had ended").isEqualTo(RuleCode.EXERCISE_PERIOD_ENDED);
    }

    @Test
    void fault1_aDeathDatedBeforeTheDepartureIsOutOfOrderInEverySeries() {
        fault1Given();
        int inB = events(B).size();

        RuleViolation violation = rejected(new RecordDeath(R2, P1, day("2019-05-01")));

        assertThat(violation.code()).isEqualTo(RuleCode.FACT_OUT_OF_ORDER);
        assertThat(violation.figures()).containsEntry("latestFactDate", day("2022-01-10"));
        assertThat(events(B)).hasSize(inB);
    }

    @Test
    void theEarlierDepartureIsAcceptedOnceTheLaterOneIsReversed() {
        send(allot(A, P1, 10));
        send(allot(B, P1, 5));
        send(departs(P1, "2022-01-10"));
        send(new ReverseFactOfPerson(R2, P1, ReversibleFact.DEPARTURE, "wrong date", TODAY));

        List<SeriesId> recorded = send(departs(P1, "2019-05-01"));

        assertThat(recorded).containsExactly(A, B);
        assertThat(events(B).get(events(B).size() - 1)).isEqualTo(new HolderLeftOffice(B, P1, day("2019-05-01"),
                DepartureReason.RETIREMENT, new ExerciseWindow(day("2019-05-02"), day("2019-05-11")),
                day("2019-05-12")));
    }

    @Test
    void aDeathAfterTheDepartureIsRecordedForThePersonAndTheSeriesStillHoldingRights() {
        fault1Given();
        List<SeriesId> recorded = send(new RecordDeath(R2, P1, day("2022-02-01")));

        // A was fully exercised; B's rights ended with its period (lapse due): a death leaves nothing there
        assertThat(recorded).containsExactly(B);
        assertThat(history(P1).get(history(P1).size() - 1))
                .isEqualTo(new PersonDied(R2, P1, day("2022-02-01"), List.of(B)));
    }

    // ---- a death says what it did in each series (RULES.md 5, 13)

    /** What the last death recorded for the person said it did, in the answer's words. */
    private Object detailOfLastDeath(HolderId person) {
        return config.eventStore().readEvents(PersonAtIssuer.historyId(R2, person)).asStream()
                .filter(event -> event.getPayload() instanceof PersonDied).reduce((first, second) -> second)
                .orElseThrow().getMetaData().get(PersonAtIssuer.DETAIL_METADATA);
    }

    @Test
    void aDeathInsideTheWindowAfterItsLapseWasRecordedSaysThatTheLapseStands() {
        send(allot(A, P1, 10));
        send(allot(B, P1, 5));
        send(departs(P1, "2020-06-25"));
        send(new RecordDueLapses(B, day("2020-07-06")));

        List<SeriesId> recorded = send(new RecordDeath(R2, P1, day("2020-07-04")));

        assertThat(recorded).containsExactly(A);
        assertThat(detailOfLastDeath(P1)).isEqualTo("In series R2-A, the 10 rights of P1 await the one heir who"
                + " inherits them (11)-3; record the inheritance. In series R2-B, nothing is left to inherit from P1:"
                + " the rights lapsed on 2020-07-06, when the window after leaving office closed (11)-2; that lapse"
                + " is recorded and stands, so the series records nothing of the death.");
    }

    @Test
    void aDeathAfterTheRightsLapsedUnrecordedSaysWhenTheyLapsed() {
        send(allot(A, P1, 10));
        send(allot(B, P1, 5));

        List<SeriesId> recorded = send(new RecordDeath(R2, P1, day("2021-03-01")));

        assertThat(recorded).containsExactly(A, B);
        assertThat(detailOfLastDeath(P1)).isEqualTo("In series R2-A, the 10 rights of P1 await the one heir who"
                + " inherits them (11)-3; record the inheritance. In series R2-B, nothing is left to inherit from P1:"
                + " the rights lapsed on 2021-01-01, when the exercise period ended (5), before the death.");
    }

    @Test
    void theHeirsDeathSaysThatTheInheritedRightsLapse() {
        HolderId heir = HolderId.of("H1");
        send(allot(A, P1, 10));
        send(new RecordDeath(R2, P1, day("2021-01-10")));
        send(new InheritRights(A, P1, List.of(heir), day("2021-02-01")));

        send(new RecordDeath(R2, heir, day("2021-06-01")));

        assertThat(detailOfLastDeath(heir)).isEqualTo("In series R2-A, the 10 rights H1 inherited from P1 lapse"
                + " with the heir's death on 2021-06-01: rights inherited once cannot pass on (11)-3.");
    }

    // ---- re-appointment (RULES.md 13)

    @Test
    void anAllotmentOfANewSeriesAfterADepartureRecordsAReappointmentAndEarlierSeriesStayAsTheyWere() {
        SeriesId later = SeriesId.of("R2-C");
        Terms laterTerms = laterSeries();
        config.shutdown();
        config = TwoSeries.configuration(new InMemorySeriesDirectory().register(A, R2).register(later, R2),
                clockOn(TODAY));
        config.start();
        send(new IssueSeries(A, R2, TERMS));
        send(new IssueSeries(later, R2, laterTerms));
        send(allot(A, P1, 10));
        send(departs(P1, "2016-01-10"));
        send(new RecordDueLapses(A, day("2016-01-21")));
        assertThat(rejected(departs(P1, "2016-03-01")).code()).as("left office, not re-appointed yet")
                .isEqualTo(RuleCode.HOLDER_NOT_IN_OFFICE);

        send(new AllotRights(later, P1, Role.EXECUTIVE_OFFICER, Rights.of(7), laterTerms.allotmentDate()));

        assertThat(history(P1).get(history(P1).size() - 1)).isEqualTo(new PersonAllotted(R2, P1, later,
                Role.EXECUTIVE_OFFICER, laterTerms.allotmentDate(), true));
        int inA = events(A).size();
        List<SeriesId> recorded = send(departs(P1, "2020-06-25"));
        assertThat(recorded).containsExactly(later);
        assertThat(events(A)).as("the earlier series stays as it was").hasSize(inA);
        assertThat(history(P1).get(history(P1).size() - 1))
                .isEqualTo(new PersonLeftOffice(R2, P1, day("2020-06-25"), DepartureReason.RETIREMENT));
    }

    @Test
    void aPersonRecordedAsDeceasedIsNotAllottedRightsOfAnotherSeries() {
        send(allot(A, P1, 10));
        send(new RecordDeath(R2, P1, day("2015-07-13")));

        RuleViolation violation = rejected(allot(B, P1, 5));

        assertThat(violation.code()).isEqualTo(RuleCode.HOLDER_ALREADY_DECEASED);
        assertThat(violation.figures()).containsEntry("dateOfDeath", day("2015-07-13"));
        assertThat(events(B)).hasSize(1);
    }

    /** Allotted on 2016-07-13, exercise period 2016-07-20 to 2046-07-13. */
    private static Terms laterSeries() {
        Terms t = TERMS;
        return new Terms("later series", t.issuerName(), LocalDate.of(2016, 6, 24), t.maximumRights(),
                t.sharesPerRightAtIssue(), t.exercisePricePerShare(),
                new ExerciseWindow(LocalDate.of(2016, 7, 20), LocalDate.of(2046, 7, 13)), LocalDate.of(2016, 7, 13),
                LocalDate.of(2016, 7, 13), 10, 6, false, t.eligibleRoles());
    }

    // ---- fault 2: a split is checked against an exercise in a series with nothing outstanding

    @Test
    void fault2_aSplitApplyingBeforeAnExerciseInASeriesWithNothingOutstandingIsRejectedAsAWhole() {
        send(allot(A, P1, 10));
        send(allot(B, P2, 5));
        send(departs(P1, "2019-12-02"));
        send(exercises(A, P1, "2019-12-07", 10));
        int inB = events(B).size();

        RuleViolation violation = rejected(new RecordShareSplit(R2, Ratio.of(2, 1), day("2019-12-05"), null));

        assertThat(violation.code()).isEqualTo(RuleCode.ADJUSTMENT_BEFORE_RECORDED_EXERCISE);
        assertThat(violation.figures()).containsEntry("exerciseHolderId", P1)
                .containsEntry("exerciseDate", day("2019-12-07"));
        assertThat(events(B)).as("recorded in no series").hasSize(inB);
    }

    // ---- fault 3: a split skipped a series with nothing outstanding; a holder allotted there later kept the old figure

    @Test
    void fault3_anIssuerWideSplitAndConsolidationReachASeriesWithNothingAllottedYet() {
        send(allot(A, P1, 10));
        send(new RecordShareSplit(R2, Ratio.of(3, 1), day("2016-03-31"), null));
        send(new RecordShareConsolidation(R2, Ratio.of(1, 3), day("2016-10-01")));
        send(allot(B, P2, 5)); // recorded later, on the terms' allotment date, before the split

        assertThat(events(B)).filteredOn(SharesPerRightAdjusted.class::isInstance).hasSize(2);
        send(departs(P1, "2017-01-10"));
        send(departs(P2, "2017-01-10"));
        send(exercises(A, P1, "2017-01-12", 1));
        send(exercises(B, P2, "2017-01-12", 1));
        RightsExercised inA = (RightsExercised) events(A).get(events(A).size() - 1);
        RightsExercised inB = (RightsExercised) events(B).get(events(B).size() - 1);
        assertThat(inA.sharesPerRight()).isEqualTo(SharesPerRight.of(200));
        assertThat(inB.sharesPerRight()).as("the sister series, not 66").isEqualTo(SharesPerRight.of(200));
    }

    @Test
    void aSplitIsNotRecordedInASeriesWhosePeriodEndedBeforeItApplies() {
        send(allot(A, P1, 10));
        send(allot(B, P2, 5));

        List<SeriesId> recorded = send(new RecordShareSplit(R2, Ratio.of(2, 1), day("2020-12-31"), null));

        assertThat(recorded).as("B's period ended on 2020-12-31, the split applies from 2021-01-01")
                .containsExactly(A);
        List<SeriesId> later = send(new RecordShareSplit(R2, Ratio.of(2, 1), day("2021-06-30"), null));
        assertThat(later).containsExactly(A);
    }

    @Test
    void aSplitAppliesInASeriesOnTheLastDayOfItsPeriod() {
        send(allot(B, P2, 5));
        List<SeriesId> recorded = send(new RecordShareSplit(R2, Ratio.of(2, 1), day("2020-12-30"), null));
        assertThat(recorded).containsExactly(A, B);
    }

    // ---- order of adjustments, issuer-wide

    @Test
    void anIssuerSplitApplyingBeforeABoardAdjustmentOfOneSeriesIsOutOfOrderAndRecordedNowhere() {
        send(allot(A, P1, 10));
        send(new AdjustSharesPerRight(B, SharesPerRight.of(210), day("2019-04-01"), "absorption"));
        int inA = events(A).size();

        RuleViolation violation = rejected(new RecordShareSplit(R2, Ratio.of(2, 1), day("2019-03-31"), null));

        assertThat(violation.code()).isEqualTo(RuleCode.ADJUSTMENT_OUT_OF_ORDER);
        assertThat(violation.figures()).containsEntry("appliesFrom", day("2019-04-01"))
                .containsEntry("latestAdjustmentAppliesFrom", day("2019-04-01"));
        assertThat(events(A)).hasSize(inA);
    }

    // ---- one consistency boundary: two departures of one person at once

    @Test
    void twoDeparturesOfOnePersonAtOnceAreNotBothRecorded() throws Exception {
        send(allot(A, P1, 10));
        send(allot(B, P1, 5));
        send(departs(P1, "2019-01-10"));
        send(new ReverseFactOfPerson(R2, P1, ReversibleFact.DEPARTURE, "recorded in error", TODAY));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Boolean>> answers = new java.util.ArrayList<>();
        for (String date : List.of("2022-01-10", "2019-05-01")) {
            answers.add(pool.submit(() -> {
                start.await();
                try {
                    send(departs(P1, date));
                    return true;
                } catch (RuleViolation rejected) {
                    return false;
                }
            }));
        }
        start.countDown();
        int accepted = 0;
        for (java.util.concurrent.Future<Boolean> answer : answers) {
            accepted += answer.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(accepted).as("the person's stream lets one through").isEqualTo(1);
        assertThat(history(P1)).filteredOn(PersonLeftOffice.class::isInstance).hasSize(2); // the reversed one and one
    }
}
