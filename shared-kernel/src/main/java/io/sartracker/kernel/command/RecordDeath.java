package io.sartracker.kernel.command;

import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Require;

import java.time.LocalDate;

/** A person who holds rights of the issuer (an allottee or an heir) died (RULES.md 5). */
public record RecordDeath(IssuerId issuerId, HolderId personId, LocalDate dateOfDeath) {
    public RecordDeath {
        Require.present(issuerId, "issuerId");
        Require.present(personId, "personId");
        Require.date(dateOfDeath, "dateOfDeath");
    }
}
