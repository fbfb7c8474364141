package io.sartracker.kernel.event;

import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.model.Yen;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * Rights were exercised (RULES.md 6). The capital figures: limit = amount paid in + book value of
 * the rights; capital stock = half the limit rounded up; capital reserve = the rest (6).
 * {@code bookValuePerRight} is the allotment amount per right; {@code allotmentAmountRecorded} says
 * whether one was recorded: while none is, the book value is 0 and the capital comes from the
 * amount paid in alone.
 */
@Revision("1")
public record RightsExercised(SeriesId seriesId, HolderId holderId, HolderId exercisedBy, LocalDate exerciseDate,
                              Rights rights, SharesPerRight sharesPerRight, long sharesDelivered,
                              Yen exercisePricePerShare, Yen amountPaidIn, Yen bookValuePerRight, Yen bookValue,
                              Yen capitalIncreaseLimit, Yen capitalStockIncrease, Yen capitalReserveIncrease,
                              boolean allotmentAmountRecorded)
        implements HoldingEvent {
    @Override
    public LocalDate effectiveDate() {
        return exerciseDate;
    }
}
