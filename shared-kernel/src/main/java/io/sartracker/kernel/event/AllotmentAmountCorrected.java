package io.sartracker.kernel.event;

import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.Yen;
import io.sartracker.kernel.valuation.Valuation;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A recorded allotment amount was replaced by a new valuation; the earlier one stays in the history. */
@Revision("1")
public record AllotmentAmountCorrected(SeriesId seriesId, LocalDate correctionDate, Valuation valuation,
                                       Yen previousAmountPerRight, String reason) implements SeriesEvent {
    @Override
    public LocalDate effectiveDate() {
        return correctionDate;
    }
}
