package io.sartracker.command.series;

import io.sartracker.kernel.command.RecordDepartureFromOffice;
import io.sartracker.kernel.event.HolderLeftOffice;
import io.sartracker.kernel.event.RightsLapsed;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.LapseReason;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.rule.RuleCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static io.sartracker.command.series.FifthSeries.*;

/** RULES.md 3 (while in office) and 4 (losing office: the 10-day window). */
class LeavingOfficeTest {
    private AggregateTestFixture<StockAcquisitionRight> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    // ---- RULES.md 3

    @Test
    void aHolderInOfficeCannotExercise() {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(exercise(D01, "2020-06-26", 1))
                .expectNoEvents()
                .expectException(violation(RuleCode.HOLDER_IN_OFFICE)
                        .with("holderId", D01)
                        .with("rightsHeld", Rights.of(30)));
    }

    @Test
    void holdingRightsForBothRolesIsStillHoldingOffice() {
        // there is no role-change command: an executive officer also allotted rights as a director
        // keeps one holding, still in office
        fixture.givenCommands(issue(), officer(E01, 10), director(E01, 20))
                .when(exercise(E01, "2020-06-26", 1))
                .expectNoEvents()
                .expectException(violation(RuleCode.HOLDER_IN_OFFICE).with("rightsHeld", Rights.of(30)));
    }

    // ---- RULES.md 4

    @Test
    void losingOfficeOn20200625OpensTheWindow20200626To20200705() {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(departure(D01, "2020-06-25"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(List.of(S))
                .expectEvents(new HolderLeftOffice(S, D01, day("2020-06-25"), DepartureReason.RETIREMENT,
                        window("2020-06-26", "2020-07-05"), day("2020-07-06")));
    }

    @ParameterizedTest
    @EnumSource(DepartureReason.class)
    void everyReasonOtherThanDeathOpensTheSameTenDayWindow(DepartureReason reason) {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(new RecordDepartureFromOffice(I, D01, day("2020-06-25"), reason))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new HolderLeftOffice(S, D01, day("2020-06-25"), reason,
                        window("2020-06-26", "2020-07-05"), day("2020-07-06")));
    }

    @Test
    void exerciseOnTheDayAfterLosingOfficeD1IsAccepted() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"))
                .when(exercise(D01, "2020-06-26", 30))
                .expectSuccessfulHandlerExecution()
                .expectEvents(exercised(D01, "2020-06-26", 30, 200));
    }

