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
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * HTTP request bodies: the commands without the identifiers that the path already names. A field the
 * command refuses to be without is marked required in the API contract.
 */
final class Requests {
    private Requests() {
    }

    record IssueSeriesRequest(@Schema(requiredMode = REQUIRED) SeriesId seriesId,
                              @Schema(requiredMode = REQUIRED) IssuerId issuerId,
                              @Schema(requiredMode = REQUIRED) Terms terms) {
    }

    record AllotmentRequest(@Schema(requiredMode = REQUIRED) HolderId holderId,
                            @Schema(requiredMode = REQUIRED) Role role,
                            @Schema(requiredMode = REQUIRED) Rights rights,
                            @Schema(requiredMode = REQUIRED) LocalDate allotmentDate) {
    }

    record DepartureRequest(@Schema(requiredMode = REQUIRED) HolderId holderId,
                            @Schema(requiredMode = REQUIRED) LocalDate departureDate,
                            @Schema(requiredMode = REQUIRED) DepartureReason reason) {
    }

    record DeathRequest(@Schema(requiredMode = REQUIRED) HolderId personId,
                        @Schema(requiredMode = REQUIRED) LocalDate dateOfDeath) {
    }

    record RoleChangeRequest(@Schema(requiredMode = REQUIRED) HolderId holderId,
                             @Schema(requiredMode = REQUIRED) Role newRole,
                             @Schema(requiredMode = REQUIRED) LocalDate changeDate) {
    }

    record PersonReversalRequest(@Schema(requiredMode = REQUIRED) HolderId personId,
                                 @Schema(requiredMode = REQUIRED, allowableValues = {"DEPARTURE", "DEATH"})
                                 ReversibleFact fact,
                                 @Schema(requiredMode = REQUIRED) String reason,
                                 @Schema(description = "Defaults to today") LocalDate reversedOn) {
    }

    /** {@code heirId} for the one heir; {@code heirIds} is accepted so that a list of several is refused by rule. */
    record InheritanceRequest(@Schema(requiredMode = REQUIRED) HolderId holderId,
                              @Schema(description = "The one heir") HolderId heirId,
                              @Schema(description = "Accepted so that naming several heirs is refused by rule"
                                      + " (MORE_THAN_ONE_HEIR)") List<HolderId> heirIds,
                              @Schema(requiredMode = REQUIRED) LocalDate inheritanceDate) {
        List<HolderId> heirs() {
            if (heirIds != null && !heirIds.isEmpty()) {
                return heirId == null ? heirIds : Stream.concat(Stream.of(heirId), heirIds.stream()).distinct().toList();
            }
            return heirId == null ? List.of() : List.of(heirId);
        }
    }

    record ExerciseRequest(@Schema(requiredMode = REQUIRED) HolderId holderId,
                           @Schema(requiredMode = REQUIRED) LocalDate exerciseDate,
                           @Schema(description = "Rights exercised: give either rights or shares") BigDecimal rights,
                           @Schema(description = "Shares asked for, a whole multiple of the shares per right in"
                                   + " force: give either rights or shares") BigDecimal shares) {
    }

    record ShareSplitRequest(@Schema(requiredMode = REQUIRED) Ratio ratio,
                             @Schema(requiredMode = REQUIRED) LocalDate recordDate,
                             @Schema(description = "For a split conditional on the shareholders' meeting: the day"
                                     + " the meeting closes; the record date is the day before")
                             LocalDate meetingClosingDate) {
    }

    record ShareConsolidationRequest(@Schema(requiredMode = REQUIRED) Ratio ratio,
                                     @Schema(requiredMode = REQUIRED) LocalDate effectiveDate) {
    }

    record BoardAdjustmentRequest(@Schema(requiredMode = REQUIRED) SharesPerRight sharesPerRight,
                                  @Schema(requiredMode = REQUIRED) LocalDate appliesFrom,
                                  @Schema(requiredMode = REQUIRED) String reason) {
    }

    record RestructuringRequest(@Schema(requiredMode = REQUIRED) RestructuringKind kind,
                                @Schema(requiredMode = REQUIRED) IssuerId restructuredCompanyId,
                                @Schema(requiredMode = REQUIRED) String restructuredCompanyName,
                                @Schema(requiredMode = REQUIRED) LocalDate effectiveDate,
                                @Schema(requiredMode = REQUIRED) Ratio shareRatio,
                                @Schema(description = "Whether the agreement provides rights of the restructured"
                                        + " company; without them the rights are acquired instead (422)")
                                Boolean agreementProvidesReplacement) {
    }

    record AcquisitionRequest(@Schema(requiredMode = REQUIRED) AcquisitionCause cause,
                              @Schema(requiredMode = REQUIRED) LocalDate approvalDate,
                              @Schema(requiredMode = REQUIRED) LocalDate acquisitionDate) {
    }

    record TransferRequest(@Schema(requiredMode = REQUIRED) HolderId holderId,
                           @Schema(requiredMode = REQUIRED) HolderId transfereeId,
                           @Schema(requiredMode = REQUIRED) Rights rights,
                           @Schema(requiredMode = REQUIRED) LocalDate transferDate,
                           String boardApprovalReference) {
    }

    record ReversalRequest(@Schema(requiredMode = REQUIRED) HolderId holderId,
                           @Schema(requiredMode = REQUIRED) String reason,
                           @Schema(description = "Defaults to today") LocalDate reversedOn) {
    }
}
