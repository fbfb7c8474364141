package io.sartracker.kernel.command;

import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.Require;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Allot rights to a holder on the allotment date (RULES.md 2). */
public record AllotRights(@TargetAggregateIdentifier SeriesId seriesId, HolderId holderId, Role role,
                          Rights rights, LocalDate allotmentDate) {
    public AllotRights {
        Require.present(seriesId, "seriesId");
        Require.present(holderId, "holderId");
        Require.present(role, "role");
        Require.present(rights, "rights");
        Require.positive(rights.count(), "rights");
        Require.date(allotmentDate, "allotmentDate");
    }
}
