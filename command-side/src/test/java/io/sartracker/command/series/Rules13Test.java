package io.sartracker.command.series;

import io.sartracker.kernel.command.AcquireRights;
import io.sartracker.kernel.command.AdjustSharesPerRight;
import io.sartracker.kernel.command.CorrectAllotmentAmount;
import io.sartracker.kernel.command.DetermineAllotmentAmount;
import io.sartracker.kernel.command.RecordRoleChange;
import io.sartracker.kernel.command.RestructureSeries;
import io.sartracker.kernel.command.TransferRights;
import io.sartracker.kernel.event.FactReversed;
import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.event.RightsExercised;
import io.sartracker.kernel.event.SeriesIssued;
import io.sartracker.kernel.event.SeriesRestructured;
import io.sartracker.kernel.event.SharesPerRightAdjusted;
import io.sartracker.kernel.model.AcquisitionCause;
import io.sartracker.kernel.model.AdjustmentCause;
import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Ratio;
import io.sartracker.kernel.model.RestructuringKind;
import io.sartracker.kernel.model.ReversibleFact;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.model.Terms;
import io.sartracker.kernel.model.Yen;
import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import io.sartracker.kernel.valuation.ValuationInputs;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static io.sartracker.command.series.FifthSeries.*;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * RULES.md 13 on one series, and the faults of issue 8 that show on one: given events (or
 * commands where the person's history matters), when a command, then events or a rejection that
 * records nothing. Today is 2026-11-27 (Asia/Tokyo) by the fixture's fixed clock.
 */
class Rules13Test {
    private static final LocalDate TOMORROW = TODAY.plusDays(1);
    private static final IssuerId NEWCO = IssuerId.of("NEWCO");

    private AggregateTestFixture<StockAcquisitionRight> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static RightsAllotted allotted(long rights) {
        return new RightsAllotted(S, D01, Role.DIRECTOR, Rights.of(rights), ALLOTMENT_DATE);
    }

    private static RuleViolationMatcher inFuture(LocalDate date) {
        return violation(RuleCode.FACT_DATED_IN_FUTURE).with("date", date).with("today", TODAY);
    }

    // ---- no fact before it happens; fault 4

    @Test
    void fault4_aDepartureDatedInTheFutureIsRefusedWithToday() {
        fixture.given(new SeriesIssued(S, I, TERMS), allotted(30))
                .when(departure(D01, "2027-03-31"))
                .expectNoEvents()
                .expectException(inFuture(day("2027-03-31")));
    }

    @Test
    void fault4_anExerciseDatedInTheFutureIsRefusedWithToday() {
        fixture.given(new SeriesIssued(S, I, TERMS), allotted(30), leftOffice(D01, "2026-11-20"))
                .when(exercise(D01, "2027-04-05", 1))
                .expectNoEvents()
                .expectException(inFuture(day("2027-04-05")));
    }

    @Test
    void aDepartureDatedTodayIsAcceptedAndTomorrowRefused() {
        fixture.given(new SeriesIssued(S, I, TERMS), allotted(30))
                .when(departure(D01, TODAY.toString()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(leftOffice(D01, TODAY.toString()));
        fixture = fixture();
        fixture.given(new SeriesIssued(S, I, TERMS), allotted(30))
                .when(departure(D01, TOMORROW.toString()))
                .expectNoEvents()
                .expectException(inFuture(TOMORROW));
    }

    @Test
    void anExerciseDatedTodayIsAcceptedAndTomorrowRefused() {
        fixture.given(new SeriesIssued(S, I, TERMS), allotted(30), leftOffice(D01, "2026-11-20"))
                .when(exercise(D01, TODAY.toString(), 1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(exercised(D01, TODAY.toString(), 1, 200));
        fixture = fixture();
        fixture.given(new SeriesIssued(S, I, TERMS), allotted(30), leftOffice(D01, "2026-11-20"))
                .when(exercise(D01, TOMORROW.toString(), 1))
                .expectNoEvents()
                .expectException(inFuture(TOMORROW));
    }

    @Test
    void todayIsTheDateInTokyoNotInTheClocksZone() {
        // 2026-11-27T16:00Z is already 2026-11-28 in Tokyo
        AggregateTestFixture<StockAcquisitionRight> late = fixture(TOMORROW);
        late.given(new SeriesIssued(S, I, TERMS), allotted(30))
                .when(departure(D01, TOMORROW.toString()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aDeathDatedTomorrowIsRefused() {
        fixture.given(new SeriesIssued(S, I, TERMS), allotted(30))
                .when(death(D01, TOMORROW.toString()))
                .expectNoEvents()
                .expectException(inFuture(TOMORROW));
    }

    @Test
    void anInheritanceDatedTomorrowIsRefused() {
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2026-06-01"))
                .when(inherit(D01, HEIR, TOMORROW.toString()))
                .expectNoEvents()
                .expectException(inFuture(TOMORROW));
    }

    @Test
    void aRoleChangeDatedTomorrowIsRefused() {
        fixture.given(new SeriesIssued(S, I, TERMS), allotted(30))
                .when(new RecordRoleChange(I, D01, Role.EXECUTIVE_OFFICER, TOMORROW))
                .expectNoEvents()
                .expectException(inFuture(TOMORROW));
    }

    @Test
    void aTransferDatedTomorrowIsRefused() {
        fixture.given(new SeriesIssued(S, I, TERMS), allotted(30))
                .when(new TransferRights(S, D01, D02, Rights.of(1), TOMORROW, null))
                .expectNoEvents()
                .expectException(inFuture(TOMORROW));
    }

    @Test
    void anAcquisitionDatedTomorrowIsRefused() {
        fixture.given(new SeriesIssued(S, I, TERMS), allotted(30))
                .when(new AcquireRights(S, AcquisitionCause.values()[0], TODAY, TOMORROW))
                .expectNoEvents()
                .expectException(inFuture(TOMORROW));
    }

    @Test
    void anAllotmentDatedTomorrowIsRefused() {
        Terms t = TERMS;
        Terms allottedTomorrow = new Terms(t.name(), t.issuerName(), day("2026-11-01"), t.maximumRights(),
                t.sharesPerRightAtIssue(), t.exercisePricePerShare(),
                new ExerciseWindow(TOMORROW.plusDays(1), day("2056-11-28")), TOMORROW, TOMORROW,
                t.windowAfterLeavingOfficeDays(), t.heirWindowMonths(), t.transferAllowed(), t.eligibleRoles());
        fixture.givenCommands(issue(allottedTomorrow))
                .when(new io.sartracker.kernel.command.AllotRights(S, D01, Role.DIRECTOR, Rights.of(1), TOMORROW))
                .expectNoEvents()
                .expectException(inFuture(TOMORROW));
    }

    @Test
    void corporateActionsResolvedInAdvanceMayBeRecordedBeforeTheirDate() {
        fixture.given(new SeriesIssued(S, I, TERMS), allotted(30))
                .when(split(Ratio.of(2, 1), "2027-03-31"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SharesPerRightAdjusted(S, AdjustmentCause.SPLIT, Ratio.of(2, 1), day("2027-03-31"),
                        day("2027-04-01"), SharesPerRight.of(200), SharesPerRight.of(400), null));
        fixture = fixture();
        fixture.given(new SeriesIssued(S, I, TERMS), allotted(30))
                .when(consolidation(Ratio.of(1, 2), "2027-06-01"))
                .expectSuccessfulHandlerExecution();
        fixture = fixture();
        fixture.given(new SeriesIssued(S, I, TERMS), allotted(30))
                .when(new AdjustSharesPerRight(S, SharesPerRight.of(210), day("2027-01-01"), "merger"))
                .expectSuccessfulHandlerExecution();
        fixture = fixture();
        fixture.given(new SeriesIssued(S, I, TERMS), allotted(30))
                .when(new RestructureSeries(S, RestructuringKind.SHARE_EXCHANGE, NEWCO, "NewCo Inc.", day("2027-04-01"),
                        Ratio.of(1, 2), true))
                .expectSuccessfulHandlerExecution();
    }

    // ---- fault 2 on one series: a consolidation before a recorded exercise, nothing outstanding

    @Test
    void fault2_aConsolidationApplyingBeforeAnExerciseIsRejectedThoughNothingIsOutstanding() {
        fixture.givenCommands(issue(), director(D01, 10), departure(D01, "2019-12-02"),
                        exercise(D01, "2019-12-07", 10))
                .when(consolidation(Ratio.of(1, 2), "2019-12-05"))
                .expectNoEvents()
                .expectException(violation(RuleCode.ADJUSTMENT_BEFORE_RECORDED_EXERCISE)
                        .with("exerciseHolderId", D01)
                        .with("exerciseDate", day("2019-12-07")));
    }

    // ---- the allotment amount and exercises; fault 6

    private static final ValuationInputs INPUTS = new ValuationInputs(new BigDecimal("2329"), new BigDecimal("15"),
            new BigDecimal("0.0118"), null, new BigDecimal("27"), new BigDecimal("0.43"), null);

    @Test
    void fault6_theAllotmentAmountCannotBeDeterminedOnceAnExerciseIsRecorded() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"),
                        exercise(D01, "2020-06-30", 2))
                .when(new DetermineAllotmentAmount(S, ALLOTMENT_DATE, ALLOTMENT_DATE, INPUTS))
                .expectNoEvents()
                .expectException(allOf(violation(RuleCode.LATER_FACT_RECORDED)
                                .with("exerciseHolderId", D01).with("exerciseDate", day("2020-06-30")),
                        Matchers.hasProperty("message", containsString("exercise by D01 on 2020-06-30"))));
    }

    @Test
    void fault6_aCorrectionRefusedBecauseOfAnExerciseDoesNotClaimAFigureTheExerciseDidNotUse() {
        // recorded before RULES.md 13: an exercise with book value 0, then a determination
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"),
                        exercise(D01, "2020-06-30", 2))
                .andGiven(new io.sartracker.kernel.event.AllotmentAmountDetermined(S, ALLOTMENT_DATE,
                        io.sartracker.command.valuation.AllotmentValuation.value(ALLOTMENT_DATE, INPUTS,
                                BigDecimal.ONE, SharesPerRight.of(200))))
                .when(new CorrectAllotmentAmount(S, TODAY, ALLOTMENT_DATE, INPUTS, "typo"))
                .expectNoEvents()
                .expectException(allOf(violation(RuleCode.LATER_FACT_RECORDED).with("exerciseDate", day("2020-06-30")),
                        Matchers.hasProperty("message", not(containsString("391285")))));
    }

    @Test
    void theAllotmentAmountCanBeDeterminedAgainOnceTheExerciseIsReversed() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"),
                        exercise(D01, "2020-06-30", 2), reverse(D01, "2020-07-01"))
                .when(new DetermineAllotmentAmount(S, ALLOTMENT_DATE, ALLOTMENT_DATE, INPUTS))
                .expectSuccessfulHandlerExecution();
    }

    // ---- after a restructuring the series keeps its own exercise price per share

    @Test
    void afterARestructuringAnExerciseUsesTheSeriesOwnExercisePricePerShare() {
        Terms t = TERMS;
        Terms fiveYen = new Terms(t.name(), t.issuerName(), t.resolutionDate(), t.maximumRights(),
                t.sharesPerRightAtIssue(), Yen.of(5), t.exercisePeriod(), t.allotmentDate(), t.paymentDate(),
                t.windowAfterLeavingOfficeDays(), t.heirWindowMonths(), t.transferAllowed(), t.eligibleRoles());
        fixture.givenCommands(issue(fiveYen), director(D01, 30),
                        new RestructureSeries(S, RestructuringKind.SHARE_EXCHANGE, NEWCO, "NewCo Inc.",
                                day("2020-01-01"), Ratio.of(1, 2), true))
                .andGivenCommands(new io.sartracker.kernel.command.RecordDepartureFromOffice(I, D01,
                        day("2020-06-25"), io.sartracker.kernel.model.DepartureReason.RETIREMENT))
                .when(exercise(D01, "2020-06-30", 2))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RightsExercised(S, D01, D01, day("2020-06-30"), Rights.of(2), SharesPerRight.of(100),
                        200, Yen.of(5), Yen.of(1000), Yen.ZERO, Yen.ZERO, Yen.of(1000), Yen.of(500), Yen.of(500),
                        false));
    }

    // ---- naming an inherited holding; fault 10

    @Test
    void fault10_anHeirExercisesUnderTheirOwnIdentifierAndTheEventNamesBoth() {
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2021-06-01"), inherit(D01, HEIR, "2021-08-31"))
                .when(exercise(HEIR, "2021-09-01", 10))
                .expectSuccessfulHandlerExecution()
                .expectEvents(exercised(D01, HEIR, "2021-09-01", 10, 200));
    }

    @Test
    void anHeirReversesTheirExerciseUnderTheirOwnIdentifier() {
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2021-06-01"), inherit(D01, HEIR, "2021-08-31"),
                        exercise(HEIR, "2021-09-01", 10))
                .when(reverse(HEIR, "2021-09-02"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new FactReversed(S, D01, ReversibleFact.EXERCISE, day("2021-09-01"), "recorded in error",
                        day("2021-09-02"), Rights.of(10), Rights.NONE));
    }

    @Test
    void fault10_afterThePeriodEndedAnExerciseByAHolderWhoLeftOfficeLaterIsRefusedAsThePeriodsEnd() {
        fixture = fixture(AFTER_THE_PERIOD);
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2045-08-01"))
                .when(exercise(D01, "2045-07-10", 1))
                .expectNoEvents()
                .expectException(allOf(violation(RuleCode.EXERCISE_PERIOD_ENDED)
                                .with("periodLastDay", PERIOD_END).with("lapseDate", day("2045-07-14")),
                        Matchers.hasProperty("message", not(containsString("Record the departure")))));
    }

    // ---- shares per right may fall to 0

    @Test
    void aConsolidationMayBringTheSharesPerRightToZero() {
        fixture.given(new SeriesIssued(S, I, TERMS), allotted(30))
                .when(consolidation(Ratio.of(1, 300), "2020-01-01"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SharesPerRightAdjusted(S, AdjustmentCause.CONSOLIDATION, Ratio.of(1, 300),
                        day("2020-01-01"), day("2020-01-01"), SharesPerRight.of(200), SharesPerRight.of(0), null));
    }

    @Test
    void anExerciseThatWouldDeliverNoShareIsRejected() {
        fixture.given(new SeriesIssued(S, I, TERMS), allotted(30),
                        new SharesPerRightAdjusted(S, AdjustmentCause.CONSOLIDATION, Ratio.of(1, 300),
                                day("2020-01-01"), day("2020-01-01"), SharesPerRight.of(200), SharesPerRight.of(0),
                                null),
                        leftOffice(D01, "2020-06-25"))
                .when(exercise(D01, "2020-06-30", 1))
                .expectNoEvents()
                .expectException(violation(RuleCode.NOTHING_TO_DELIVER)
                        .with("sharesPerRight", SharesPerRight.of(0)).with("exerciseDate", day("2020-06-30")));
        fixture = fixture();
        fixture.given(new SeriesIssued(S, I, TERMS), allotted(30),
                        new SharesPerRightAdjusted(S, AdjustmentCause.CONSOLIDATION, Ratio.of(1, 300),
                                day("2020-01-01"), day("2020-01-01"), SharesPerRight.of(200), SharesPerRight.of(0),
                                null),
                        leftOffice(D01, "2020-06-25"))
                .when(exerciseShares(D01, "2020-06-30", "200"))
                .expectNoEvents()
                .expectException(violation(RuleCode.NOTHING_TO_DELIVER));
    }

    // ---- the person at the issuer, seen from one series (given events: the history is opened from them)

    @Test
    void aSecondDepartureDatedBeforeTheFirstIsOutOfOrder() {
        fixture.given(new SeriesIssued(S, I, TERMS), allotted(30), leftOffice(D01, "2022-01-10"))
                .when(departure(D01, "2019-05-01"))
                .expectNoEvents()
                .expectException(violation(RuleCode.FACT_OUT_OF_ORDER)
                        .with("date", day("2019-05-01")).with("latestFactDate", day("2022-01-10")));
    }

    @Test
    void aDeathDatedBeforeARecordedDepartureIsOutOfOrder() {
        fixture.given(new SeriesIssued(S, I, TERMS), allotted(30), leftOffice(D01, "2022-01-10"))
                .when(death(D01, "2019-05-01"))
                .expectNoEvents()
                .expectException(violation(RuleCode.FACT_OUT_OF_ORDER).with("latestFactDate", day("2022-01-10")));
    }

    @Test
    void aDeathAfterTheRecordedLapseDatedInsideTheWindowLeavesTheLapseStanding() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"), lapsesDueAsOf("2020-07-06"))
                .when(death(D01, "2020-07-01"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(List.of())
                .expectNoEvents();
    }
}
