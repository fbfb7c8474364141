package io.sartracker.kernel.event;

import io.sartracker.kernel.model.AcquisitionCause;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.SeriesId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The company acquired the holding's outstanding rights without contribution (8). */
@Revision("1")
public record RightsAcquired(SeriesId seriesId, HolderId holderId, Rights rights, AcquisitionCause cause,
                             LocalDate approvalDate, LocalDate acquisitionDate) implements HoldingEvent {
    @Override
    public LocalDate effectiveDate() {
        return acquisitionDate;
    }
}
