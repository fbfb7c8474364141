package io.sartracker.kernel.command;

import io.sartracker.kernel.model.AcquisitionCause;
import io.sartracker.kernel.model.Require;
import io.sartracker.kernel.model.SeriesId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The company acquires every outstanding right without contribution on the date the board fixed (8). */
public record AcquireRights(@TargetAggregateIdentifier SeriesId seriesId, AcquisitionCause cause,
                            LocalDate approvalDate, LocalDate acquisitionDate) {
    public AcquireRights {
        Require.present(seriesId, "seriesId");
        Require.present(cause, "cause");
        Require.date(approvalDate, "approvalDate");
        Require.date(acquisitionDate, "acquisitionDate");
    }
}
