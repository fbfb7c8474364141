package io.sartracker.kernel.event;

import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record RightsAllotted(SeriesId seriesId, HolderId holderId, Role role, Rights rights,
                             LocalDate allotmentDate) implements HoldingEvent {
    @Override
    public LocalDate effectiveDate() {
        return allotmentDate;
    }
}
