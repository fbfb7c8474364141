package io.sartracker.command.series;

import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.HoldingStatus;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The rejections of a holding's own decisions ({@link Holding}), one method each, named after its
 * {@link RuleCode}; where one code answers several situations, each has its own method, named for the
 * situation. The sentence and the figures of a rejection are written here and nowhere else.
 */
final class HoldingRejections {
    private HoldingRejections() {
    }

    // ---- allotment (RULES.md 2)

    static RuleViolation holderNotInOffice(HolderId holderId, HoldingStatus status) {
        return RuleViolation.of(RuleCode.HOLDER_NOT_IN_OFFICE,
                "Holder " + holderId + " no longer holds office (" + status
                        + "); rights are allotted only to directors and executive officers in office.",
                "holderId", holderId, "status", status);
    }

    static RuleViolation holderAlreadyDeceasedAtAllotment(HolderId holderId, LocalDate dateOfDeath) {
        return RuleViolation.of(RuleCode.HOLDER_ALREADY_DECEASED,
                "Holder " + holderId + " is recorded as deceased on " + dateOfDeath
                        + "; rights are allotted only to directors and executive officers in office.",
                "holderId", holderId, "dateOfDeath", dateOfDeath);
    }

    // ---- order of a holding's facts (RULES.md 13)

    static RuleViolation factOutOfOrder(String what, LocalDate date, HolderId holderId, LocalDate latestFactDate) {
        return RuleViolation.of(RuleCode.FACT_OUT_OF_ORDER,
                "The " + what + " on " + date + " is dated before a fact already recorded for "
                        + holderId + " on " + latestFactDate + "; reverse the later fact first if the order is wrong.",
                "holderId", holderId, "date", date, "latestFactDate", latestFactDate);
    }

    // ---- losing office (RULES.md 4) and death (RULES.md 5)

    static RuleViolation holderAlreadyDeceasedAtDeparture(HolderId holderId, LocalDate dateOfDeath, SeriesId seriesId) {
        return RuleViolation.of(RuleCode.HOLDER_ALREADY_DECEASED,
                "Holder " + holderId + " is recorded as deceased on " + dateOfDeath
                        + "; losing office by death follows (11)-3, not the 10-day rule.",
                "holderId", holderId, "dateOfDeath", dateOfDeath, "seriesId", seriesId);
    }

    static RuleViolation holderAlreadyDeceased(HolderId holderId, LocalDate dateOfDeath, SeriesId seriesId) {
        return RuleViolation.of(RuleCode.HOLDER_ALREADY_DECEASED,
                "Holder " + holderId + " is already recorded as deceased on " + dateOfDeath
                        + "; reverse that record first if it was wrong.",
                "holderId", holderId, "dateOfDeath", dateOfDeath, "seriesId", seriesId);
    }

    static RuleViolation holderAlreadyDeceasedHeir(HolderId holderId, HolderId heirId, LocalDate dateOfHeirsDeath,
                                                   SeriesId seriesId) {
        return RuleViolation.of(RuleCode.HOLDER_ALREADY_DECEASED,
                "The heir " + heirId + " is already recorded as deceased on " + dateOfHeirsDeath
                        + "; reverse that record first if it was wrong.",
                "holderId", holderId, "heirId", heirId, "dateOfDeath", dateOfHeirsDeath, "seriesId", seriesId);
    }

    // ---- inheritance (RULES.md 5, (11)-3)

    static RuleViolation moreThanOneHeir(List<HolderId> heirIds) {
        return RuleViolation.of(RuleCode.MORE_THAN_ONE_HEIR,
                "Only one legal heir may inherit the rights (11)-3; name the single heir who inherits the whole"
                        + " holding.",
                "heirIds", heirIds);
    }

    static RuleViolation heirCannotPassOn(HolderId heirId, LocalDate dateOfHeirsDeath) {
        return RuleViolation.of(RuleCode.HEIR_CANNOT_PASS_ON,
                "The heir " + heirId + " died on " + dateOfHeirsDeath
                        + "; rights inherited once cannot pass to the heir's heir (11)-3.",
                "heirId", heirId, "dateOfHeirsDeath", dateOfHeirsDeath);
    }

    static RuleViolation alreadyInherited(HolderId heirId, LocalDate inheritanceDate) {
        return RuleViolation.of(RuleCode.ALREADY_INHERITED,
                "The holding was already inherited by " + heirId + " on " + inheritanceDate
                        + "; only one heir may inherit (11)-3.",
                "heirId", heirId, "inheritanceDate", inheritanceDate);
    }

