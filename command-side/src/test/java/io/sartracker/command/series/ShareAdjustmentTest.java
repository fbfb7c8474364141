package io.sartracker.command.series;

import io.sartracker.kernel.command.AdjustSharesPerRight;
import io.sartracker.kernel.command.RecordShareConsolidation;
import io.sartracker.kernel.command.RecordShareSplit;
import io.sartracker.kernel.event.SharesPerRightAdjusted;
import io.sartracker.kernel.model.AdjustmentCause;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Ratio;
import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.rule.RuleCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.sartracker.command.series.FifthSeries.*;

/** RULES.md 7: split and consolidation (3), and the board's direct adjustment. */
class ShareAdjustmentTest {
    private AggregateTestFixture<StockAcquisitionRight> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static SharesPerRightAdjusted adjusted(AdjustmentCause cause, Ratio ratio, String decisionDate,
                                                   String appliesFrom, long before, long after) {
        return new SharesPerRightAdjusted(S, cause, ratio, day(decisionDate), day(appliesFrom),
                SharesPerRight.of(before), SharesPerRight.of(after), null);
    }

    // ---- split

    @Test
    void aSplitAppliesFromTheDayAfterItsRecordDate() {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(split(Ratio.of(2, 1), "2020-12-31"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(List.of(S))
                .expectEvents(adjusted(AdjustmentCause.SPLIT, Ratio.of(2, 1), "2020-12-31", "2021-01-01", 200, 400));
    }

    @Test
    void theSecondSplitOfTheReferenceHistoryStartsFromTheFirstSplitsFigure() {
        fixture.givenCommands(issue(), director(D01, 30), split(Ratio.of(2, 1), "2020-12-31"))
                .when(split(Ratio.of(2, 1), "2022-09-30"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(adjusted(AdjustmentCause.SPLIT, Ratio.of(2, 1), "2022-09-30", "2022-10-01", 400, 800));
    }

    @Test
    void aThreeForTwoSplitIsKeptAsTheExactFraction() {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(new RecordShareSplit(I, Ratio.parse("3/2"), day("2020-12-31"), null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(adjusted(AdjustmentCause.SPLIT, Ratio.of(3, 2), "2020-12-31", "2021-01-01", 200, 300));
    }

    // ---- consolidation and rounding down

    @Test
    void aOneForThreeConsolidationRounds200DownTo66FromItsEffectiveDate() {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(consolidation(Ratio.of(1, 3), "2020-10-01"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(List.of(S))
                .expectEvents(adjusted(AdjustmentCause.CONSOLIDATION, Ratio.of(1, 3), "2020-10-01", "2020-10-01",
                        200, 66));
    }

    @Test
    void anExerciseOnAConsolidationsEffectiveDateDelivers66SharesPerRight() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-09-25"),
                        consolidation(Ratio.of(1, 3), "2020-10-01"))
                .when(exercise(D01, "2020-10-01", 3))
                .expectSuccessfulHandlerExecution()
                .expectEvents(exercised(D01, "2020-10-01", 3, 66));
    }

    @Test
    void anExerciseTheDayBeforeAConsolidationTakesEffectUsesTheFigureBefore() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-09-25"),
                        consolidation(Ratio.of(1, 3), "2020-10-01"))
                .when(exercise(D01, "2020-09-30", 3))
                .expectSuccessfulHandlerExecution()
                .expectEvents(exercised(D01, "2020-09-30", 3, 200));
    }

    @Test
    void eachAdjustmentStartsFromTheRoundedFigureOfTheOneBefore() {
        // 200 x 1/3 = 66 (not 66.67); 66 x 3 = 198, not 200
        fixture.givenCommands(issue(), director(D01, 30), consolidation(Ratio.of(1, 3), "2020-10-01"))
                .when(split(Ratio.of(3, 1), "2021-03-31"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(adjusted(AdjustmentCause.SPLIT, Ratio.of(3, 1), "2021-03-31", "2021-04-01", 66, 198));
    }

    // ---- conditional split

    @Test
    void aSplitConditionalOnTheMeetingAppliesFromTheDayAfterTheMeetingCloses() {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(new RecordShareSplit(I, Ratio.of(2, 1), day("2021-06-24"), day("2021-06-25")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(adjusted(AdjustmentCause.CONDITIONAL_SPLIT, Ratio.of(2, 1), "2021-06-24", "2021-06-26",
                        200, 400));
    }

    @Test
    void anExerciseOnTheDayTheMeetingClosesStillUsesTheFigureBeforeAConditionalSplit() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2021-06-20"),
                        new RecordShareSplit(I, Ratio.of(2, 1), day("2021-06-24"), day("2021-06-25")))
                .when(exercise(D01, "2021-06-25", 1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(exercised(D01, "2021-06-25", 1, 200));
    }

    @Test
    void anExerciseOnTheDayAfterTheMeetingClosesUsesTheConditionalSplitsFigure() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2021-06-20"),
                        new RecordShareSplit(I, Ratio.of(2, 1), day("2021-06-24"), day("2021-06-25")))
                .when(exercise(D01, "2021-06-26", 1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(exercised(D01, "2021-06-26", 1, 400));
    }

    @Test
    void aConditionalSplitWhoseRecordDateIsNotTheDayBeforeTheMeetingClosesIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(new RecordShareSplit(I, Ratio.of(2, 1), day("2021-06-23"), day("2021-06-25")))
                .expectNoEvents()
                .expectException(violation(RuleCode.CONDITIONAL_SPLIT_DATES)
                        .with("recordDate", day("2021-06-23"))
                        .with("meetingClosingDate", day("2021-06-25")));
    }

    // ---- the ratio must fit the kind of adjustment

    @ParameterizedTest
    @ValueSource(strings = {"1/1", "1/2", "9/10"})
    void aSplitWithARatioNotAboveOneIsRejected(String ratio) {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(new RecordShareSplit(I, Ratio.parse(ratio), day("2020-12-31"), null))
                .expectNoEvents()
                .expectException(violation(RuleCode.RATIO_DOES_NOT_FIT).with("ratio", Ratio.parse(ratio)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1/1", "3/2", "10"})
    void aConsolidationWithARatioNotBelowOneIsRejected(String ratio) {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(new RecordShareConsolidation(I, Ratio.parse(ratio), day("2020-10-01")))
                .expectNoEvents()
                .expectException(violation(RuleCode.RATIO_DOES_NOT_FIT).with("ratio", Ratio.parse(ratio)));
    }

    // ---- order and dates of adjustments

    @Test
    void anAdjustmentApplyingBeforeTheLatestOneIsOutOfOrder() {
        fixture.givenCommands(issue(), director(D01, 30), split(Ratio.of(2, 1), "2020-12-31"))
                .when(consolidation(Ratio.of(1, 2), "2020-10-01"))
                .expectNoEvents()
                .expectException(violation(RuleCode.ADJUSTMENT_OUT_OF_ORDER)
                        .with("appliesFrom", day("2020-10-01"))
                        .with("latestAdjustmentAppliesFrom", day("2021-01-01")));
    }

    @Test
    void anAdjustmentApplyingOnTheSameDayAsTheLatestOneIsOutOfOrder() {
        fixture.givenCommands(issue(), director(D01, 30), split(Ratio.of(2, 1), "2020-12-31"))
                .when(consolidation(Ratio.of(1, 2), "2021-01-01"))
                .expectNoEvents()
                .expectException(violation(RuleCode.ADJUSTMENT_OUT_OF_ORDER)
                        .with("appliesFrom", day("2021-01-01"))
                        .with("latestAdjustmentAppliesFrom", day("2021-01-01")));
    }

    @Test
    void aSplitApplyingOnTheAllotmentDateIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(split(Ratio.of(2, 1), "2015-07-12"))
                .expectNoEvents()
                .expectException(violation(RuleCode.ADJUSTMENT_BEFORE_ALLOTMENT)
                        .with("appliesFrom", ALLOTMENT_DATE)
                        .with("allotmentDate", ALLOTMENT_DATE));
    }

    @Test
    void aConsolidationTakingEffectBeforeTheAllotmentDateIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(consolidation(Ratio.of(1, 2), "2015-07-01"))
                .expectNoEvents()
                .expectException(violation(RuleCode.ADJUSTMENT_BEFORE_ALLOTMENT)
                        .with("appliesFrom", day("2015-07-01"))
                        .with("allotmentDate", ALLOTMENT_DATE));
    }

    @Test
    void aSplitWithItsRecordDateOnTheAllotmentDateAppliesFromTheDayAfter() {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(split(Ratio.of(2, 1), "2015-07-13"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(adjusted(AdjustmentCause.SPLIT, Ratio.of(2, 1), "2015-07-13", "2015-07-14", 200, 400));
    }

    // ---- an adjustment may not change an exercise already recorded

    @Test
    void aSplitApplyingBeforeARecordedExerciseIsRejectedAndNamesTheExercise() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-12-25"),
                        exercise(D01, "2020-12-30", 1))
                .when(split(Ratio.of(2, 1), "2020-12-28"))
                .expectNoEvents()
                .expectException(violation(RuleCode.ADJUSTMENT_BEFORE_RECORDED_EXERCISE)
                        .with("appliesFrom", day("2020-12-29"))
                        .with("exerciseHolderId", D01)
                        .with("exerciseDate", day("2020-12-30")));
    }

    @Test
    void aSplitApplyingOnTheDayOfARecordedExerciseIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-12-25"),
                        exercise(D01, "2020-12-30", 1))
                .when(split(Ratio.of(2, 1), "2020-12-29"))
                .expectNoEvents()
                .expectException(violation(RuleCode.ADJUSTMENT_BEFORE_RECORDED_EXERCISE)
                        .with("appliesFrom", day("2020-12-30"))
                        .with("exerciseHolderId", D01)
                        .with("exerciseDate", day("2020-12-30")));
    }

    @Test
    void aSplitApplyingAfterTheRecordedExercisesIsAccepted() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-12-25"),
                        exercise(D01, "2020-12-30", 1))
                .when(split(Ratio.of(2, 1), "2020-12-30"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(adjusted(AdjustmentCause.SPLIT, Ratio.of(2, 1), "2020-12-30", "2020-12-31", 200, 400));
    }

    @Test
    void aConsolidationTakingEffectBeforeAnotherHoldersRecordedExerciseIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30), officer(E01, 10), departure(E01, "2020-09-25"),
                        exercise(E01, "2020-10-02", 1))
                .when(consolidation(Ratio.of(1, 3), "2020-10-01"))
                .expectNoEvents()
                .expectException(violation(RuleCode.ADJUSTMENT_BEFORE_RECORDED_EXERCISE)
                        .with("exerciseHolderId", E01)
                        .with("exerciseDate", day("2020-10-02")));
    }

    // ---- RULES.md 13: every series running on the day it applies is adjusted, rights outstanding or not

    @Test
    void aSplitIsRecordedInASeriesWithNothingOutstanding() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"),
                        exercise(D01, "2020-06-30", 30))
                .when(split(Ratio.of(2, 1), "2020-12-31"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(List.of(S))
                .expectEvents(new SharesPerRightAdjusted(S, AdjustmentCause.SPLIT, Ratio.of(2, 1), day("2020-12-31"),
                        day("2021-01-01"), SharesPerRight.of(200), SharesPerRight.of(400), null));
    }

    @Test
    void aSplitAtAnUnknownIssuerIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(new RecordShareSplit(IssuerId.of("OTHER"), Ratio.of(2, 1), day("2020-12-31"), null))
                .expectNoEvents()
                .expectException(violation(RuleCode.UNKNOWN_ISSUER).with("issuerId", IssuerId.of("OTHER")));
    }

    // ---- the board's direct adjustment after a merger, demerger or the like

    @Test
    void theBoardsDirectAdjustmentIsRecordedWithTheNewFigureItsDateAndItsReason() {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(new AdjustSharesPerRight(S, SharesPerRight.of(210), day("2019-04-01"), "absorption of a subsidiary"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SharesPerRightAdjusted(S, AdjustmentCause.BOARD_ADJUSTMENT, null, day("2019-04-01"),
                        day("2019-04-01"), SharesPerRight.of(200), SharesPerRight.of(210),
                        "absorption of a subsidiary"));
    }

    @Test
    void anExerciseAfterTheBoardsAdjustmentUsesTheNewFigure() {
        fixture.givenCommands(issue(), director(D01, 30),
                        new AdjustSharesPerRight(S, SharesPerRight.of(210), day("2019-04-01"), "absorption"),
                        departure(D01, "2020-06-25"))
                .when(exercise(D01, "2020-06-30", 2))
                .expectSuccessfulHandlerExecution()
                .expectEvents(exercised(D01, "2020-06-30", 2, 210));
    }

    @Test
    void theBoardsAdjustmentOnTheAllotmentDateIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(new AdjustSharesPerRight(S, SharesPerRight.of(210), ALLOTMENT_DATE, "absorption"))
                .expectNoEvents()
                .expectException(violation(RuleCode.ADJUSTMENT_BEFORE_ALLOTMENT).with("appliesFrom", ALLOTMENT_DATE));
    }

    @Test
    void theBoardsAdjustmentBeforeARecordedExerciseIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"),
                        exercise(D01, "2020-06-30", 1))
                .when(new AdjustSharesPerRight(S, SharesPerRight.of(210), day("2020-06-30"), "absorption"))
                .expectNoEvents()
                .expectException(violation(RuleCode.ADJUSTMENT_BEFORE_RECORDED_EXERCISE)
                        .with("exerciseDate", day("2020-06-30")));
    }
}
