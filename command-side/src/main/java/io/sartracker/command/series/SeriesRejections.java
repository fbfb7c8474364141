package io.sartracker.command.series;

import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.Ratio;
import io.sartracker.kernel.model.RestructuringKind;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.model.Yen;
import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The rejections of the series-wide rules ({@link StockAcquisitionRight}), one method each, named after
 * its {@link RuleCode}; where one code answers several situations, each has its own method, named for the
 * situation. The sentence and the figures of a rejection are written here and nowhere else.
 */
final class SeriesRejections {
    private SeriesRejections() {
    }

    // ---- finding the holding

    static RuleViolation unknownHolder(SeriesId seriesId, HolderId holderId) {
        return RuleViolation.of(RuleCode.UNKNOWN_HOLDER,
                "No rights of series " + seriesId + " were allotted to " + holderId + ".",
                "seriesId", seriesId, "holderId", holderId);
    }

    /** RULES.md 13: an heir's own identifier names a holding only when the heir inherited one of the series. */
    static RuleViolation unknownHolderHeirOfSeveral(SeriesId seriesId, HolderId heirId, List<HolderId> holderIds) {
        return RuleViolation.of(RuleCode.UNKNOWN_HOLDER,
                heirId + " inherited " + holderIds.size() + " holdings of series " + seriesId
                        + "; name the holding by its original holder's identifier.",
                "seriesId", seriesId, "heirId", heirId, "holderIds", holderIds);
    }

    // ---- allotment (RULES.md 2)

    static RuleViolation allotmentDateMismatch(LocalDate allotmentDate, LocalDate requestedDate) {
        return RuleViolation.of(RuleCode.ALLOTMENT_DATE_MISMATCH,
                "Rights of this series are allotted on " + allotmentDate + " (13); record the allotment"
                        + " with that date.",
                "allotmentDate", allotmentDate, "requestedDate", requestedDate);
    }

    static RuleViolation roleNotEligible(Set<Role> eligibleRoles, Role role) {
        return RuleViolation.of(RuleCode.ROLE_NOT_ELIGIBLE,
                "Only " + eligibleRoles + " may be allotted rights of this series (15).",
                "role", role);
    }

    static RuleViolation maximumRightsExceeded(Rights maximumRights, Rights allotted, Rights requested, Rights left) {
        return RuleViolation.of(RuleCode.MAXIMUM_RIGHTS_EXCEEDED,
                "Only " + left + " of the maximum " + maximumRights + " rights are left to allot (2);"
                        + " allot at most " + left + ".",
                "maximumRights", maximumRights, "allottedRights", allotted,
                "requestedRights", requested, "rightsLeft", left);
    }

    // ---- the allotment amount (RULES.md 8, 13, (12))

    static RuleViolation allotmentAmountAlreadyDetermined(Yen amountPerRight) {
        return RuleViolation.of(RuleCode.ALLOTMENT_AMOUNT_ALREADY_DETERMINED,
                "The allotment amount of this series is already " + amountPerRight
                        + " per right; to replace it, send a correction with the reason.",
                "amountPerRight", amountPerRight);
    }

    static RuleViolation valuationAfterAllotment(LocalDate determinationDate, LocalDate allotmentDate) {
        return RuleViolation.of(RuleCode.VALUATION_AFTER_ALLOTMENT,
                "The amount to be paid is fixed before the allotment on " + allotmentDate
                        + " (12); " + determinationDate + " is after it.",
                "determinationDate", determinationDate, "allotmentDate", allotmentDate);
    }

    static RuleViolation noAllotmentAmount(SeriesId seriesId) {
        return RuleViolation.of(RuleCode.NO_ALLOTMENT_AMOUNT,
                "No allotment amount is recorded for this series yet; determine it instead of correcting it.",
                "seriesId", seriesId);
    }

    /**
     * RULES.md 13: an exercise is recorded, with the book value in force then, so the amount can no
     * longer change.
     *
     * @param what "determined" or "corrected"
     */
    static RuleViolation laterFactRecordedBeforeAllotmentAmount(HolderId exerciseHolderId, LocalDate exerciseDate,
                                                                String what) {
        return RuleViolation.of(RuleCode.LATER_FACT_RECORDED,
                "The exercise by " + exerciseHolderId + " on " + exerciseDate + " is recorded, with the"
                        + " book value in force when it was recorded; the allotment amount is the book value of"
                        + " every exercised right, so it cannot be " + what + " once an exercise is recorded."
                        + " Reverse the exercises first if the amount must change.",
                "exerciseHolderId", exerciseHolderId, "exerciseDate", exerciseDate);
    }

    static RuleViolation invalidValuationInput(String reason, LocalDate valuationDate) {
        return RuleViolation.of(RuleCode.INVALID_VALUATION_INPUT,
                "The valuation cannot be computed: " + reason + ".", "valuationDate", valuationDate);
    }

    // ---- split, consolidation, board adjustment (RULES.md 7, 13)

