package io.sartracker.kernel.event;

import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.valuation.Valuation;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The amount to be paid per right was fixed by the valuation of (12); it is the rights' book value (6). */
@Revision("1")
public record AllotmentAmountDetermined(SeriesId seriesId, LocalDate determinationDate, Valuation valuation)
        implements SeriesEvent {
    @Override
    public LocalDate effectiveDate() {
        return determinationDate;
    }
}
