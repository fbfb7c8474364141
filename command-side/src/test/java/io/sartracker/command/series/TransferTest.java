package io.sartracker.command.series;

import io.sartracker.kernel.command.TransferRights;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.rule.RuleCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.sartracker.command.series.FifthSeries.*;

/** RULES.md 10: transfer, pledge or other disposal (11)-4, (7). */
class TransferTest {
    private static final HolderId THIRD_PARTY = HolderId.of("T01");

    private AggregateTestFixture<StockAcquisitionRight> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static TransferRights transfer(HolderId holder, long rights, String approval) {
        return new TransferRights(S, holder, THIRD_PARTY, Rights.of(rights), day("2020-06-01"), approval);
    }

    @Test
    void aTransferUnderTheFifthSeriesTermsIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(transfer(D01, 10, null))
                .expectNoEvents()
                .expectException(violation(RuleCode.TRANSFER_NOT_ALLOWED)
                        .with("holderId", D01)
                        .with("rights", Rights.of(10)));
    }

    @Test
    void aTransferUnderTheFifthSeriesTermsIsRejectedEvenWithABoardApproval() {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(transfer(D01, 10, "BD-2020-05-28-3"))
                .expectNoEvents()
                .expectException(violation(RuleCode.TRANSFER_NOT_ALLOWED).with("holderId", D01));
    }

    @Test
    void aTransferUnderTermsAllowingItNeedsABoardApprovalReference() {
        fixture.givenCommands(issue(termsAllowingTransfer()), director(D01, 30))
                .when(transfer(D01, 10, null))
                .expectNoEvents()
                .expectException(violation(RuleCode.TRANSFER_APPROVAL_REQUIRED).with("holderId", D01));
    }

    @Test
    void aBlankBoardApprovalReferenceIsNoApproval() {
        fixture.givenCommands(issue(termsAllowingTransfer()), director(D01, 30))
                .when(transfer(D01, 10, "  "))
                .expectNoEvents()
                .expectException(violation(RuleCode.TRANSFER_APPROVAL_REQUIRED).with("holderId", D01));
    }

    @Test
    void anApprovedTransferIsNotYetRecordedByTheTracker() {
        fixture.givenCommands(issue(termsAllowingTransfer()), director(D01, 30))
                .when(transfer(D01, 10, "BD-2020-05-28-3"))
                .expectNoEvents()
                .expectException(violation(RuleCode.TRANSFER_NOT_SUPPORTED)
                        .with("holderId", D01)
                        .with("boardApprovalReference", "BD-2020-05-28-3"));
    }

    @Test
    void aTransferFromSomeoneWithoutRightsIsRejected() {
        fixture.givenCommands(issue(), director(D01, 30))
                .when(transfer(HolderId.of("X99"), 10, null))
                .expectNoEvents()
                .expectException(violation(RuleCode.UNKNOWN_HOLDER).with("holderId", HolderId.of("X99")));
    }
}
