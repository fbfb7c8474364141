package io.sartracker.kernel.command;

import io.sartracker.kernel.model.Require;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.valuation.ValuationInputs;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** What would the allotment amount be with these inputs? Computes with the series' figures, records nothing. */
public record PreviewAllotmentAmount(@TargetAggregateIdentifier SeriesId seriesId, LocalDate valuationDate,
                                     ValuationInputs inputs) {
    public PreviewAllotmentAmount {
        Require.present(seriesId, "seriesId");
        Require.date(valuationDate, "valuationDate");
        Require.present(inputs, "inputs");
    }
}
