package io.sartracker.command.valuation;

import io.sartracker.kernel.valuation.WeeklyClose;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Volatility from weekly closes: the close of the last trading day of each ISO week (Monday to
 * Sunday) in the look-back period, the sample standard deviation of the log returns between
 * consecutive weekly closes, annualised by sqrt(52). A week without a trading day contributes no
 * close, so the return simply spans it.
 */
public final class WeeklyVolatility {

    /** Two returns are the fewest a sample (n-1) standard deviation can be taken from. */
    static final int MIN_WEEKLY_PRICES = 3;

    private static final double WEEKS_PER_YEAR = 52;

    private WeeklyVolatility() {
    }

    /**
     * @param from first day of the look-back period, inclusive
     * @param to   last day of the look-back period, inclusive
     */
    public static VolatilityEstimate estimate(PriceHistory history, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new PriceHistoryException("look-back period starts " + from + ", after it ends " + to);
        }
        List<WeeklyClose> weekly = weeklyCloses(history, from, to);
        if (weekly.isEmpty()) {
            throw new PriceHistoryException("empty period: no trading day between " + from + " and " + to);
        }
        if (weekly.size() < MIN_WEEKLY_PRICES) {
            throw new PriceHistoryException("too few weeks: " + weekly.size() + " weekly price(s) giving "
                    + (weekly.size() - 1) + " return(s) between " + from + " and " + to + "; at least "
                    + MIN_WEEKLY_PRICES + " weekly prices (" + (MIN_WEEKLY_PRICES - 1)
                    + " returns) are needed for a sample standard deviation");
        }
        double[] returns = new double[weekly.size() - 1];
        for (int i = 1; i < weekly.size(); i++) {
            returns[i - 1] = Math.log(weekly.get(i).close().doubleValue() / weekly.get(i - 1).close().doubleValue());
        }
        return new VolatilityEstimate(
                sampleStandardDeviation(returns) * Math.sqrt(WEEKS_PER_YEAR),
                weekly.size(),
                weekly.get(0).date(),
                weekly.get(weekly.size() - 1).date(),
                weekly);
    }

    /** The last trading day of each week within [from, to], in date order. */
    private static List<WeeklyClose> weeklyCloses(PriceHistory history, LocalDate from, LocalDate to) {
        List<WeeklyClose> weekly = new ArrayList<>();
        LocalDate currentWeek = null;
        for (Map.Entry<LocalDate, BigDecimal> day : history.closes().subMap(from, true, to, true).entrySet()) {
            WeeklyClose close = new WeeklyClose(day.getKey(), day.getValue());
            LocalDate week = day.getKey().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            if (week.equals(currentWeek)) {
                // Days come in date order, so a later day of the same week replaces the earlier one.
                weekly.set(weekly.size() - 1, close);
            } else {
                weekly.add(close);
                currentWeek = week;
            }
        }
        return weekly;
    }

    /** Two-pass (mean first) to avoid the cancellation of the sum-of-squares shortcut. */
    private static double sampleStandardDeviation(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double sumOfSquares = 0;
        for (double v : values) {
            sumOfSquares += (v - mean) * (v - mean);
        }
        return Math.sqrt(sumOfSquares / (values.length - 1));
    }
}
