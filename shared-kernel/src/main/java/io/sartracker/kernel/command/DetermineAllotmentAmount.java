package io.sartracker.kernel.command;

import io.sartracker.kernel.model.Require;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.valuation.ValuationInputs;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Fix the amount to be paid per right by the valuation of (12), before the allotment. */
public record DetermineAllotmentAmount(@TargetAggregateIdentifier SeriesId seriesId, LocalDate determinationDate,
                                       LocalDate valuationDate, ValuationInputs inputs) {
    public DetermineAllotmentAmount {
        Require.present(seriesId, "seriesId");
        Require.date(determinationDate, "determinationDate");
        Require.date(valuationDate, "valuationDate");
        Require.present(inputs, "inputs");
    }
}