    static RuleViolation holderNotDeceased(HolderId holderId, HoldingStatus status) {
        return RuleViolation.of(RuleCode.HOLDER_NOT_DECEASED,
                "Holder " + holderId + " is not recorded as deceased; record the death first.",
                "holderId", holderId, "status", status);
    }

    /**
     * @param periodLastDay the last day of the exercise period, which extinguished rights awaiting an heir
     */
    static RuleViolation nothingToInherit(HolderId holderId, HoldingStatus status, LocalDate dateOfDeath,
                                          LocalDate periodLastDay) {
        return RuleViolation.of(RuleCode.NOTHING_TO_INHERIT,
                "Nothing is left to inherit: the rights of " + holderId + " were "
                        + (status == HoldingStatus.AWAITING_HEIR
                        ? "extinguished when the exercise period ended on " + periodLastDay
                        : "extinguished before the death (" + status + ")") + ".",
                "holderId", holderId, "status", status, "dateOfDeath", dateOfDeath);
    }

    static RuleViolation heirIsTheDeceased(HolderId holderId, HolderId heirId) {
        return RuleViolation.of(RuleCode.HEIR_IS_THE_DECEASED,
                "The heir must be the legal heir of " + holderId + ", not the deceased holder;"
                        + " name the heir's own identifier.",
                "holderId", holderId, "heirId", heirId);
    }

    // ---- exercise (RULES.md 6)

    static RuleViolation exercisePeriodEnded(SeriesId seriesId, HolderId holderId, ExerciseWindow period,
                                             Rights held) {
        return RuleViolation.of(RuleCode.EXERCISE_PERIOD_ENDED,
                "The exercise period of series " + seriesId + " ended on " + period.lastDay()
                        + " while " + holderId + " held office; the rights can no longer be exercised"
                        + " and lapse from " + period.dayAfter() + " (5), (11)-2.",
                "holderId", holderId, "periodLastDay", period.lastDay(),
                "lapseDate", period.dayAfter(), "rightsHeld", held);
    }

    static RuleViolation holderInOffice(HolderId holderId, int windowAfterLeavingOfficeDays, Rights held) {
        return RuleViolation.of(RuleCode.HOLDER_IN_OFFICE,
                "Holder " + holderId + " still holds office; rights can be exercised only in the "
                        + windowAfterLeavingOfficeDays + " days after losing office (11)-2."
                        + " Record the departure first.",
                "holderId", holderId, "rightsHeld", held);
    }

    static RuleViolation awaitingHeir(HolderId holderId, LocalDate dateOfDeath) {
        return RuleViolation.of(RuleCode.AWAITING_HEIR,
                "Holder " + holderId + " died on " + dateOfDeath
                        + "; the rights can be exercised only by the heir once the inheritance is recorded.",
                "holderId", holderId, "dateOfDeath", dateOfDeath);
    }

    static RuleViolation rightsLapsed(HolderId holderId, Rights lapsed) {
        return RuleViolation.of(RuleCode.RIGHTS_LAPSED,
                "The rights of " + holderId + " lapsed; nothing can be exercised.",
                "holderId", holderId, "rightsLapsed", lapsed);
    }

    static RuleViolation rightsAcquired(HolderId holderId, Rights acquired) {
        return RuleViolation.of(RuleCode.RIGHTS_ACQUIRED,
                "The company acquired the rights of " + holderId + " (8); nothing can be exercised.",
                "holderId", holderId, "rightsAcquired", acquired);
    }

    static RuleViolation noRightsLeft(HolderId holderId, Rights exercised) {
        return RuleViolation.of(RuleCode.NO_RIGHTS_LEFT,
                "Every right of " + holderId + " was already exercised.",
                "holderId", holderId, "rightsExercised", exercised);
    }

    /** @param window the window that applies to the exercise, for the figures; null if none */
    static RuleViolation outsideExercisePeriod(LocalDate date, ExerciseWindow period, ExerciseWindow window) {
        return RuleViolation.of(RuleCode.OUTSIDE_EXERCISE_PERIOD,
                "Rights of this series can be exercised only from " + period.firstDay() + " to "
                        + period.lastDay() + " (5); " + date + " is outside.",
                "exerciseDate", date, "periodFirstDay", period.firstDay(), "periodLastDay", period.lastDay(),
                "windowFirstDay", window == null ? null : window.firstDay(),
                "windowLastDay", window == null ? null : window.lastDay());
    }

