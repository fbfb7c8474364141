package io.sartracker.command.series;

import io.sartracker.kernel.event.FactReversed;
import io.sartracker.kernel.event.RightsInherited;
import io.sartracker.kernel.event.SharesPerRightAdjusted;
import io.sartracker.kernel.model.AdjustmentCause;
import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.command.AcquireRights;
import io.sartracker.kernel.model.AcquisitionCause;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.Ratio;
import io.sartracker.kernel.model.ReversibleFact;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.rule.RuleCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.sartracker.command.series.FifthSeries.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Corrections: an administrator reverses the latest exercise, departure, death or inheritance of a holding. */
class CorrectionTest {
    private static final String REASON = "recorded in error";

    private AggregateTestFixture<StockAcquisitionRight> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static FactReversed reversed(HolderId holder, ReversibleFact fact, String factDate, String reversedOn,
                                         long fromExercise, long fromLapse) {
        return new FactReversed(S, holder, fact, day(factDate), REASON, day(reversedOn), Rights.of(fromExercise),
                Rights.of(fromLapse));
    }

    // ---- exercise

    @Test
    void reversingTheLatestExerciseRestoresItsRights() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"),
                        exercise(D01, "2020-06-26", 10), exercise(D01, "2020-06-30", 4))
                .when(reverse(D01, "2020-07-01"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(reversed(D01, ReversibleFact.EXERCISE, "2020-06-30", "2020-07-01", 4, 0))
                .expectState(series -> {
                    assertThat(series.rightsHeld()).containsExactlyEntriesOf(Map.of(D01, Rights.of(20)));
                    assertThat(series.totals().exercised()).isEqualTo(Rights.of(10));
                });
    }

    @Test
    void aFullyExercisedHoldingCanBeExercisedAgainAfterTheExerciseIsReversed() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"),
                        exercise(D01, "2020-06-26", 30), reverse(D01, "2020-06-27"))
                .when(exercise(D01, "2020-06-28", 30))
                .expectSuccessfulHandlerExecution()
                .expectEvents(exercised(D01, "2020-06-28", 30, 200));
    }

    @Test
    void afterReversingTheOnlyExerciseASplitBeforeItsDateIsAccepted() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-12-25"),
                        exercise(D01, "2020-12-30", 1), reverse(D01, "2020-12-31"))
                .when(split(Ratio.of(2, 1), "2020-12-28"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SharesPerRightAdjusted(S, AdjustmentCause.SPLIT, Ratio.of(2, 1), day("2020-12-28"),
                        day("2020-12-29"), SharesPerRight.of(200), SharesPerRight.of(400), null));
    }

    // ---- departure

    @Test
    void reversingADepartureBringsTheHolderBackInOffice() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"))
                .when(reverse(D01, "2020-06-26"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(reversed(D01, ReversibleFact.DEPARTURE, "2020-06-25", "2020-06-26", 0, 0));
    }

    @Test
    void aHolderWhoseDepartureWasReversedCannotExercise() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"), reverse(D01, "2020-06-26"))
                .when(exercise(D01, "2020-06-27", 1))
                .expectNoEvents()
                .expectException(violation(RuleCode.HOLDER_IN_OFFICE).with("holderId", D01));
    }

    @Test
    void aReversedDepartureCanBeRecordedAgainWithTheRightDate() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"), reverse(D01, "2020-06-26"))
                .when(departure(D01, "2020-06-20"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(leftOffice(D01, "2020-06-20"));
    }

    // ---- death and inheritance

    @Test
    void reversingADeathBringsBackTheHoldingAsItWas() {
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2021-06-01"))
                .when(reverse(D01, "2021-06-02"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(reversed(D01, ReversibleFact.DEATH, "2021-06-01", "2021-06-02", 0, 0));
    }

    @Test
    void afterReversingTheDeathNoOneCanInherit() {
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2021-06-01"), reverse(D01, "2021-06-02"))
                .when(inherit(D01, HEIR, "2021-08-31"))
                .expectNoEvents()
                .expectException(violation(RuleCode.HOLDER_NOT_DECEASED).with("holderId", D01));
    }

    @Test
    void reversingAnInheritanceLeavesTheRightsAwaitingAnHeir() {
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2021-06-01"), inherit(D01, HEIR, "2021-08-31"))
                .when(reverse(D01, "2021-09-01"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(reversed(D01, ReversibleFact.INHERITANCE, "2021-08-31", "2021-09-01", 0, 0));
    }

    @Test
    void afterReversingAnInheritanceTheRightsAwaitTheHeirAgain() {
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2021-06-01"), inherit(D01, HEIR, "2021-08-31"),
                        reverse(D01, "2021-09-01"))
                .when(exercise(D01, "2021-09-02", 1))
                .expectNoEvents()
                .expectException(violation(RuleCode.AWAITING_HEIR).with("holderId", D01));
    }

    @Test
    void afterReversingAnInheritanceTheRightHeirCanInherit() {
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2021-06-01"), inherit(D01, HEIR, "2021-08-31"),
                        reverse(D01, "2021-09-01"))
                .when(inherit(D01, SECOND_HEIR, "2021-09-02"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RightsInherited(S, D01, SECOND_HEIR, day("2021-09-02"), Rights.of(30),
                        window("2021-09-02", "2022-03-02"), day("2022-03-03")));
    }

    @Test
    void reversingTheHeirsDeathRestoresTheRightsThatLapsedWithIt() {
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2021-06-01"), inherit(D01, HEIR, "2021-08-31"),
                        exercise(D01, "2021-09-01", 10), death(HEIR, "2021-10-15"))
                .when(reverse(D01, "2021-10-20"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(reversed(D01, ReversibleFact.DEATH, "2021-10-15", "2021-10-20", 0, 20))
                .expectState(series -> {
                    assertThat(series.rightsHeld()).containsExactlyEntriesOf(Map.of(D01, Rights.of(20)));
                    assertThat(series.totals().lapsed()).isEqualTo(Rights.NONE);
                });
    }

    @Test
    void afterReversingTheHeirsDeathTheHeirCanExerciseAgain() {
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2021-06-01"), inherit(D01, HEIR, "2021-08-31"),
                        death(HEIR, "2021-10-15"), reverse(D01, "2021-10-20"))
                .when(exercise(D01, "2021-10-21", 30))
                .expectSuccessfulHandlerExecution()
                .expectEvents(exercised(D01, HEIR, "2021-10-21", 30, 200));
    }

    // ---- what cannot be reversed

    @Test
    void aLapseBlocksTheReversalOfEarlierFacts() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"), lapsesDueAsOf("2020-07-06"))
                .when(reverse(D01, "2020-07-07"))
                .expectNoEvents()
                .expectException(violation(RuleCode.LATER_FACT_RECORDED)
                        .with("holderId", D01)
                        .with("factDate", day("2020-07-06")));
    }

    @Test
    void anAcquisitionBlocksTheReversalOfEarlierFacts() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"),
                        new AcquireRights(S, AcquisitionCause.SHARE_EXCHANGE, day("2020-06-20"), day("2020-06-28")))
                .when(reverse(D01, "2020-07-01"))
                .expectNoEvents()
                .expectException(violation(RuleCode.LATER_FACT_RECORDED)
                        .with("holderId", D01)
                        .with("factDate", day("2020-06-28")));
    }

    @Test
    void aHoldingWithNothingRecordedAfterTheAllotmentHasNothingToReverse() {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(reverse(D01, "2020-07-01"))
                .expectNoEvents()
                .expectException(violation(RuleCode.NOTHING_TO_REVERSE).with("holderId", D01));
    }

    @Test
    void everyFactOfAHoldingCanBeReversedLatestFirstUntilNothingIsLeft() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"),
                        exercise(D01, "2020-06-26", 10), reverse(D01, "2020-06-27"), reverse(D01, "2020-06-27"))
                .when(reverse(D01, "2020-06-27"))
                .expectNoEvents()
                .expectException(violation(RuleCode.NOTHING_TO_REVERSE).with("holderId", D01));
    }

    @Test
    void aReversalForSomeoneWithoutRightsIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(reverse(HolderId.of("X99"), "2020-07-01"))
                .expectNoEvents()
                .expectException(violation(RuleCode.UNKNOWN_HOLDER).with("holderId", HolderId.of("X99")));
    }
}