    @Test
    void exerciseOnD10IsAccepted() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"))
                .when(exercise(D01, "2020-07-05", 30))
                .expectSuccessfulHandlerExecution()
                .expectEvents(exercised(D01, "2020-07-05", 30, 200));
    }

    @Test
    void exerciseOnD11IsRejectedWithTheWindowDates() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"))
                .when(exercise(D01, "2020-07-06", 1))
                .expectNoEvents()
                .expectException(violation(RuleCode.OUTSIDE_EXERCISE_WINDOW)
                        .with("exerciseDate", day("2020-07-06"))
                        .with("windowFirstDay", day("2020-06-26"))
                        .with("windowLastDay", day("2020-07-05"))
                        .with("rightsHeld", Rights.of(30)));
    }

    @Test
    void exerciseOnTheDayOfLosingOfficeIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"))
                .when(exercise(D01, "2020-06-25", 1))
                .expectNoEvents()
                .expectException(violation(RuleCode.OUTSIDE_EXERCISE_WINDOW)
                        .with("exerciseDate", day("2020-06-25"))
                        .with("windowFirstDay", day("2020-06-26"))
                        .with("windowLastDay", day("2020-07-05")));
    }

    @Test
    void losingOfficeOnTheAllotmentDateGivesTheWindowFromThePeriodsFirstDay() {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(departure(D01, "2015-07-13"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new HolderLeftOffice(S, D01, day("2015-07-13"), DepartureReason.RETIREMENT,
                        window("2015-07-14", "2015-07-23"), day("2015-07-24")));
    }

    @Test
    void losingOfficeBeforeALaterPeriodStartCutsTheWindowToThePeriod() {
        fixture.givenCommands(issue(termsWithPeriod(day("2015-07-20"), PERIOD_END)), director(D01, 30))
                .when(departure(D01, "2015-07-13"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new HolderLeftOffice(S, D01, day("2015-07-13"), DepartureReason.RETIREMENT,
                        window("2015-07-20", "2015-07-23"), day("2015-07-24")));
    }

    @Test
    void aWindowCutToALaterPeriodStartRejectsTheDaysBeforeThePeriod() {
        fixture.givenCommands(issue(termsWithPeriod(day("2015-07-20"), PERIOD_END)), director(D01, 30),
                        departure(D01, "2015-07-13"))
                .when(exercise(D01, "2015-07-19", 1))
                .expectNoEvents()
                .expectException(violation(RuleCode.OUTSIDE_EXERCISE_PERIOD)
                        .with("exerciseDate", day("2015-07-19"))
                        .with("periodFirstDay", day("2015-07-20"))
                        .with("periodLastDay", PERIOD_END));
    }

    @Test
    void aWindowWhollyBeforeThePeriodLeavesNothingToExercise() {
        fixture.givenCommands(issue(termsWithPeriod(day("2015-08-01"), PERIOD_END)), director(D01, 30))
                .when(departure(D01, "2015-07-13"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new HolderLeftOffice(S, D01, day("2015-07-13"), DepartureReason.RETIREMENT, null,
                        day("2015-07-24")));
    }

    @Test
    void aHolderWhoseWindowLiesWhollyBeforeThePeriodCannotExerciseInThePeriod() {
        fixture.givenCommands(issue(termsWithPeriod(day("2015-08-01"), PERIOD_END)), director(D01, 30),
                        departure(D01, "2015-07-13"))
                .when(exercise(D01, "2015-08-01", 1))
                .expectNoEvents()
                .expectException(violation(RuleCode.OUTSIDE_EXERCISE_WINDOW)
                        .with("exerciseDate", day("2015-08-01"))
                        .with("windowFirstDay", null)
                        .with("windowLastDay", null)
                        .with("rightsHeld", Rights.of(30)));
    }

    @Test
    void rightsWhoseWindowLiesWhollyBeforeThePeriodLapseOnD11() {
        fixture.givenCommands(issue(termsWithPeriod(day("2015-08-01"), PERIOD_END)), director(D01, 30),
                        departure(D01, "2015-07-13"))
                .when(lapsesDueAsOf("2015-07-24"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RightsLapsed(S, D01, Rights.of(30), LapseReason.WINDOW_AFTER_LEAVING_OFFICE_CLOSED,
                        day("2015-07-24")));
    }

    @Test
    void aWindowReachingPastThePeriodsEndIsCutToIt() {
        fixture = fixture(AFTER_THE_PERIOD); // its dates lie after 2026-11-27
        fixture.givenCommands(issue(), director(D01, 30))
                .when(departure(D01, "2045-07-10"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new HolderLeftOffice(S, D01, day("2045-07-10"), DepartureReason.RETIREMENT,
                        window("2045-07-11", "2045-07-13"), day("2045-07-14")));
    }

    @Test
    void losingOfficeAfterThePeriodEndedIsRecordedForThePersonOnly() {
        fixture = fixture(AFTER_THE_PERIOD); // its dates lie after 2026-11-27
        fixture.givenCommands(issue(), director(D01, 30))
                .when(departure(D01, "2045-07-14"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(List.of()) // RULES.md 13: the person's history records it
                .expectNoEvents();
    }

    @Test
    void aSecondDepartureIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30), departure(D01, "2020-06-25"))
                .when(departure(D01, "2020-06-30"))
                .expectNoEvents()
                .expectException(violation(RuleCode.HOLDER_NOT_IN_OFFICE)
                        .with("holderId", D01)
                        .with("departureDate", day("2020-06-25")));
    }

    @Test
    void aDepartureOfAHolderRecordedAsDeceasedIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30), death(D01, "2020-06-25"))
                .when(departure(D01, "2020-06-30"))
                .expectNoEvents()
                .expectException(violation(RuleCode.HOLDER_ALREADY_DECEASED)
                        .with("holderId", D01)
                        .with("dateOfDeath", day("2020-06-25")));
    }

    @Test
    void aDepartureDatedBeforeTheAllotmentIsOutOfOrder() {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(departure(D01, "2015-07-12"))
                .expectNoEvents()
                .expectException(violation(RuleCode.FACT_OUT_OF_ORDER)
                        .with("date", day("2015-07-12"))
                        .with("latestFactDate", ALLOTMENT_DATE));
    }

    @Test
    void aDepartureOfSomeoneWithoutRightsIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(departure(HolderId.of("X99"), "2020-06-25"))
                .expectNoEvents()
                .expectException(violation(RuleCode.UNKNOWN_HOLDER).with("holderId", HolderId.of("X99")));
    }

    @Test
    void aDepartureAtAnUnknownIssuerIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(new RecordDepartureFromOffice(IssuerId.of("OTHER"), D01, day("2020-06-25"),
                        DepartureReason.RESIGNATION))
                .expectNoEvents()
                .expectException(violation(RuleCode.UNKNOWN_ISSUER).with("issuerId", IssuerId.of("OTHER")));
    }
}
