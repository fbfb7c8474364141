package io.sartracker.kernel.event;

import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.SeriesId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The person holding the rights of a holding died (11)-3: the allottee ({@code deceasedId} equals
 * {@code holderId}) or the heir. {@code outcome} says what the death means for the rights.
 */
@Revision("1")
public record HolderDied(SeriesId seriesId, HolderId holderId, HolderId deceasedId, LocalDate dateOfDeath,
                         Outcome outcome, Rights rights) implements HoldingEvent {

    public enum Outcome {
        /** Died in office or inside the 10-day window: the rights await one heir. */
        AWAITING_HEIR,
        /** Died after the window closed: the rights were already extinguished. */
        NOTHING_TO_INHERIT,
        /** The heir died: the rights cannot pass on and lapse on this date. */
        RIGHTS_LAPSE
    }

    @Override
    public LocalDate effectiveDate() {
        return dateOfDeath;
    }
}
