package io.sartracker.command.series;

import io.sartracker.kernel.event.RightsLapsed;
import io.sartracker.kernel.model.LapseReason;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.rule.RuleCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.sartracker.command.series.FifthSeries.*;
import static org.assertj.core.api.Assertions.assertThat;

/** RULES.md 9, lapse: recorded by the sweep, dated the first day the rights could no longer be exercised. */
class LapseTest {
    private AggregateTestFixture<StockAcquisitionRight> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    // ---- after losing office: D+11

    @Test
    void aSweepAsOfD10RecordsNothing() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"))
                .when(lapsesDueAsOf("2020-07-05"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(0)
                .expectNoEvents();
    }

    @Test
    void aSweepAsOfD11RecordsTheLapseDatedD11() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"))
                .when(lapsesDueAsOf("2020-07-06"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(1)
                .expectEvents(new RightsLapsed(S, D01, Rights.of(30), LapseReason.WINDOW_AFTER_LEAVING_OFFICE_CLOSED,
                        day("2020-07-06")))
                .expectState(series -> {
                    assertThat(series.totals().lapsed()).isEqualTo(Rights.of(30));
                    assertThat(series.totals().outstanding()).isEqualTo(Rights.NONE);
                });
    }

    @Test
    void aLateSweepStillDatesTheLapseD11() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"))
                .when(lapsesDueAsOf("2020-09-01"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RightsLapsed(S, D01, Rights.of(30), LapseReason.WINDOW_AFTER_LEAVING_OFFICE_CLOSED,
                        day("2020-07-06")));
    }

    @Test
    void aSecondSweepRecordsNothing() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"), lapsesDueAsOf("2020-07-06"))
                .when(lapsesDueAsOf("2020-07-07"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(0)
                .expectNoEvents();
    }

    @Test
    void onlyTheUnexercisedRightsLapse() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"),
                        exercise(D01, "2020-06-30", 10))
                .when(lapsesDueAsOf("2020-07-06"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RightsLapsed(S, D01, Rights.of(20), LapseReason.WINDOW_AFTER_LEAVING_OFFICE_CLOSED,
                        day("2020-07-06")));
    }

    @Test
    void aFullyExercisedHoldingDoesNotLapse() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"),
                        exercise(D01, "2020-06-30", 30))
                .when(lapsesDueAsOf("2020-07-06"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(0)
                .expectNoEvents();
    }

    @Test
    void theSweepRecordsEveryDueHoldingAndLeavesTheOthers() {
        fixture.givenCommands(issue(), director(D01, 30), director(D02, 20), officer(E01, 10),
                        departure(D01, "2020-06-25"), departure(E01, "2020-06-26"), departure(D02, "2020-06-27"))
                .when(lapsesDueAsOf("2020-07-07"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(2)
                .expectEvents(
                        new RightsLapsed(S, D01, Rights.of(30), LapseReason.WINDOW_AFTER_LEAVING_OFFICE_CLOSED,
                                day("2020-07-06")),
                        new RightsLapsed(S, E01, Rights.of(10), LapseReason.WINDOW_AFTER_LEAVING_OFFICE_CLOSED,
                                day("2020-07-07")));
    }

    @Test
    void anExerciseDatedInsideTheWindowButRecordedAfterD11IsAcceptedUntilTheLapseIsRecorded() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"))
                .when(exercise(D01, "2020-07-05", 30))
                .expectSuccessfulHandlerExecution()
                .expectEvents(exercised(D01, "2020-07-05", 30, 200));
    }

    @Test
    void anExerciseDatedAfterTheWindowIsRejectedEvenBeforeTheLapseIsRecorded() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"))
                .when(exercise(D01, "2020-07-06", 30))
                .expectNoEvents()
                .expectException(violation(RuleCode.OUTSIDE_EXERCISE_WINDOW)
                        .with("windowFirstDay", day("2020-06-26"))
                        .with("windowLastDay", day("2020-07-05")));
    }

    @Test
    void onceTheLapseIsRecordedAnExerciseDatedInsideTheWindowIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"), lapsesDueAsOf("2020-07-06"))
                .when(exercise(D01, "2020-07-05", 30))
                .expectNoEvents()
                .expectException(violation(RuleCode.RIGHTS_LAPSED)
                        .with("holderId", D01)
                        .with("rightsLapsed", Rights.of(30)));
    }

    // ---- the heir's window: the day after I plus 6 months

    @Test
    void theHeirsRightsDoNotLapseOnTheWindowsLastDay() {
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2021-06-01"), inherit(D01, HEIR, "2021-08-31"))
                .when(lapsesDueAsOf("2022-02-28"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theHeirsRightsLapseTheDayAfterIPlusSixMonths() {
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2021-06-01"), inherit(D01, HEIR, "2021-08-31"),
                        exercise(D01, "2021-09-01", 5))
                .when(lapsesDueAsOf("2022-03-01"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(1)
                .expectEvents(new RightsLapsed(S, D01, Rights.of(25), LapseReason.HEIR_WINDOW_CLOSED,
                        day("2022-03-01")));
    }

    @Test
    void theRightsOfAnHeirWhoDiedAfterTheWindowLapseWhenTheWindowClosed() {
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2021-06-01"), inherit(D01, HEIR, "2021-08-31"),
                        death(HEIR, "2022-04-01"))
                .when(lapsesDueAsOf("2022-04-01"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RightsLapsed(S, D01, Rights.of(30), LapseReason.HEIR_WINDOW_CLOSED,
                        day("2022-03-01")));
    }

    @Test
    void theSweepFindsNothingDueAfterTheHeirsDeathRecordedTheLapse() {
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2021-06-01"), inherit(D01, HEIR, "2021-08-31"),
                        death(HEIR, "2021-10-15"))
                .when(lapsesDueAsOf("2022-03-01"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(0)
                .expectNoEvents();
    }

    // ---- the end of the exercise period

    @Test
    void rightsAwaitingAnHeirDoNotLapseOnThePeriodsLastDay() {
        fixture = fixture(AFTER_THE_PERIOD); // its dates lie after 2026-11-27
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2040-01-10"))
                .when(lapsesDueAsOf("2045-07-13"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void rightsAwaitingAnHeirWhoNeverInheritsLapseTheDayAfterThePeriodsEnd() {
        fixture = fixture(AFTER_THE_PERIOD); // its dates lie after 2026-11-27
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2040-01-10"))
                .when(lapsesDueAsOf("2045-07-14"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RightsLapsed(S, D01, Rights.of(30), LapseReason.EXERCISE_PERIOD_ENDED,
                        day("2045-07-14")));
    }

    @Test
    void rightsOfAHolderStillInOfficeLapseTheDayAfterThePeriodsEnd() {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(lapsesDueAsOf("2045-07-14"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RightsLapsed(S, D01, Rights.of(30), LapseReason.EXERCISE_PERIOD_ENDED,
                        day("2045-07-14")));
    }

    @Test
    void aWindowCutAtThePeriodsEndLapsesBecauseThePeriodEnded() {
        fixture = fixture(AFTER_THE_PERIOD); // its dates lie after 2026-11-27
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2045-07-10"))
                .when(lapsesDueAsOf("2045-07-14"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RightsLapsed(S, D01, Rights.of(30), LapseReason.EXERCISE_PERIOD_ENDED,
                        day("2045-07-14")));
    }
}
