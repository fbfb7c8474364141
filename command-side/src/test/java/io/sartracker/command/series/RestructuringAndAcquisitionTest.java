package io.sartracker.command.series;

import io.sartracker.kernel.command.AcquireRights;
import io.sartracker.kernel.command.RestructureSeries;
import io.sartracker.kernel.event.RightsAcquired;
import io.sartracker.kernel.event.RightsLapsed;
import io.sartracker.kernel.event.SeriesRestructured;
import io.sartracker.kernel.model.AcquisitionCause;
import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.LapseReason;
import io.sartracker.kernel.model.Ratio;
import io.sartracker.kernel.model.RestructuringKind;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.model.Yen;
import io.sartracker.kernel.rule.RuleCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.sartracker.command.series.FifthSeries.*;
import static org.assertj.core.api.Assertions.assertThat;

/** RULES.md 9: acquisition without contribution (8) and organizational restructuring (9). */
class RestructuringAndAcquisitionTest {
    private static final IssuerId NEWCO = IssuerId.of("NEWCO");

    private AggregateTestFixture<StockAcquisitionRight> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static AcquireRights acquire(String approvalDate, String acquisitionDate) {
        return new AcquireRights(S, AcquisitionCause.MERGER_COMPANY_DISSOLVES, day(approvalDate), day(acquisitionDate));
    }

    private static RestructureSeries restructure(String effectiveDate, Ratio shareRatio) {
        return new RestructureSeries(S, RestructuringKind.MERGER_COMPANY_DISSOLVES, NEWCO, "NewCo Inc.",
                day(effectiveDate), shareRatio, true);
    }

    // ---- acquisition without contribution (8)

    @Test
    void theCompanyAcquiresEveryOutstandingRightOneEventPerLiveHolding() {
        fixture.givenCommands(issue(), director(D01, 30), officer(E01, 20), departure(E01, "2020-06-25"),
                        exercise(E01, "2020-06-26", 5))
                .when(acquire("2020-06-20", "2020-07-01"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new RightsAcquired(S, D01, Rights.of(30), AcquisitionCause.MERGER_COMPANY_DISSOLVES,
                                day("2020-06-20"), day("2020-07-01")),
                        new RightsAcquired(S, E01, Rights.of(15), AcquisitionCause.MERGER_COMPANY_DISSOLVES,
                                day("2020-06-20"), day("2020-07-01")))
                .expectState(series -> {
                    assertThat(series.totals().acquired()).isEqualTo(Rights.of(45));
                    assertThat(series.totals().outstanding()).isEqualTo(Rights.NONE);
                });
    }

    @ParameterizedTest
    @EnumSource(AcquisitionCause.class)
    void eachApprovalOfTheTermsAllowsTheAcquisition(AcquisitionCause cause) {
        fixture = fixture(AFTER_THE_PERIOD); // its dates lie after 2026-11-27
        fixture.givenCommands(issue(), director(D01, 30))
                .when(new AcquireRights(S, cause, day("2030-01-10"), day("2030-01-10")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RightsAcquired(S, D01, Rights.of(30), cause, day("2030-01-10"), day("2030-01-10")));
    }

    @Test
    void dueLapsesAreRecordedBeforeTheAcquisition() {
        fixture.givenCommands(issue(), director(D01, 30), officer(E01, 20), departure(E01, "2020-06-01"))
                .when(acquire("2020-06-20", "2020-07-01"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new RightsLapsed(S, E01, Rights.of(20), LapseReason.WINDOW_AFTER_LEAVING_OFFICE_CLOSED,
                                day("2020-06-12")),
                        new RightsAcquired(S, D01, Rights.of(30), AcquisitionCause.MERGER_COMPANY_DISSOLVES,
                                day("2020-06-20"), day("2020-07-01")));
    }

    @Test
    void anAcquisitionBeforeTheApprovalIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(acquire("2020-07-01", "2020-06-30"))
                .expectNoEvents()
                .expectException(violation(RuleCode.ACQUISITION_BEFORE_APPROVAL)
                        .with("approvalDate", day("2020-07-01"))
                        .with("acquisitionDate", day("2020-06-30")));
    }

    @Test
    void anAcquisitionWithNothingOutstandingIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"),
                        exercise(D01, "2020-06-30", 30))
                .when(acquire("2020-07-01", "2020-07-01"))
                .expectNoEvents()
                .expectException(violation(RuleCode.NOTHING_OUTSTANDING)
                        .with("date", day("2020-07-01"))
                        .with("outstandingRights", Rights.NONE));
    }

