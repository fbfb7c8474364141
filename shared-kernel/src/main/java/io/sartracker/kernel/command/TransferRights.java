package io.sartracker.kernel.command;

import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.Require;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.SeriesId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A request to transfer rights to a third party (10); the 5th series' terms forbid it (11)-4. */
public record TransferRights(@TargetAggregateIdentifier SeriesId seriesId, HolderId holderId, HolderId transfereeId,
                             Rights rights, LocalDate transferDate, String boardApprovalReference) {
    public TransferRights {
        Require.present(seriesId, "seriesId");
        Require.present(holderId, "holderId");
        Require.present(transfereeId, "transfereeId");
        Require.present(rights, "rights");
        Require.positive(rights.count(), "rights");
        Require.date(transferDate, "transferDate");
        Require.atMost(boardApprovalReference, "boardApprovalReference", Require.MAX_NAME_LENGTH);
    }
}
