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

import io.sartracker.kernel.command.AcquireRights;
import io.sartracker.kernel.command.AdjustSharesPerRight;
import io.sartracker.kernel.command.AllotRights;
import io.sartracker.kernel.command.ExerciseRights;
import io.sartracker.kernel.command.InheritRights;
import io.sartracker.kernel.command.IssueSeries;
import io.sartracker.kernel.command.RecordDeath;
import io.sartracker.kernel.command.RecordDepartureFromOffice;
import io.sartracker.kernel.command.RecordRoleChange;
import io.sartracker.kernel.command.RecordShareConsolidation;
import io.sartracker.kernel.command.RecordShareSplit;
import io.sartracker.kernel.command.RestructureSeries;
import io.sartracker.kernel.command.ReverseFactOfPerson;
import io.sartracker.kernel.command.ReverseLatestFact;
import io.sartracker.kernel.command.TransferRights;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * HTTP request bodies: the commands without the identifiers that the path already names. A field the
 * command refuses to be without is marked required in the API contract. Each builds its command in one
 * place, for the API's endpoints and for the lines of an imported history alike.
 */
public final class Requests {
    private Requests() {
    }

    public record IssueSeriesRequest(@Schema(requiredMode = REQUIRED) SeriesId seriesId,
                                     @Schema(requiredMode = REQUIRED) IssuerId issuerId,
                                     @Schema(requiredMode = REQUIRED) Terms terms) {
        public IssueSeries command() {
            return new IssueSeries(seriesId, issuerId, terms);
        }
    }

    public record AllotmentRequest(@Schema(requiredMode = REQUIRED) HolderId holderId,
                                   @Schema(requiredMode = REQUIRED) Role role,
                                   @Schema(requiredMode = REQUIRED) Rights rights,
                                   @Schema(requiredMode = REQUIRED) LocalDate allotmentDate) {
        public AllotRights command(SeriesId series) {
            return new AllotRights(series, holderId, role, rights, allotmentDate);
        }
    }

    public record DepartureRequest(@Schema(requiredMode = REQUIRED) HolderId holderId,
                                   @Schema(requiredMode = REQUIRED) LocalDate departureDate,
                                   @Schema(requiredMode = REQUIRED) DepartureReason reason) {
        public RecordDepartureFromOffice command(IssuerId issuer) {
            return new RecordDepartureFromOffice(issuer, holderId, departureDate, reason);
        }
    }

    public record DeathRequest(@Schema(requiredMode = REQUIRED) HolderId personId,
                        @Schema(requiredMode = REQUIRED) LocalDate dateOfDeath) {
        public RecordDeath command(IssuerId issuer) {
            return new RecordDeath(issuer, personId, dateOfDeath);
        }
    }

    public record RoleChangeRequest(@Schema(requiredMode = REQUIRED) HolderId holderId,
                                    @Schema(requiredMode = REQUIRED) Role newRole,
                                    @Schema(requiredMode = REQUIRED) LocalDate changeDate) {
        public RecordRoleChange command(IssuerId issuer) {
            return new RecordRoleChange(issuer, holderId, newRole, changeDate);
        }
    }

    public record PersonReversalRequest(@Schema(requiredMode = REQUIRED) HolderId personId,
                                        @Schema(requiredMode = REQUIRED, allowableValues = {"DEPARTURE", "DEATH"})
                                        ReversibleFact fact,
                                        @Schema(requiredMode = REQUIRED) String reason,
                                        @Schema(description = "Defaults to today") LocalDate reversedOn) {
        /** Reversed today, by the clock, unless the request says on which day. */
        public ReverseFactOfPerson command(IssuerId issuer, Clock clock) {
            return new ReverseFactOfPerson(issuer, personId, fact, reason,
                    reversedOn != null ? reversedOn : LocalDate.now(clock));
        }
    }

    /** {@code heirId} for the one heir; {@code heirIds} is accepted so that a list of several is refused by rule. */
    public record InheritanceRequest(@Schema(requiredMode = REQUIRED) HolderId holderId,
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

        public InheritRights command(SeriesId series) {
            return new InheritRights(series, holderId, heirs(), inheritanceDate);
        }
    }

