package io.sartracker.kernel.command;

import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Require;
import io.sartracker.kernel.model.ReversibleFact;

import java.time.LocalDate;

/**
 * Reverse a departure or a death recorded in error. Both are facts of the issuer, recorded once for
 * every series of the person, so their reversal is too: in each holding where the person's
 * departure (or death) is the latest fact, it is reversed; a holding with a later fact rejects it.
 */
public record ReverseFactOfPerson(IssuerId issuerId, HolderId personId, ReversibleFact fact, String reason,
                                  LocalDate reversedOn) {
    public ReverseFactOfPerson {
        Require.present(issuerId, "issuerId");
        Require.present(personId, "personId");
        Require.present(fact, "fact");
        if (fact != ReversibleFact.DEPARTURE && fact != ReversibleFact.DEATH) {
            throw new IllegalArgumentException("fact is DEPARTURE or DEATH: an exercise or an inheritance belongs"
                    + " to one series and is reversed there, was " + fact);
        }
        reason = Require.reason(reason, "reason");
        Require.date(reversedOn, "reversedOn");
    }
}
