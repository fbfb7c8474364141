package io.sartracker.command.person;

import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.ReversibleFact;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;

import java.time.LocalDate;

/**
 * The rejections of the rules about a person at the issuer ({@link PersonHistory}, RULES.md 13), one
 * method each, named after its {@link RuleCode}; where one code answers several situations, each has its
 * own method, named for the situation. The sentence and the figures of a rejection are written here and
 * nowhere else.
 */
final class PersonRejections {
    private PersonRejections() {
    }

    /** @param what the fact, as the sentence names it: "departure from office", "death", "change of role" */
    static RuleViolation factOutOfOrder(String what, IssuerId issuerId, HolderId personId, LocalDate date,
                                        PersonFact later) {
        return RuleViolation.of(RuleCode.FACT_OUT_OF_ORDER,
                "The " + what + " of " + personId + " on " + date + " is dated before the " + later.description()
                        + " already recorded at " + issuerId + "; a person's facts are recorded in date order, in"
                        + " every series alike. Reverse the later fact first if the order is wrong.",
                "holderId", personId, "date", date, "latestFactDate", later.date(), "latestFact", later.description());
    }

    static RuleViolation factOutOfOrderBeforeFirstAllotment(IssuerId issuerId, HolderId personId, LocalDate date,
                                                            LocalDate firstAllotment) {
        return RuleViolation.of(RuleCode.FACT_OUT_OF_ORDER,
                "Holder " + personId + " holds office at " + issuerId + " from the first allotment on "
                        + firstAllotment + "; a fact on " + date + " is dated before it. Check the date.",
                "holderId", personId, "date", date, "latestFactDate", firstAllotment);
    }

    static RuleViolation holderAlreadyDeceased(HolderId personId, LocalDate dateOfDeath) {
        return RuleViolation.of(RuleCode.HOLDER_ALREADY_DECEASED,
                "Holder " + personId + " is already recorded as deceased on " + dateOfDeath
                        + "; reverse that record first if it was wrong.",
                "holderId", personId, "dateOfDeath", dateOfDeath);
    }

    /** The person holds rights only as an heir. */
    static RuleViolation holderAlreadyDeceasedHeir(HolderId heirId, LocalDate dateOfDeath) {
        return RuleViolation.of(RuleCode.HOLDER_ALREADY_DECEASED,
                "The heir " + heirId + " is already recorded as deceased on " + dateOfDeath
                        + "; reverse that record first if it was wrong.",
                "heirId", heirId, "dateOfDeath", dateOfDeath);
    }

    /** @param what what the person would do on {@code date}: "lose office", "change role" */
    static RuleViolation holderNotInOfficeAfterDeparture(HolderId personId, LocalDate departedOn, LocalDate date,
                                                         String what) {
        return RuleViolation.of(RuleCode.HOLDER_NOT_IN_OFFICE,
                "Holder " + personId + " already left office on " + departedOn + " and was not re-appointed before "
                        + date + ", so cannot " + what + " then; reverse that departure first if it was wrong.",
                "holderId", personId, "departureDate", departedOn, "date", date);
    }

    /** @param what what the person would do on {@code date}: "lose office", "change role" */
    static RuleViolation holderNotInOfficeNeverHeld(IssuerId issuerId, HolderId personId, LocalDate date,
                                                    String what) {
        return RuleViolation.of(RuleCode.HOLDER_NOT_IN_OFFICE,
                personId + " never held office at " + issuerId + " (an heir holds none), so cannot " + what + ".",
                "holderId", personId, "date", date);
    }

    static RuleViolation roleUnchanged(IssuerId issuerId, HolderId personId, Role newRole) {
        return RuleViolation.of(RuleCode.ROLE_UNCHANGED,
                "No holding of " + personId + " in office has another role than " + newRole + "; nothing to record.",
                "issuerId", issuerId, "holderId", personId, "newRole", newRole);
    }

    static RuleViolation nothingToReverse(IssuerId issuerId, HolderId personId, ReversibleFact fact) {
        return RuleViolation.of(RuleCode.NOTHING_TO_REVERSE,
                "No " + fact.name().toLowerCase() + " of " + personId + " is recorded that could be reversed.",
                "issuerId", issuerId, "holderId", personId, "fact", fact);
    }

    /** A departure, death or re-appointment was recorded after the fact to reverse. */
    static RuleViolation laterFactRecordedBeforeReversal(IssuerId issuerId, HolderId personId, PersonFact later,
                                                         PersonFact reversed) {
        return RuleViolation.of(RuleCode.LATER_FACT_RECORDED,
                "The " + later.description() + " was recorded for " + personId + " after the "
                        + reversed.description() + "; reverse that first.",
                "issuerId", issuerId, "holderId", personId, "latestFact", later.description(),
                "factDate", later.date());
    }
}
