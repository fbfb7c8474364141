package io.sartracker.command.issuer;

import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;

import java.time.LocalDate;

/**
 * The rejections of the facts of the issuer ({@link IssuerCommandHandler}), one method each, named after
 * its {@link RuleCode}. The sentence and the figures of a rejection are written here and nowhere else.
 */
final class IssuerRejections {
    private IssuerRejections() {
    }

    static RuleViolation unknownIssuer(IssuerId issuerId) {
        return RuleViolation.of(RuleCode.UNKNOWN_ISSUER,
                "No series of issuer " + issuerId + " is recorded.", "issuerId", issuerId);
    }

    /** No series of the issuer holds rights the person was allotted or inherited. */
    static RuleViolation unknownHolder(IssuerId issuerId, HolderId personId) {
        return RuleViolation.of(RuleCode.UNKNOWN_HOLDER,
                "No rights of " + issuerId + " were allotted to or inherited by " + personId + ".",
                "issuerId", issuerId, "holderId", personId);
    }

    /** RULES.md 13: every series of the issuer had ended before the day the split or consolidation applies. */
    static RuleViolation noSeriesToAdjust(IssuerId issuerId, LocalDate appliesFrom) {
        return RuleViolation.of(RuleCode.NO_SERIES_TO_ADJUST,
                "The exercise period of every series of " + issuerId + " had ended before " + appliesFrom
                        + ", the day this adjustment applies; no right is adjusted, nothing to record.",
                "issuerId", issuerId, "appliesFrom", appliesFrom);
    }
}
