package io.sartracker.command.valuation;

import java.time.LocalDate;

/**
 * An annualised volatility with what it was computed from: the number of weekly closes and the
 * dates of the first and last of them, so the estimate can be recomputed and checked later.
 */
public record VolatilityEstimate(double sigma, int weeklyPrices, LocalDate firstWeekClose, LocalDate lastWeekClose) {
}
