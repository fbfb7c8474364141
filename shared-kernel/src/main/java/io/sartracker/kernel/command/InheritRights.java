package io.sartracker.kernel.command;

import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.Require;
import io.sartracker.kernel.model.SeriesId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * The legal heir of a deceased holder inherits the holding. The terms allow exactly one heir;
 * the list exists so that a request naming several is answered with that rule, not a parse error.
 */
public record InheritRights(@TargetAggregateIdentifier SeriesId seriesId, HolderId holderId, List<HolderId> heirIds,
                            LocalDate inheritanceDate) {
    public InheritRights {
        Require.present(seriesId, "seriesId");
        Require.present(holderId, "holderId");
        Require.present(heirIds, "heirIds");
        if (heirIds.isEmpty()) {
            throw new IllegalArgumentException("heirIds must name the heir");
        }
        heirIds = List.copyOf(heirIds);
        Require.date(inheritanceDate, "inheritanceDate");
    }
}
