package io.sartracker.command.series;

import io.sartracker.kernel.command.AllotRights;
import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.event.SeriesIssued;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.rule.RuleCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.sartracker.command.series.FifthSeries.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RULES.md 2: allotment. */
class AllotmentTest {
    private AggregateTestFixture<StockAcquisitionRight> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void issuingTheSeriesRecordsItsTerms() {
        fixture.givenNoPriorActivity()
                .when(issue())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SeriesIssued(S, I, TERMS));
    }

    @Test
    void rightsAreAllottedToANamedHolderWithARole() {
        fixture.givenCommands(issue())
                .when(director(D01, 30))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RightsAllotted(S, D01, Role.DIRECTOR, Rights.of(30), ALLOTMENT_DATE));
    }

    @Test
    void theSeedAllotmentOfSevenDirectorsWith153AndElevenOfficersWith77ReachesTheMaximum() {
        List<Object> givens = new ArrayList<>();
        givens.add(issue());
        long[] directors = {22, 22, 22, 22, 22, 22, 21};
        for (int i = 0; i < directors.length; i++) {
            givens.add(director(HolderId.of("D1" + i), directors[i]));
        }
        for (int i = 0; i < 10; i++) {
            givens.add(officer(HolderId.of("E1" + i), 7));
        }
        fixture.givenCommands(givens)
                .when(officer(E01, 7))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RightsAllotted(S, E01, Role.EXECUTIVE_OFFICER, Rights.of(7), ALLOTMENT_DATE))
                .expectState(series -> {
                    assertThat(series.totals().allotted()).isEqualTo(Rights.of(230));
                    assertThat(series.totals().outstanding()).isEqualTo(Rights.of(230));
                });
    }

    @Test
    void allotmentsAcrossHoldersMayReachTheMaximumExactly() {
        fixture.givenCommands(issue(), director(D01, 153))
                .when(officer(E01, 77))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RightsAllotted(S, E01, Role.EXECUTIVE_OFFICER, Rights.of(77), ALLOTMENT_DATE))
                .expectState(series -> assertThat(series.totals().allotted()).isEqualTo(Rights.of(230)));
    }

    @Test
    void oneRightBeyondTheMaximumReachedAcrossAllotmentsIsRejectedWithNoRightsLeft() {
        fixture.givenCommands(issue(), director(D01, 153), officer(E01, 77))
                .when(director(D02, 1))
                .expectNoEvents()
                .expectException(violation(RuleCode.MAXIMUM_RIGHTS_EXCEEDED)
                        .with("rightsLeft", Rights.of(0))
                        .with("maximumRights", Rights.of(230))
                        .with("allottedRights", Rights.of(230))
                        .with("requestedRights", Rights.of(1)));
    }

    @Test
    void anAllotmentExceedingWhatIsLeftIsRejectedAndSaysHowManyRightsAreLeft() {
        fixture.givenCommands(issue(), director(D01, 200))
                .when(officer(E01, 31))
                .expectNoEvents()
                .expectException(violation(RuleCode.MAXIMUM_RIGHTS_EXCEEDED)
                        .with("rightsLeft", Rights.of(30))
                        .with("allottedRights", Rights.of(200))
                        .with("requestedRights", Rights.of(31)));
    }

    @Test
    void anAllotmentOfExactlyWhatIsLeftIsAccepted() {
        fixture.givenCommands(issue(), director(D01, 200))
                .when(officer(E01, 30))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RightsAllotted(S, E01, Role.EXECUTIVE_OFFICER, Rights.of(30), ALLOTMENT_DATE));
    }

    @Test
    void aSingleAllotmentAboveTheMaximumIsRejected() {
        fixture.givenCommands(issue())
                .when(director(D01, 231))
                .expectNoEvents()
                .expectException(violation(RuleCode.MAXIMUM_RIGHTS_EXCEEDED).with("rightsLeft", Rights.of(230)));
    }

    @Test
    void allottingAgainToTheSameHolderAddsToTheHolding() {
        fixture.givenCommands(issue(), director(D01, 10))
                .when(director(D01, 5))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RightsAllotted(S, D01, Role.DIRECTOR, Rights.of(5), ALLOTMENT_DATE))
                .expectState(series -> {
                    assertThat(series.rightsHeld()).containsExactlyEntriesOf(Map.of(D01, Rights.of(15)));
                    assertThat(series.totals().allotted()).isEqualTo(Rights.of(15));
                });
    }

    @Test
    void aNumberOfRightsIsAPositiveWholeNumber() {
        assertThatThrownBy(() -> new AllotRights(S, D01, Role.DIRECTOR, Rights.of(0), ALLOTMENT_DATE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rights.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenFewerRightsAreSubscribedTheNumberIssuedIsTheNumberAllotted() {
        fixture.givenCommands(issue(), director(D01, 100))
                .when(officer(E01, 20))
                .expectSuccessfulHandlerExecution()
                .expectState(series -> {
                    assertThat(series.totals().allotted()).isEqualTo(Rights.of(120));
                    assertThat(series.totals().outstanding()).isEqualTo(Rights.of(120));
                    assertThat(series.maximumRights()).isEqualTo(Rights.of(230));
                });
    }

    @Test
    void anAllotmentOnADateOtherThanTheAllotmentDateIsRejected() {
        fixture.givenCommands(issue())
                .when(new AllotRights(S, D01, Role.DIRECTOR, Rights.of(30), day("2015-07-14")))
                .expectNoEvents()
                .expectException(violation(RuleCode.ALLOTMENT_DATE_MISMATCH)
                        .with("allotmentDate", ALLOTMENT_DATE)
                        .with("requestedDate", day("2015-07-14")));
    }

    @Test
    void bothRolesOfTheFifthSeriesAreEligible() {
        fixture.givenCommands(issue(), director(D01, 1))
                .when(officer(E01, 1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RightsAllotted(S, E01, Role.EXECUTIVE_OFFICER, Rights.of(1), ALLOTMENT_DATE));
    }

    @Test
    void aRoleTheTermsDoNotNameIsNotEligible() {
        fixture.givenCommands(issue(termsWithEligibleRoles(Set.of(Role.DIRECTOR))))
                .when(officer(E01, 10))
                .expectNoEvents()
                .expectException(violation(RuleCode.ROLE_NOT_ELIGIBLE).with("role", Role.EXECUTIVE_OFFICER));
    }

    @Test
    void rightsAreNotAllottedToAHolderRecordedAsDeceased() {
        fixture = fixture(AFTER_THE_PERIOD); // its dates lie after 2026-11-27
        // the death after the period's end leaves nothing to inherit and the holding's status in office
        fixture.givenCommands(issue(), director(D01, 10), death(D01, "2045-07-14"))
                .when(director(D01, 5))
                .expectNoEvents()
                .expectException(violation(RuleCode.HOLDER_ALREADY_DECEASED)
                        .with("holderId", D01)
                        .with("dateOfDeath", day("2045-07-14")));
    }

    @Test
    void rightsAreNotAllottedToAHolderAwaitingAnHeir() {
        fixture.givenCommands(issue(), director(D01, 10), death(D01, "2015-07-13"))
                .when(director(D01, 5))
                .expectNoEvents()
                .expectException(violation(RuleCode.HOLDER_NOT_IN_OFFICE).with("holderId", D01));
    }

    @Test
    void rightsAreNotAllottedToAHolderWhoAlreadyLostOffice() {
        fixture.givenCommands(issue(), director(D01, 10), departure(D01, "2015-07-13"))
                .when(director(D01, 5))
                .expectNoEvents()
                .expectException(violation(RuleCode.HOLDER_NOT_IN_OFFICE).with("holderId", D01));
    }
}
