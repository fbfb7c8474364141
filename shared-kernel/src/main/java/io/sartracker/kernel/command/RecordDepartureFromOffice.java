package io.sartracker.kernel.command;

import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Require;

import java.time.LocalDate;

/**
 * A person lost office at the issuer on {@code departureDate} for a reason other than death.
 * Office is held at the issuer, so this applies to every holding of that person in every series
 * of the issuer (RULES.md 4).
 */
public record RecordDepartureFromOffice(IssuerId issuerId, HolderId holderId, LocalDate departureDate,
                                        DepartureReason reason) {
    public RecordDepartureFromOffice {
        Require.present(issuerId, "issuerId");
        Require.present(holderId, "holderId");
        Require.date(departureDate, "departureDate");
        Require.present(reason, "reason");
    }
}
