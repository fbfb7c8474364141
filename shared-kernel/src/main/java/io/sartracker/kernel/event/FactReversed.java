package io.sartracker.kernel.event;

import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.ReversibleFact;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.SeriesId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * An administrator reversed the latest fact of a holding; the reversed event stays in the history.
 * The holding is back in its state before that fact: {@code rightsRestored} rights count as
 * outstanding again ({@code fromExercise} of them had been exercised, {@code fromLapse} had lapsed
 * with the heir's death).
 */
@Revision("1")
public record FactReversed(SeriesId seriesId, HolderId holderId, ReversibleFact fact, LocalDate factDate,
                           String reason, LocalDate reversedOn, Rights fromExercise, Rights fromLapse)
        implements HoldingEvent {
    @Override
    public LocalDate effectiveDate() {
        return reversedOn;
    }
}