    @Test
    void anAcquisitionWhenEveryRightIsDueToLapseIsRejectedAndRecordsNoLapse() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-01"))
                .when(acquire("2020-07-01", "2020-07-01"))
                .expectNoEvents()
                .expectException(violation(RuleCode.NOTHING_OUTSTANDING).with("outstandingRights", Rights.NONE));
    }

    @Test
    void acquiredRightsCannotBeExercised() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"),
                        acquire("2020-06-20", "2020-06-28"))
                .when(exercise(D01, "2020-06-30", 1))
                .expectNoEvents()
                .expectException(violation(RuleCode.RIGHTS_ACQUIRED)
                        .with("holderId", D01)
                        .with("rightsAcquired", Rights.of(30)));
    }

    @Test
    void anAcquisitionDatedBeforeAFactAlreadyRecordedIsOutOfOrder() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"))
                .when(acquire("2020-06-01", "2020-06-24"))
                .expectNoEvents()
                .expectException(violation(RuleCode.FACT_OUT_OF_ORDER)
                        .with("holderId", D01)
                        .with("latestFactDate", day("2020-06-25")));
    }

    // ---- organizational restructuring (9)

    @Test
    void everyRemainingRightIsReplacedWithFlooredSharesPerRightAndThePeriodFromTheEffectiveDate() {
        // 200 x 3/7 = 85.71 -> 85; 30 + 15 rights remain
        fixture.givenCommands(issue(), director(D01, 30), officer(E01, 20), departure(E01, "2020-06-25"),
                        exercise(E01, "2020-06-26", 5))
                .when(restructure("2020-07-01", Ratio.of(3, 7)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SeriesRestructured(S, RestructuringKind.MERGER_COMPANY_DISSOLVES, I, NEWCO,
                        "NewCo Inc.", day("2020-07-01"), Ratio.of(3, 7), SharesPerRight.of(200),
                        SharesPerRight.of(85), Yen.of(1), new ExerciseWindow(day("2020-07-01"), PERIOD_END),
                        Rights.of(45)))
                .expectState(series -> {
                    assertThat(series.issuerId()).isEqualTo(NEWCO);
                    assertThat(series.totals().outstanding()).isEqualTo(Rights.of(45));
                });
    }

    @ParameterizedTest
    @EnumSource(RestructuringKind.class)
    void everyKindOfRestructuringReplacesTheRights(RestructuringKind kind) {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(new RestructureSeries(S, kind, NEWCO, "NewCo Inc.", day("2020-10-01"), Ratio.of(1, 3), true))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SeriesRestructured(S, kind, I, NEWCO, "NewCo Inc.", day("2020-10-01"),
                        Ratio.of(1, 3), SharesPerRight.of(200), SharesPerRight.of(66), Yen.of(1),
                        new ExerciseWindow(day("2020-10-01"), PERIOD_END), Rights.of(30)));
    }

    @Test
    void theRestructuringStartsFromTheSharesPerRightInForce() {
        // 400 after the split; 400 x 3/7 = 171.43 -> 171
        fixture.givenCommands(issue(), director(D01, 30), split(Ratio.of(2, 1), "2020-12-31"))
                .when(restructure("2021-04-01", Ratio.of(3, 7)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SeriesRestructured(S, RestructuringKind.MERGER_COMPANY_DISSOLVES, I, NEWCO,
                        "NewCo Inc.", day("2021-04-01"), Ratio.of(3, 7), SharesPerRight.of(400),
                        SharesPerRight.of(171), Yen.of(1), new ExerciseWindow(day("2021-04-01"), PERIOD_END),
                        Rights.of(30)));
    }

    @Test
    void theExercisePeriodKeepsTheOriginalStartWhenThatIsLater() {
        fixture.givenCommands(issue(termsWithPeriod(day("2016-01-01"), PERIOD_END)), director(D01, 30))
                .when(restructure("2015-09-01", Ratio.of(1, 1)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SeriesRestructured(S, RestructuringKind.MERGER_COMPANY_DISSOLVES, I, NEWCO,
                        "NewCo Inc.", day("2015-09-01"), Ratio.of(1, 1), SharesPerRight.of(200),
                        SharesPerRight.of(200), Yen.of(1), new ExerciseWindow(day("2016-01-01"), PERIOD_END),
                        Rights.of(30)));
    }

    @Test
    void aReplacedRightIsExercisedForSharesOfTheRestructuredCompanyAtOneYenPerShare() {
        fixture.givenCommands(issue(), director(D01, 30), restructure("2020-10-01", Ratio.of(3, 7)),
                        departure(D01, "2021-03-01"))
                .when(exercise(D01, "2021-03-05", 30))
                .expectSuccessfulHandlerExecution()
                .expectEvents(exercised(D01, "2021-03-05", 30, 85));
    }

    @Test
    void theSameWindowRulesApplyToReplacedRights() {
        fixture.givenCommands(issue(), director(D01, 30), restructure("2020-10-01", Ratio.of(3, 7)),
                        departure(D01, "2021-03-01"))
                .when(exercise(D01, "2021-03-12", 30))
                .expectNoEvents()
                .expectException(violation(RuleCode.OUTSIDE_EXERCISE_WINDOW)
                        .with("windowFirstDay", day("2021-03-02"))
                        .with("windowLastDay", day("2021-03-11")));
    }

    @Test
    void aReplacedRightCannotBeExercisedBeforeTheNewPeriodStarts() {
        // the holder left office on 2020-09-25 (window 09-26..10-05); the replaced rights' period starts 10-01
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-09-25"),
                        restructure("2020-10-01", Ratio.of(3, 7)))
                .when(exercise(D01, "2020-09-30", 1))
                .expectNoEvents()
                .expectException(violation(RuleCode.OUTSIDE_EXERCISE_PERIOD)
                        .with("periodFirstDay", day("2020-10-01"))
                        .with("periodLastDay", PERIOD_END));
    }

    @Test
    void dueLapsesAreRecordedBeforeTheRestructuringAndTheRestAreReplaced() {
        fixture.givenCommands(issue(), director(D01, 30), officer(E01, 20), departure(E01, "2020-06-01"))
                .when(restructure("2020-10-01", Ratio.of(1, 3)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new RightsLapsed(S, E01, Rights.of(20), LapseReason.WINDOW_AFTER_LEAVING_OFFICE_CLOSED,
                                day("2020-06-12")),
                        new SeriesRestructured(S, RestructuringKind.MERGER_COMPANY_DISSOLVES, I, NEWCO, "NewCo Inc.",
                                day("2020-10-01"), Ratio.of(1, 3), SharesPerRight.of(200), SharesPerRight.of(66),
                                Yen.of(1), new ExerciseWindow(day("2020-10-01"), PERIOD_END), Rights.of(30)));
    }

    @Test
    void aRestructuringWhoseAgreementDoesNotProvideReplacementIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(new RestructureSeries(S, RestructuringKind.SHARE_EXCHANGE, NEWCO, "NewCo Inc.",
                        day("2020-10-01"), Ratio.of(1, 3), false))
                .expectNoEvents()
                .expectException(violation(RuleCode.RESTRUCTURING_WITHOUT_REPLACEMENT)
                        .with("kind", RestructuringKind.SHARE_EXCHANGE));
    }

    @Test
    void aRestructuringWithNothingOutstandingIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"),
                        exercise(D01, "2020-06-30", 30))
                .when(restructure("2020-10-01", Ratio.of(1, 3)))
                .expectNoEvents()
                .expectException(violation(RuleCode.NOTHING_OUTSTANDING)
                        .with("date", day("2020-10-01"))
                        .with("outstandingRights", Rights.NONE));
    }

    @Test
    void aRestructuringTakingEffectOnOrBeforeARecordedExerciseIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30), officer(E01, 20), departure(E01, "2020-09-25"),
                        exercise(E01, "2020-10-01", 1))
                .when(restructure("2020-10-01", Ratio.of(1, 3)))
                .expectNoEvents()
                .expectException(violation(RuleCode.ADJUSTMENT_BEFORE_RECORDED_EXERCISE)
                        .with("appliesFrom", day("2020-10-01"))
                        .with("exerciseHolderId", E01)
                        .with("exerciseDate", day("2020-10-01")));
    }

    @Test
    void aRestructuringTakingEffectOnTheAllotmentDateIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(restructure("2015-07-13", Ratio.of(1, 3)))
                .expectNoEvents()
                .expectException(violation(RuleCode.ADJUSTMENT_BEFORE_ALLOTMENT).with("appliesFrom", ALLOTMENT_DATE));
    }
}
