package io.sartracker.kernel.event.person;

import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The person lost office at the issuer (11)-2; each series records its own window as
 * {@code HolderLeftOffice}. {@code reason} is null for a departure carried over from series recorded
 * before the person's history was kept (a holding does not keep the reason; its event does).
 */
@Revision("1")
public record PersonLeftOffice(IssuerId issuerId, HolderId personId, LocalDate departureDate,
                               DepartureReason reason) implements PersonEvent {
    @Override
    public LocalDate effectiveDate() {
        return departureDate;
    }
}
