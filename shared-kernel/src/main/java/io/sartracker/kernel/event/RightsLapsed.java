package io.sartracker.kernel.event;

import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.LapseReason;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.SeriesId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The holding's unexercised rights were extinguished, dated the first day they could no longer be exercised. */
@Revision("1")
public record RightsLapsed(SeriesId seriesId, HolderId holderId, Rights rights, LapseReason reason,
                           LocalDate lapseDate) implements HoldingEvent {
    @Override
    public LocalDate effectiveDate() {
        return lapseDate;
    }
}
