package io.sartracker.kernel.event.person;

import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The tracker began keeping the person's history at the issuer: with the person's first allotment,
 * or, for a person whose series were recorded before such histories were kept, with the first fact
 * of the person recorded since (the facts the series already held follow as events of their own).
 */
@Revision("1")
public record PersonHistoryOpened(IssuerId issuerId, HolderId personId, LocalDate openedOn) implements PersonEvent {
    @Override
    public LocalDate effectiveDate() {
        return openedOn;
    }
}
