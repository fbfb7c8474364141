package io.sartracker.command.series;

import io.sartracker.kernel.command.AdjustSharesPerRight;
import io.sartracker.kernel.command.ExerciseRights;
import io.sartracker.kernel.event.AllotmentAmountDetermined;
import io.sartracker.kernel.event.RightsExercised;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.Ratio;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.model.Yen;
import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.valuation.Valuation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static io.sartracker.command.series.FifthSeries.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RULES.md 6: exercise (and the reference history of RULES.md 12). */
class ExerciseTest {
    private AggregateTestFixture<StockAcquisitionRight> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void referenceHistoryThirtyRightsAfterTwoSplitsDeliver24000SharesFor24000Yen() {
        fixture.givenCommands(issue(), director(D01, 30),
                        split(Ratio.of(2, 1), "2020-12-31"),
                        split(Ratio.of(2, 1), "2022-09-30"),
                        departure(D01, "2023-06-23"))
                .when(exercise(D01, "2023-06-30", 30))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RightsExercised(S, D01, D01, day("2023-06-30"), Rights.of(30),
                        SharesPerRight.of(800), 24000, Yen.of(1), Yen.of(24000), Yen.ZERO, Yen.ZERO, Yen.of(24000),
                        Yen.of(12000), Yen.of(12000), false));
    }

    @Test
    void theEventRecordsRightsSharesPricePaidInAndBothCapitalFigures() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"))
                .when(exercise(D01, "2020-06-30", 3))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RightsExercised(S, D01, D01, day("2020-06-30"), Rights.of(3), SharesPerRight.of(200),
                        600, Yen.of(1), Yen.of(600), Yen.ZERO, Yen.ZERO, Yen.of(600), Yen.of(300), Yen.of(300), false));
    }

    @Test
    void anOddCapitalLimitPutsTheRoundedUpHalfIntoCapitalStock() {
        // with no allotment amount recorded (book value 0), a board adjustment to 201 shares per
        // right gives an odd limit: paid in 201, capital stock 101, capital reserve 100
        fixture.givenCommands(issue(), director(D01, 30),
                        new AdjustSharesPerRight(S, SharesPerRight.of(201), day("2016-01-01"), "demerger of a unit"),
                        departure(D01, "2020-06-25"))
                .when(exercise(D01, "2020-06-30", 1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RightsExercised(S, D01, D01, day("2020-06-30"), Rights.of(1), SharesPerRight.of(201),
                        201, Yen.of(1), Yen.of(201), Yen.ZERO, Yen.ZERO, Yen.of(201), Yen.of(101), Yen.of(100), false));
    }

    /** A recorded allotment amount of {@code yen} per right; only its amount matters to an exercise. */
    private static AllotmentAmountDetermined allotmentAmount(long yen) {
        return new AllotmentAmountDetermined(S, day("2015-07-13"), new Valuation(
                Valuation.BLACK_SCHOLES_WITH_DIVIDEND_YIELD, day("2015-07-13"), new BigDecimal("501"),
                BigDecimal.ONE, new BigDecimal("15"), new BigDecimal("0.012"), new BigDecimal("16.5"), 0.0329, 0.35,
                Valuation.VolatilitySource.GIVEN, null, null, List.of(), 3.1, yen / 200.0, SharesPerRight.of(200),
                Yen.of(yen)));
    }

    @Test
    void rulesExampleThreeRightsOf200SharesAtAnAllotmentAmountOf100000YenGive150300And150300() {
        fixture.givenCommands(issue())
                .andGiven(allotmentAmount(100_000))
                .andGivenCommands(director(D01, 30), departure(D01, "2020-06-25"))
                .when(exercise(D01, "2020-06-30", 3))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RightsExercised(S, D01, D01, day("2020-06-30"), Rights.of(3), SharesPerRight.of(200),
                        600, Yen.of(1), Yen.of(600), Yen.of(100_000), Yen.of(300_000), Yen.of(300_600),
                        Yen.of(150_300), Yen.of(150_300), true));
    }

    @Test
    void anOddLimitWithABookValueRoundsTheCapitalStockHalfUp() {
        // 1 right of 201 shares: paid in 201 + book value 100,000 = 100,201 -> 50,101 and 50,100
        fixture.givenCommands(issue())
                .andGiven(allotmentAmount(100_000))
                .andGivenCommands(director(D01, 30),
                        new AdjustSharesPerRight(S, SharesPerRight.of(201), day("2016-01-01"), "demerger of a unit"),
                        departure(D01, "2020-06-25"))
                .when(exercise(D01, "2020-06-30", 1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RightsExercised(S, D01, D01, day("2020-06-30"), Rights.of(1), SharesPerRight.of(201),
                        201, Yen.of(1), Yen.of(201), Yen.of(100_000), Yen.of(100_000), Yen.of(100_201),
                        Yen.of(50_101), Yen.of(50_100), true));
    }

    @Test
    void exercisingMoreRightsThanHeldIsRejectedWithTheRightsHeld() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"))
                .when(exercise(D01, "2020-06-30", 31))
                .expectNoEvents()
                .expectException(violation(RuleCode.EXCEEDS_RIGHTS_HELD)
                        .with("rightsHeld", Rights.of(30))
                        .with("requestedRights", Rights.of(31)));
    }

    @Test
    void exercisingMoreThanTheRightsLeftAfterAnEarlierExerciseIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"),
                        exercise(D01, "2020-06-26", 25))
                .when(exercise(D01, "2020-06-30", 6))
                .expectNoEvents()
                .expectException(violation(RuleCode.EXCEEDS_RIGHTS_HELD)
                        .with("rightsHeld", Rights.of(5))
                        .with("requestedRights", Rights.of(6)));
    }

    @Test
    void aFractionOfARightIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"))
                .when(exerciseRights(D01, "2020-06-30", "1.5"))
                .expectNoEvents()
                .expectException(violation(RuleCode.PARTIAL_RIGHT_NOT_ALLOWED).with("requestedRights", "1.5"));
    }

    @Test
    void aWholeNumberOfRightsWrittenWithDecimalsIsAccepted() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"))
                .when(exerciseRights(D01, "2020-06-30", "2.00"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(exercised(D01, "2020-06-30", 2, 200));
    }

    @Test
    void sharesThatAreNotAWholeMultipleOfTheSharesPerRightAreRejected() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"))
                .when(exerciseShares(D01, "2020-06-30", "300"))
                .expectNoEvents()
                .expectException(violation(RuleCode.PARTIAL_RIGHT_NOT_ALLOWED)
                        .with("requestedShares", "300")
                        .with("sharesPerRight", SharesPerRight.of(200))
                        .with("wholeRights", 1L));
    }

    @Test
    void aFractionOfAShareIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"))
                .when(exerciseShares(D01, "2020-06-30", "400.5"))
                .expectNoEvents()
                .expectException(violation(RuleCode.PARTIAL_RIGHT_NOT_ALLOWED)
                        .with("requestedShares", "400.5")
                        .with("wholeRights", 2L));
    }

    @Test
    void sharesThatAreAWholeMultipleAreExercisedAsThatManyRights() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"))
                .when(exerciseShares(D01, "2020-06-30", "400"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(exercised(D01, "2020-06-30", 2, 200));
    }

    @Test
    void sharesAreCountedInTheSharesPerRightInForceOnTheExerciseDate() {
        fixture.givenCommands(issue(), director(D01, 30), split(Ratio.of(2, 1), "2020-12-31"),
                        departure(D01, "2021-06-25"))
                .when(exerciseShares(D01, "2021-06-30", "400"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(exercised(D01, "2021-06-30", 1, 400));
    }

    @Test
    void aRequestForNoRightsOrNegativeRightsIsNotACommand() {
        assertThatThrownBy(() -> ExerciseRights.ofRights(S, D01, day("2020-06-30"), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExerciseRights(S, D01, day("2020-06-30"), null, new BigDecimal("-200")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExerciseRights(S, D01, day("2020-06-30"), BigDecimal.ONE, BigDecimal.TEN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHoldingMayBeExercisedSeveralTimesWhileItsWindowIsOpen() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"),
                        exercise(D01, "2020-06-26", 10))
                .when(exercise(D01, "2020-07-01", 5))
                .expectSuccessfulHandlerExecution()
                .expectEvents(exercised(D01, "2020-07-01", 5, 200))
                .expectState(series -> {
                    assertThat(series.rightsHeld()).containsExactlyEntriesOf(Map.of(D01, Rights.of(15)));
                    assertThat(series.totals().exercised()).isEqualTo(Rights.of(15));
                });
    }

    @Test
    void theLastRightsOfAHoldingMayBeExercisedOnItsLastDay() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"),
                        exercise(D01, "2020-06-26", 10), exercise(D01, "2020-07-01", 5))
                .when(exercise(D01, "2020-07-05", 15))
                .expectSuccessfulHandlerExecution()
                .expectEvents(exercised(D01, "2020-07-05", 15, 200))
                .expectState(series -> assertThat(series.totals().exercised()).isEqualTo(Rights.of(30)));
    }

    @Test
    void aFullyExercisedHoldingHasNoRightsLeft() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"),
                        exercise(D01, "2020-06-26", 30))
                .when(exercise(D01, "2020-06-30", 1))
                .expectNoEvents()
                .expectException(violation(RuleCode.NO_RIGHTS_LEFT)
                        .with("holderId", D01)
                        .with("rightsExercised", Rights.of(30)));
    }

    @Test
    void anExerciseOutsideTheExercisePeriodIsRejectedWithThePeriodsDates() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2015-07-13"))
                .when(exercise(D01, "2015-07-13", 1))
                .expectNoEvents()
                .expectException(violation(RuleCode.OUTSIDE_EXERCISE_PERIOD)
                        .with("exerciseDate", ALLOTMENT_DATE)
                        .with("periodFirstDay", PERIOD_START)
                        .with("periodLastDay", PERIOD_END));
    }

    @Test
    void theFirstDayOfThePeriodIsInsideIt() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2015-07-13"))
                .when(exercise(D01, "2015-07-14", 1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(exercised(D01, "2015-07-14", 1, 200));
    }

    @Test
    void anExerciseOfAHolderWithoutRightsIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(exercise(HolderId.of("X99"), "2020-06-30", 1))
                .expectNoEvents()
                .expectException(violation(RuleCode.UNKNOWN_HOLDER).with("holderId", HolderId.of("X99")));
    }

    // an exercise uses the shares per right in force on its exercise date (RULES.md 6 and 7)

    @Test
    void anExerciseOnTheSplitsRecordDateUsesTheFigureBeforeTheSplit() {
        fixture.givenCommands(issue(), director(D01, 30), director(D02, 30),
                        departure(D01, "2020-12-25"), departure(D02, "2020-12-31"),
                        split(Ratio.of(2, 1), "2020-12-31"))
                .when(exercise(D01, "2020-12-31", 1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(exercised(D01, "2020-12-31", 1, 200));
    }

    @Test
    void anExerciseOnTheDayAfterTheSplitsRecordDateUsesTheSplitFigure() {
        fixture.givenCommands(issue(), director(D01, 30), director(D02, 30),
                        departure(D01, "2020-12-25"), departure(D02, "2020-12-31"),
                        split(Ratio.of(2, 1), "2020-12-31"))
                .when(exercise(D02, "2021-01-01", 1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(exercised(D02, "2021-01-01", 1, 400));
    }
}
