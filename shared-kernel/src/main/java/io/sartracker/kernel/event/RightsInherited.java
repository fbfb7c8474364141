package io.sartracker.kernel.event;

import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.SeriesId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** One legal heir inherited the holding (11)-3; the window is I..I+6 months cut to the period, or null. */
@Revision("1")
public record RightsInherited(SeriesId seriesId, HolderId holderId, HolderId heirId, LocalDate inheritanceDate,
                              Rights rights, ExerciseWindow window, LocalDate lapseDate) implements HoldingEvent {
    @Override
    public LocalDate effectiveDate() {
        return inheritanceDate;
    }
}
