package io.sartracker.kernel.event;

import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The holder moved from one office to the other and still holds office (RULES.md 3). */
@Revision("1")
public record HolderRoleChanged(SeriesId seriesId, HolderId holderId, Role previousRole, Role newRole,
                                LocalDate changeDate) implements HoldingEvent {
    @Override
    public LocalDate effectiveDate() {
        return changeDate;
    }
}
