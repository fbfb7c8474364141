package io.sartracker.kernel.command;

import io.sartracker.kernel.model.Require;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.SharesPerRight;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The board adjusted the shares per right "within a reasonable range" after a merger, demerger or the like (3). */
public record AdjustSharesPerRight(@TargetAggregateIdentifier SeriesId seriesId, SharesPerRight sharesPerRight,
                                   LocalDate appliesFrom, String reason) {
    public AdjustSharesPerRight {
        Require.present(seriesId, "seriesId");
        Require.present(sharesPerRight, "sharesPerRight");
        Require.positive(sharesPerRight.shares(), "sharesPerRight");
        Require.date(appliesFrom, "appliesFrom");
        reason = Require.reason(reason, "reason");
    }
}
