package io.sartracker.kernel.command;

import io.sartracker.kernel.model.Require;
import io.sartracker.kernel.model.SeriesId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Sent by the tracker's own lapse sweep: record the lapse of every right of the series whose
 * lapse date is on or before {@code asOf} (RULES.md 9). Idempotent: nothing due, nothing recorded.
 */
public record RecordDueLapses(@TargetAggregateIdentifier SeriesId seriesId, LocalDate asOf) {
    public RecordDueLapses {
        Require.present(seriesId, "seriesId");
        Require.date(asOf, "asOf");
    }
}
