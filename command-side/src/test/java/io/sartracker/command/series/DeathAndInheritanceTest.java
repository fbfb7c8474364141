package io.sartracker.command.series;

import io.sartracker.kernel.command.InheritRights;
import io.sartracker.kernel.event.HolderDied;
import io.sartracker.kernel.event.RightsInherited;
import io.sartracker.kernel.event.RightsLapsed;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.HoldingStatus;
import io.sartracker.kernel.model.LapseReason;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.rule.RuleCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.sartracker.command.series.FifthSeries.*;
import static org.assertj.core.api.Assertions.assertThat;

/** RULES.md 5: death and inheritance (11)-3. */
class DeathAndInheritanceTest {
    private AggregateTestFixture<StockAcquisitionRight> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    // ---- death of the allottee

    @Test
    void aHolderWhoDiesInOfficeLeavesTheRightsAwaitingAnHeir() {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(death(D01, "2021-06-01"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(List.of(S))
                .expectEvents(new HolderDied(S, D01, D01, day("2021-06-01"), HolderDied.Outcome.AWAITING_HEIR,
                        Rights.of(30)));
    }

    @Test
    void aHolderWhoDiesOnD10OfTheWindowLeavesTheUnexercisedRightsAwaitingAnHeir() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"),
                        exercise(D01, "2020-06-26", 10))
                .when(death(D01, "2020-07-05"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new HolderDied(S, D01, D01, day("2020-07-05"), HolderDied.Outcome.AWAITING_HEIR,
                        Rights.of(20)));
    }

    @Test
    void aDeathAfterTheWindowClosedLeavesNothingToInheritEvenBeforeTheLapseIsRecorded() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"))
                .when(death(D01, "2020-07-06"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new HolderDied(S, D01, D01, day("2020-07-06"), HolderDied.Outcome.NOTHING_TO_INHERIT,
                        Rights.of(30)));
    }

    @Test
    void anInheritanceAfterADeathOutsideTheWindowIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"), death(D01, "2020-07-06"))
                .when(inherit(D01, HEIR, "2020-08-01"))
                .expectNoEvents()
                .expectException(violation(RuleCode.NOTHING_TO_INHERIT)
                        .with("holderId", D01)
                        .with("dateOfDeath", day("2020-07-06")));
    }

