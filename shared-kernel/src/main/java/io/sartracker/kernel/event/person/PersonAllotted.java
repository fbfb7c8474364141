package io.sartracker.kernel.event.person;

import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * Rights of a series were allotted to the person: the person holds office from the allotment date.
 * {@code reappointed} is true when the person had left office before that date (RULES.md 13): the
 * person holds office again from it; rights of earlier series stay as they were.
 */
@Revision("1")
public record PersonAllotted(IssuerId issuerId, HolderId personId, SeriesId seriesId, Role role,
                             LocalDate allotmentDate, boolean reappointed) implements PersonEvent {
    @Override
    public LocalDate effectiveDate() {
        return allotmentDate;
    }
}