    static RuleViolation ratioDoesNotFitSplit(Ratio ratio) {
        return RuleViolation.of(RuleCode.RATIO_DOES_NOT_FIT,
                "A share split increases the shares: its ratio must be above 1 (a 2-for-1 split is 2/1), was "
                        + ratio + ".",
                "ratio", ratio);
    }

    static RuleViolation ratioDoesNotFitConsolidation(Ratio ratio) {
        return RuleViolation.of(RuleCode.RATIO_DOES_NOT_FIT,
                "A share consolidation reduces the shares: its ratio must be below 1 (1-for-10 is 1/10), was "
                        + ratio + ".",
                "ratio", ratio);
    }

    static RuleViolation conditionalSplitDates(LocalDate recordDate, LocalDate meetingClosingDate) {
        return RuleViolation.of(RuleCode.CONDITIONAL_SPLIT_DATES,
                "A split conditional on the shareholders' meeting has its record date on the day before"
                        + " the meeting closes (3): " + meetingClosingDate.minusDays(1) + ".",
                "recordDate", recordDate, "meetingClosingDate", meetingClosingDate);
    }

    static RuleViolation adjustmentBeforeAllotment(LocalDate appliesFrom, LocalDate allotmentDate) {
        return RuleViolation.of(RuleCode.ADJUSTMENT_BEFORE_ALLOTMENT,
                "Only an adjustment after the allotment date (" + allotmentDate
                        + ") changes the shares per right (3); this one applies from " + appliesFrom + ".",
                "appliesFrom", appliesFrom, "allotmentDate", allotmentDate);
    }

    static RuleViolation adjustmentOutOfOrder(LocalDate appliesFrom, SharesPerRightSchedule.Step latest) {
        return RuleViolation.of(RuleCode.ADJUSTMENT_OUT_OF_ORDER,
                "An adjustment (" + latest.cause() + ") already applies from " + latest.appliesFrom()
                        + "; adjustments are recorded in the order they apply, so this one, applying from "
                        + appliesFrom + ", cannot be recorded after it.",
                "appliesFrom", appliesFrom, "latestAdjustmentAppliesFrom", latest.appliesFrom());
    }

    /** @param recordedWith the shares per right the exercise was recorded with */
    static RuleViolation adjustmentBeforeRecordedExercise(LocalDate appliesFrom, HolderId exerciseHolderId,
                                                          LocalDate exerciseDate, SharesPerRight recordedWith) {
        return RuleViolation.of(RuleCode.ADJUSTMENT_BEFORE_RECORDED_EXERCISE,
                "The exercise by " + exerciseHolderId + " on " + exerciseDate + " was recorded with "
                        + recordedWith + " shares per right; an adjustment applying from "
                        + appliesFrom + " would change that figure. Reverse the exercise first if it is wrong.",
                "appliesFrom", appliesFrom, "exerciseHolderId", exerciseHolderId, "exerciseDate", exerciseDate);
    }

    // ---- restructuring and acquisition (RULES.md 9)

    static RuleViolation restructuringWithoutReplacement(RestructuringKind kind) {
        return RuleViolation.of(RuleCode.RESTRUCTURING_WITHOUT_REPLACEMENT,
                "The agreement does not provide rights of the restructured company (9); the company may"
                        + " instead acquire the rights without contribution (8).",
                "kind", kind);
    }

    static RuleViolation acquisitionBeforeApproval(LocalDate approvalDate, LocalDate acquisitionDate) {
        return RuleViolation.of(RuleCode.ACQUISITION_BEFORE_APPROVAL,
                "The acquisition date " + acquisitionDate + " is before the approval on " + approvalDate
                        + "; the board fixes a date on or after the approval (8).",
                "approvalDate", approvalDate, "acquisitionDate", acquisitionDate);
    }

    static RuleViolation nothingOutstanding(LocalDate date, Rights outstanding) {
        return RuleViolation.of(RuleCode.NOTHING_OUTSTANDING,
                "No right of the series is outstanding on " + date + "; nothing to replace or acquire.",
                "date", date, "outstandingRights", outstanding);
    }

    // ---- transfer (RULES.md 10)

    static RuleViolation transferNotAllowed(HolderId holderId, Rights rights) {
        return RuleViolation.of(RuleCode.TRANSFER_NOT_ALLOWED,
                "The rights of this series cannot be transferred, pledged or otherwise disposed of (11)-4.",
                "holderId", holderId, "rights", rights);
    }

    static RuleViolation transferApprovalRequired(HolderId holderId) {
        return RuleViolation.of(RuleCode.TRANSFER_APPROVAL_REQUIRED,
                "A transfer needs the approval of the board of directors (7); give the reference of the"
                        + " board's resolution.",
                "holderId", holderId);
    }

    static RuleViolation transferNotSupported(HolderId holderId, String boardApprovalReference) {
        return RuleViolation.of(RuleCode.TRANSFER_NOT_SUPPORTED,
                "This tracker does not yet record approved transfers; record them outside the tracker.",
                "holderId", holderId, "boardApprovalReference", boardApprovalReference);
    }
}
