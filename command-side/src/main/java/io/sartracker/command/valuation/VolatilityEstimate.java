package io.sartracker.command.valuation;

import io.sartracker.kernel.valuation.WeeklyClose;

import java.time.LocalDate;
import java.util.List;

/**
 * An annualised volatility with what it was computed from: the weekly closes (their number, the
 * first and the last), so the estimate can be recomputed and checked later.
 */
public record VolatilityEstimate(double sigma, int weeklyPrices, LocalDate firstWeekClose, LocalDate lastWeekClose,
                                 List<WeeklyClose> weeklyCloses) {
    public VolatilityEstimate {
        weeklyCloses = List.copyOf(weeklyCloses);
    }
}
