package io.sartracker.kernel.event.person;

import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.ReversibleFact;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The person's latest departure or death was recorded in error and is reversed; it stays in the history. */
@Revision("1")
public record PersonFactReversed(IssuerId issuerId, HolderId personId, ReversibleFact fact, LocalDate factDate,
                                 String reason, LocalDate reversedOn) implements PersonEvent {
    @Override
    public LocalDate effectiveDate() {
        return reversedOn;
    }
}
