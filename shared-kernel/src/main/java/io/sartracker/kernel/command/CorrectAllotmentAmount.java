package io.sartracker.kernel.command;

import io.sartracker.kernel.model.Require;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.valuation.ValuationInputs;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Replace a recorded allotment amount whose inputs were wrong, with the reason. */
public record CorrectAllotmentAmount(@TargetAggregateIdentifier SeriesId seriesId, LocalDate correctionDate,
                                     LocalDate valuationDate, ValuationInputs inputs, String reason) {
    public CorrectAllotmentAmount {
        Require.present(seriesId, "seriesId");
        Require.date(correctionDate, "correctionDate");
        Require.date(valuationDate, "valuationDate");
        Require.present(inputs, "inputs");
        reason = Require.reason(reason, "reason");
    }
}
