package io.sartracker.kernel.event.person;

import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.SeriesId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * The person (an allottee or an heir) died. {@code seriesAffected} are the series in which a holding
 * of the person recorded the death ({@code HolderDied}); empty when every holding had already been
 * exercised, had lapsed (a recorded lapse stands, RULES.md 13) or was acquired: the death is then
 * recorded for the person only.
 */
@Revision("1")
public record PersonDied(IssuerId issuerId, HolderId personId, LocalDate dateOfDeath, List<SeriesId> seriesAffected)
        implements PersonEvent {
    public PersonDied {
        seriesAffected = seriesAffected == null ? List.of() : List.copyOf(seriesAffected);
    }

    @Override
    public LocalDate effectiveDate() {
        return dateOfDeath;
    }
}
