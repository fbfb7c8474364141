package io.sartracker.service.web;

import io.sartracker.kernel.model.AcquisitionCause;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Ratio;
import io.sartracker.kernel.model.RestructuringKind;
import io.sartracker.kernel.model.ReversibleFact;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.model.Terms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/** HTTP request bodies: the commands without the identifiers that the path already names. */
final class Requests {
    private Requests() {
    }

    record IssueSeriesRequest(SeriesId seriesId, IssuerId issuerId, Terms terms) {
    }

    record AllotmentRequest(HolderId holderId, Role role, Rights rights, LocalDate allotmentDate) {
    }

    record DepartureRequest(HolderId holderId, LocalDate departureDate, DepartureReason reason) {
    }

    record DeathRequest(HolderId personId, LocalDate dateOfDeath) {
    }

    record RoleChangeRequest(HolderId holderId, Role newRole, LocalDate changeDate) {
    }

    record PersonReversalRequest(HolderId personId, ReversibleFact fact, String reason, LocalDate reversedOn) {
    }

    /** {@code heirId} for the one heir; {@code heirIds} is accepted so that a list of several is refused by rule. */
    record InheritanceRequest(HolderId holderId, HolderId heirId, List<HolderId> heirIds, LocalDate inheritanceDate) {
        List<HolderId> heirs() {
            if (heirIds != null && !heirIds.isEmpty()) {
                return heirId == null ? heirIds : Stream.concat(Stream.of(heirId), heirIds.stream()).distinct().toList();
            }
            return heirId == null ? List.of() : List.of(heirId);
        }
    }

    record ExerciseRequest(HolderId holderId, LocalDate exerciseDate, BigDecimal rights, BigDecimal shares) {
    }

    record ShareSplitRequest(Ratio ratio, LocalDate recordDate, LocalDate meetingClosingDate) {
    }

    record ShareConsolidationRequest(Ratio ratio, LocalDate effectiveDate) {
    }

    record BoardAdjustmentRequest(SharesPerRight sharesPerRight, LocalDate appliesFrom, String reason) {
    }

    record RestructuringRequest(RestructuringKind kind, IssuerId restructuredCompanyId,
                                String restructuredCompanyName, LocalDate effectiveDate, Ratio shareRatio,
                                Boolean agreementProvidesReplacement) {
    }

    record AcquisitionRequest(AcquisitionCause cause, LocalDate approvalDate, LocalDate acquisitionDate) {
    }

    record TransferRequest(HolderId holderId, HolderId transfereeId, Rights rights, LocalDate transferDate,
                           String boardApprovalReference) {
    }

    record ReversalRequest(HolderId holderId, String reason, LocalDate reversedOn) {
    }
}
