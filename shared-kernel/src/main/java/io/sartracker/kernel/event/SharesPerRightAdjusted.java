package io.sartracker.kernel.event;

import io.sartracker.kernel.model.AdjustmentCause;
import io.sartracker.kernel.model.Ratio;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.SharesPerRight;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The Number of Shares Granted per right changed from {@code appliesFrom} (3).
 * {@code ratio} is null for a board's direct adjustment; {@code reason} is the board's reason or null.
 */
@Revision("1")
public record SharesPerRightAdjusted(SeriesId seriesId, AdjustmentCause cause, Ratio ratio, LocalDate decisionDate,
                                     LocalDate appliesFrom, SharesPerRight before, SharesPerRight after,
                                     String reason) implements SeriesEvent {
    @Override
    public LocalDate effectiveDate() {
        return appliesFrom;
    }
}