    public record ExerciseRequest(@Schema(requiredMode = REQUIRED) HolderId holderId,
                                  @Schema(requiredMode = REQUIRED) LocalDate exerciseDate,
                                  @Schema(description = "Rights exercised: give either rights or shares") BigDecimal rights,
                                  @Schema(description = "Shares asked for, a whole multiple of the shares per right in"
                                          + " force: give either rights or shares") BigDecimal shares) {
        public ExerciseRights command(SeriesId series) {
            return new ExerciseRights(series, holderId, exerciseDate, rights, shares);
        }
    }

    public record ShareSplitRequest(@Schema(requiredMode = REQUIRED) Ratio ratio,
                                    @Schema(requiredMode = REQUIRED) LocalDate recordDate,
                                    @Schema(description = "For a split conditional on the shareholders' meeting: the day"
                                            + " the meeting closes; the record date is the day before")
                                    LocalDate meetingClosingDate) {
        public RecordShareSplit command(IssuerId issuer) {
            return new RecordShareSplit(issuer, ratio, recordDate, meetingClosingDate);
        }
    }

    public record ShareConsolidationRequest(@Schema(requiredMode = REQUIRED) Ratio ratio,
                                            @Schema(requiredMode = REQUIRED) LocalDate effectiveDate) {
        public RecordShareConsolidation command(IssuerId issuer) {
            return new RecordShareConsolidation(issuer, ratio, effectiveDate);
        }
    }

    public record BoardAdjustmentRequest(@Schema(requiredMode = REQUIRED) SharesPerRight sharesPerRight,
                                         @Schema(requiredMode = REQUIRED) LocalDate appliesFrom,
                                         @Schema(requiredMode = REQUIRED) String reason) {
        public AdjustSharesPerRight command(SeriesId series) {
            return new AdjustSharesPerRight(series, sharesPerRight, appliesFrom, reason);
        }
    }

    public record RestructuringRequest(@Schema(requiredMode = REQUIRED) RestructuringKind kind,
                                       @Schema(requiredMode = REQUIRED) IssuerId restructuredCompanyId,
                                       @Schema(requiredMode = REQUIRED) String restructuredCompanyName,
                                       @Schema(requiredMode = REQUIRED) LocalDate effectiveDate,
                                       @Schema(requiredMode = REQUIRED) Ratio shareRatio,
                                       @Schema(description = "Whether the agreement provides rights of the restructured"
                                               + " company; without them the rights are acquired instead (422)")
                                       Boolean agreementProvidesReplacement) {
        public RestructureSeries command(SeriesId series) {
            return new RestructureSeries(series, kind, restructuredCompanyId, restructuredCompanyName, effectiveDate,
                    shareRatio, Boolean.TRUE.equals(agreementProvidesReplacement));
        }
    }

    public record AcquisitionRequest(@Schema(requiredMode = REQUIRED) AcquisitionCause cause,
                                     @Schema(requiredMode = REQUIRED) LocalDate approvalDate,
                                     @Schema(requiredMode = REQUIRED) LocalDate acquisitionDate) {
        public AcquireRights command(SeriesId series) {
            return new AcquireRights(series, cause, approvalDate, acquisitionDate);
        }
    }

    public record TransferRequest(@Schema(requiredMode = REQUIRED) HolderId holderId,
                                  @Schema(requiredMode = REQUIRED) HolderId transfereeId,
                                  @Schema(requiredMode = REQUIRED) Rights rights,
                                  @Schema(requiredMode = REQUIRED) LocalDate transferDate,
                                  String boardApprovalReference) {
        public TransferRights command(SeriesId series) {
            return new TransferRights(series, holderId, transfereeId, rights, transferDate, boardApprovalReference);
        }
    }

    public record ReversalRequest(@Schema(requiredMode = REQUIRED) HolderId holderId,
                                  @Schema(requiredMode = REQUIRED) String reason,
                                  @Schema(description = "Defaults to today") LocalDate reversedOn) {
        /** Reversed today, by the clock, unless the request says on which day. */
        public ReverseLatestFact command(SeriesId series, Clock clock) {
            return new ReverseLatestFact(series, holderId, reason, reversedOn != null ? reversedOn : LocalDate.now(clock));
        }
    }
}
