package io.sartracker.kernel.command;

import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.Require;
import io.sartracker.kernel.model.SeriesId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Reverse the latest recorded exercise, departure, death or inheritance of a holding, with the
 * reason. The reversed fact stays in the history; the reversal is a fact of its own.
 */
public record ReverseLatestFact(@TargetAggregateIdentifier SeriesId seriesId, HolderId holderId, String reason,
                                LocalDate reversedOn) {
    public ReverseLatestFact {
        Require.present(seriesId, "seriesId");
        Require.present(holderId, "holderId");
        reason = Require.reason(reason, "reason");
        Require.date(reversedOn, "reversedOn");
    }
}