    /** @param window the heir's window cut to the period; null when none of it lies in the period */
    static RuleViolation outsideExerciseWindowOfHeir(LocalDate date, int heirWindowMonths, ExerciseWindow window,
                                                     ExerciseWindow period, Rights held) {
        return outsideExerciseWindow(date, "the heir may exercise from the day of inheriting to " + heirWindowMonths
                + " months later (11)-3", window, period, held);
    }

    /** @param window the window after losing office cut to the period; null when none of it lies in the period */
    static RuleViolation outsideExerciseWindowAfterLeavingOffice(LocalDate date, LocalDate departureDate,
                                                                 int windowAfterLeavingOfficeDays,
                                                                 ExerciseWindow window, ExerciseWindow period,
                                                                 Rights held) {
        return outsideExerciseWindow(date, "a holder who lost office on " + departureDate
                + " may exercise only in the " + windowAfterLeavingOfficeDays + " days after (11)-2", window, period,
                held);
    }

    private static RuleViolation outsideExerciseWindow(LocalDate date, String rule, ExerciseWindow window,
                                                       ExerciseWindow period, Rights held) {
        return RuleViolation.of(RuleCode.OUTSIDE_EXERCISE_WINDOW,
                "Cannot exercise on " + date + ": " + rule + "; "
                        + (window == null ? "no day of that window lies in the exercise period " + period
                        : "the window is " + window) + ".",
                "exerciseDate", date,
                "windowFirstDay", window == null ? null : window.firstDay(),
                "windowLastDay", window == null ? null : window.lastDay(),
                "rightsHeld", held);
    }

    static RuleViolation nothingToDeliver(LocalDate date, SharesPerRight inForce) {
        return RuleViolation.of(RuleCode.NOTHING_TO_DELIVER,
                "On " + date + " a right gives 0 shares (a consolidation rounded the figure down to 0);"
                        + " an exercise would deliver no share, so none can be recorded.",
                "exerciseDate", date, "sharesPerRight", inForce);
    }

    static RuleViolation partialRightNotAllowedInRights(BigDecimal requestedRights) {
        return RuleViolation.of(RuleCode.PARTIAL_RIGHT_NOT_ALLOWED,
                "A part of one right cannot be exercised (11)-1; exercise a whole number of rights.",
                "requestedRights", requestedRights.toPlainString());
    }

    /** @param wholeRights the whole rights the requested shares would cover */
    static RuleViolation partialRightNotAllowedInShares(BigDecimal requestedShares, SharesPerRight inForce,
                                                        long wholeRights) {
        return RuleViolation.of(RuleCode.PARTIAL_RIGHT_NOT_ALLOWED,
                "Shares are delivered only for whole rights of " + inForce + " shares each (11)-1; "
                        + requestedShares.toPlainString() + " shares is not a whole multiple. Ask for "
                        + wholeRights * inForce.shares() + " shares (" + wholeRights + " rights) instead.",
                "requestedShares", requestedShares.toPlainString(), "sharesPerRight", inForce,
                "wholeRights", wholeRights);
    }

    static RuleViolation exceedsRightsHeld(Rights held, Rights requested) {
        return RuleViolation.of(RuleCode.EXCEEDS_RIGHTS_HELD,
                "The holding has " + held + " rights left; exercise at most " + held + ".",
                "rightsHeld", held, "requestedRights", requested);
    }

    // ---- corrections

    static RuleViolation nothingToReverse(HolderId holderId) {
        return RuleViolation.of(RuleCode.NOTHING_TO_REVERSE,
                "Nothing recorded for " + holderId + " after the allotment can be reversed.",
                "holderId", holderId);
    }

    /** The holding's latest fact is a lapse or an acquisition: it blocks every reversal before it. */
    static RuleViolation laterFactRecordedThatCannotBeReversed(HolderId holderId, String latestFact,
                                                               LocalDate factDate) {
        return RuleViolation.of(RuleCode.LATER_FACT_RECORDED,
                "The latest fact of the holding is the " + latestFact
                        + ", which cannot be reversed; facts before it cannot be reversed either.",
                "holderId", holderId, "latestFact", latestFact, "factDate", factDate);
    }

    /** The person's departure or death is not the holding's latest fact in the series. */
    static RuleViolation laterFactRecordedBeforeReversal(SeriesId seriesId, HolderId holderId, String latestFact,
                                                         LocalDate factDate) {
        return RuleViolation.of(RuleCode.LATER_FACT_RECORDED,
                "The " + latestFact + " was recorded after it in series " + seriesId + "; reverse that first.",
                "seriesId", seriesId, "holderId", holderId, "latestFact", latestFact, "factDate", factDate);
    }
}
