package io.sartracker.kernel.event;

import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.SeriesId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The holder lost office (11)-2. {@code window} is D+1..D+n cut to the exercise period, or null
 * when nothing of it lies in the period; {@code lapseDate} is the first day the rights can no
 * longer be exercised.
 */
@Revision("1")
public record HolderLeftOffice(SeriesId seriesId, HolderId holderId, LocalDate departureDate, DepartureReason reason,
                               ExerciseWindow window, LocalDate lapseDate) implements HoldingEvent {
    @Override
    public LocalDate effectiveDate() {
        return departureDate;
    }
}