    @Test
    void aDeathAfterTheHoldingWasFullyExercisedIsRecordedForThePersonOnlyAndLeavesNothingToInherit() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"),
                        exercise(D01, "2020-06-30", 30))
                .when(death(D01, "2020-07-01"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(List.of()) // recorded in no series: PersonDied names none
                .expectNoEvents();
    }

    @Test
    void aDeathAfterTheLapseWasRecordedIsRecordedForThePersonOnlyAndLeavesNothingToInherit() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"), lapsesDueAsOf("2020-07-06"))
                .when(death(D01, "2020-08-01"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(List.of())
                .expectNoEvents();
    }

    @Test
    void aSecondDeathOfTheSameHolderIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2021-06-01"))
                .when(death(D01, "2021-06-02"))
                .expectNoEvents()
                .expectException(violation(RuleCode.HOLDER_ALREADY_DECEASED)
                        .with("holderId", D01)
                        .with("dateOfDeath", day("2021-06-01")));
    }

    @Test
    void aDeathDatedBeforeTheDepartureIsOutOfOrder() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"))
                .when(death(D01, "2020-06-24"))
                .expectNoEvents()
                .expectException(violation(RuleCode.FACT_OUT_OF_ORDER)
                        .with("date", day("2020-06-24"))
                        .with("latestFactDate", day("2020-06-25")));
    }

    @Test
    void aDeathOfSomeoneWithoutRightsIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(death(HolderId.of("X99"), "2021-06-01"))
                .expectNoEvents()
                .expectException(violation(RuleCode.UNKNOWN_HOLDER).with("holderId", HolderId.of("X99")));
    }

    @Test
    void rightsAwaitingAnHeirCannotBeExercised() {
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2021-06-01"))
                .when(exercise(D01, "2021-06-02", 1))
                .expectNoEvents()
                .expectException(violation(RuleCode.AWAITING_HEIR)
                        .with("holderId", D01)
                        .with("dateOfDeath", day("2021-06-01")));
    }

    // ---- inheritance

    @Test
    void oneHeirInheritsTheWholeHoldingForSixMonthsFromTheDayOfInheriting() {
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2021-06-01"))
                .when(inherit(D01, HEIR, "2021-08-31"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RightsInherited(S, D01, HEIR, day("2021-08-31"), Rights.of(30),
                        window("2021-08-31", "2022-02-28"), day("2022-03-01")));
    }

    @Test
    void theHeirMayExerciseOnTheDayOfInheritingThoughTheAllotteeDiedInOffice() {
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2021-06-01"), inherit(D01, HEIR, "2021-08-31"))
                .when(exercise(D01, "2021-08-31", 30))
                .expectSuccessfulHandlerExecution()
                .expectEvents(exercised(D01, HEIR, "2021-08-31", 30, 200));
    }

    @Test
    void theHeirsWindowEndingOnAMonthsLastDayAccepts20220228() {
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2021-06-01"), inherit(D01, HEIR, "2021-08-31"))
                .when(exercise(D01, "2022-02-28", 30))
                .expectSuccessfulHandlerExecution()
                .expectEvents(exercised(D01, HEIR, "2022-02-28", 30, 200));
    }

    @Test
    void theHeirsWindowEndingOnAMonthsLastDayRejects20220301() {
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2021-06-01"), inherit(D01, HEIR, "2021-08-31"))
                .when(exercise(D01, "2022-03-01", 1))
                .expectNoEvents()
                .expectException(violation(RuleCode.OUTSIDE_EXERCISE_WINDOW)
                        .with("exerciseDate", day("2022-03-01"))
                        .with("windowFirstDay", day("2021-08-31"))
                        .with("windowLastDay", day("2022-02-28"))
                        .with("rightsHeld", Rights.of(30)));
    }

    @Test
    void theHeirCannotExerciseBeforeTheDayOfInheriting() {
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2021-06-01"), inherit(D01, HEIR, "2021-08-31"))
                .when(exercise(D01, "2021-08-30", 1))
                .expectNoEvents()
                .expectException(violation(RuleCode.OUTSIDE_EXERCISE_WINDOW)
                        .with("windowFirstDay", day("2021-08-31"))
                        .with("windowLastDay", day("2022-02-28")));
    }

    @Test
    void theHeirInheritsOnlyWhatTheAllotteeLeftUnexercised() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"),
                        exercise(D01, "2020-06-26", 10), death(D01, "2020-06-28"))
                .when(inherit(D01, HEIR, "2020-09-01"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RightsInherited(S, D01, HEIR, day("2020-09-01"), Rights.of(20),
                        window("2020-09-01", "2021-03-01"), day("2021-03-02")));
    }

    @Test
    void theHeirsWindowIsCutToTheExercisePeriod() {
        fixture = fixture(AFTER_THE_PERIOD); // its dates lie after 2026-11-27
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2045-05-01"))
                .when(inherit(D01, HEIR, "2045-06-01"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RightsInherited(S, D01, HEIR, day("2045-06-01"), Rights.of(30),
                        window("2045-06-01", PERIOD_END.toString()), day("2045-07-14")));
    }

    @Test
    void anInheritanceOnThePeriodsLastDayLeavesThatOneDay() {
        fixture = fixture(AFTER_THE_PERIOD); // its dates lie after 2026-11-27
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2045-07-01"))
                .when(inherit(D01, HEIR, "2045-07-13"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RightsInherited(S, D01, HEIR, day("2045-07-13"), Rights.of(30),
                        window("2045-07-13", "2045-07-13"), day("2045-07-14")));
    }

    @Test
    void anInheritanceAfterTheExercisePeriodEndedFindsNothingToInherit() {
        fixture = fixture(AFTER_THE_PERIOD); // its dates lie after 2026-11-27
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2045-07-01"))
                .when(inherit(D01, HEIR, "2045-07-14"))
                .expectNoEvents()
                .expectException(violation(RuleCode.NOTHING_TO_INHERIT)
                        .with("holderId", D01)
                        .with("status", HoldingStatus.AWAITING_HEIR));
    }

    @Test
    void anInheritanceNamingTwoHeirsIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2021-06-01"))
                .when(new InheritRights(S, D01, List.of(HEIR, SECOND_HEIR), day("2021-08-31")))
                .expectNoEvents()
                .expectException(violation(RuleCode.MORE_THAN_ONE_HEIR).with("heirIds", List.of(HEIR, SECOND_HEIR)));
    }

    @Test
    void aSecondInheritanceOfTheSameHoldingIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2021-06-01"), inherit(D01, HEIR, "2021-08-31"))
                .when(inherit(D01, SECOND_HEIR, "2021-09-01"))
                .expectNoEvents()
                .expectException(violation(RuleCode.ALREADY_INHERITED)
                        .with("heirId", HEIR)
                        .with("inheritanceDate", day("2021-08-31")));
    }

    @Test
    void anInheritanceFromAHolderInOfficeIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(inherit(D01, HEIR, "2021-08-31"))
                .expectNoEvents()
                .expectException(violation(RuleCode.HOLDER_NOT_DECEASED)
                        .with("holderId", D01)
                        .with("status", HoldingStatus.IN_OFFICE));
    }

    @Test
    void anInheritanceFromAHolderWhoOnlyLostOfficeIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"))
                .when(inherit(D01, HEIR, "2020-06-30"))
                .expectNoEvents()
                .expectException(violation(RuleCode.HOLDER_NOT_DECEASED)
                        .with("holderId", D01)
                        .with("status", HoldingStatus.LEFT_OFFICE));
    }

    @Test
    void anInheritanceDatedBeforeTheDeathIsOutOfOrder() {
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2021-06-01"))
                .when(inherit(D01, HEIR, "2021-05-31"))
                .expectNoEvents()
                .expectException(violation(RuleCode.FACT_OUT_OF_ORDER)
                        .with("date", day("2021-05-31"))
                        .with("latestFactDate", day("2021-06-01")));
    }

    @Test
    void anInheritanceOfAHolderWithoutRightsIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(inherit(HolderId.of("X99"), HEIR, "2021-08-31"))
                .expectNoEvents()
                .expectException(violation(RuleCode.UNKNOWN_HOLDER).with("holderId", HolderId.of("X99")));
    }

    // ---- the heir's death

    @Test
    void whenTheHeirDiesTheRightsLapseOnTheHeirsDeath() {
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2021-06-01"), inherit(D01, HEIR, "2021-08-31"),
                        exercise(D01, "2021-09-01", 10))
                .when(death(HEIR, "2021-10-15"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(List.of(S))
                .expectEvents(
                        new HolderDied(S, D01, HEIR, day("2021-10-15"), HolderDied.Outcome.RIGHTS_LAPSE, Rights.of(20)),
                        new RightsLapsed(S, D01, Rights.of(20), LapseReason.HEIR_DIED, day("2021-10-15")));
    }

    @Test
    void rightsCannotPassToTheHeirsHeir() {
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2021-06-01"), inherit(D01, HEIR, "2021-08-31"),
                        death(HEIR, "2021-10-15"))
                .when(inherit(D01, SECOND_HEIR, "2021-11-01"))
                .expectNoEvents()
                .expectException(violation(RuleCode.HEIR_CANNOT_PASS_ON)
                        .with("heirId", HEIR)
                        .with("dateOfHeirsDeath", day("2021-10-15")));
    }

    @Test
    void anHeirWhoDiesAfterTheHeirsWindowClosedLeavesNothingToInherit() {
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2021-06-01"), inherit(D01, HEIR, "2021-08-31"))
                .when(death(HEIR, "2022-03-01"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new HolderDied(S, D01, HEIR, day("2022-03-01"), HolderDied.Outcome.NOTHING_TO_INHERIT,
                        Rights.of(30)));
    }

    @Test
    void rightsOfAnHeirWhoDiedLapsedAndCannotBeExercised() {
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2021-06-01"), inherit(D01, HEIR, "2021-08-31"),
                        death(HEIR, "2021-10-15"))
                .when(exercise(D01, "2021-10-14", 1))
                .expectNoEvents()
                .expectException(violation(RuleCode.RIGHTS_LAPSED)
                        .with("holderId", D01)
                        .with("rightsLapsed", Rights.of(30)));
    }

    @Test
    void theDeathOfAnHeirCannotBeRecordedTwice() {
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2021-06-01"), inherit(D01, HEIR, "2021-08-31"),
                        death(HEIR, "2022-03-01"))
                .when(death(HEIR, "2022-03-02"))
                .expectNoEvents()
                .expectException(violation(RuleCode.HOLDER_ALREADY_DECEASED)
                        .with("heirId", HEIR)
                        .with("dateOfDeath", day("2022-03-01")));
    }

    @Test
    void theDeceasedHolderCannotBeNamedAsTheHeir() {
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2021-06-01"))
                .when(inherit(D01, D01, "2021-08-31"))
                .expectNoEvents()
                .expectException(violation(RuleCode.HEIR_IS_THE_DECEASED).with("heirId", D01));
    }

    @Test
    void anExerciseMadeInTheWindowBeforeTheDeathIsAcceptedThoughTheDeathWasRecordedFirst() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"), death(D01, "2020-07-01"))
                .when(exercise(D01, "2020-06-30", 10))
                .expectSuccessfulHandlerExecution()
                .expectEvents(exercised(D01, D01, "2020-06-30", 10, 200))
                .expectState(series -> assertThat(series.rightsHeld()).containsEntry(D01, Rights.of(20)));
    }

    @Test
    void theHeirInheritsWhatAnExerciseMadeBeforeTheDeathLeft() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"), death(D01, "2020-07-01"),
                        inherit(D01, HEIR, "2020-08-01"), exercise(D01, "2020-06-30", 10))
                .when(exercise(D01, "2020-08-02", 21))
                .expectNoEvents()
                .expectException(violation(RuleCode.EXCEEDS_RIGHTS_HELD).with("rightsHeld", Rights.of(20)));
    }

    @Test
    void anExerciseDatedOnTheDayOfDeathOrLaterStillAwaitsTheHeir() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"), death(D01, "2020-07-01"))
                .when(exercise(D01, "2020-07-01", 1))
                .expectNoEvents()
                .expectException(violation(RuleCode.AWAITING_HEIR));
    }
}
