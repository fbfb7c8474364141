package io.sartracker.kernel.command;

import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Require;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.Terms;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The board resolved to issue a series with these terms. */
public record IssueSeries(@TargetAggregateIdentifier SeriesId seriesId, IssuerId issuerId, Terms terms) {
    public IssueSeries {
        Require.present(seriesId, "seriesId");
        Require.present(issuerId, "issuerId");
        Require.present(terms, "terms").requireSound();
    }
}
