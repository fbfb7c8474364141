package io.sartracker.kernel.event.person;

import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The person lost office at the issuer (11)-2; each series records its own window as {@code HolderLeftOffice}. */
@Revision("1")
public record PersonLeftOffice(IssuerId issuerId, HolderId personId, LocalDate departureDate,
                               DepartureReason reason) implements PersonEvent {
    @Override
    public LocalDate effectiveDate() {
        return departureDate;
    }
}
