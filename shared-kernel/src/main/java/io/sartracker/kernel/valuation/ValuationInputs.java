package io.sartracker.kernel.valuation;

import io.sartracker.kernel.model.Require;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The figures of (12) as an administrator gives them. Volatility is either given or computed from
 * a price history; the dividend yield is either given or the dividend per share divided by S.
 *
 * @param spot             S: the closing price on the valuation date, in yen
 * @param years            T: the expected remaining period (15 for the 5th series)
 * @param riskFreeRate     r, as a decimal fraction (0.01 for 1%); may be negative
 * @param dividendYield    q, or null to compute it from {@code dividendPerShare}
 * @param dividendPerShare the last fiscal year's dividend per share in yen, or null when q is given
 * @param volatility       sigma, or null to compute it from {@code priceHistory}
 * @param priceHistory     daily closes and the look-back period, or null when sigma is given
 */
public record ValuationInputs(BigDecimal spot, BigDecimal years, BigDecimal riskFreeRate, BigDecimal dividendYield,
                              BigDecimal dividendPerShare, BigDecimal volatility, PriceHistoryInput priceHistory) {

    /** Daily closing prices as CSV lines {@code date,close}, and the look-back period, both ends inclusive. */
    public record PriceHistoryInput(String csv, LocalDate lookBackFrom, LocalDate lookBackTo) {
        public PriceHistoryInput {
            csv = Require.text(csv, "priceHistory.csv");
            Require.date(lookBackFrom, "priceHistory.lookBackFrom");
            Require.date(lookBackTo, "priceHistory.lookBackTo");
            if (lookBackTo.isBefore(lookBackFrom)) {
                throw new IllegalArgumentException("priceHistory.lookBackTo " + lookBackTo
                        + " is before priceHistory.lookBackFrom " + lookBackFrom);
            }
        }
    }

    /** The largest price (spot, dividend) in yen that a valuation accepts. */
    public static final BigDecimal MAX_YEN = new BigDecimal("1000000000000");
    /** The longest expected remaining period T in years. */
    public static final BigDecimal MAX_YEARS = new BigDecimal("100");
    /** The largest volatility, 1000% a year. */
    public static final BigDecimal MAX_VOLATILITY = new BigDecimal("10");
    /** The largest rate or yield in absolute value, 100% a year. */
    public static final BigDecimal MAX_RATE = BigDecimal.ONE;

    public ValuationInputs {
        Require.present(spot, "spot");
        Require.present(years, "years");
        Require.present(riskFreeRate, "riskFreeRate");
        atMost(spot, MAX_YEN, "spot");
        atMost(years, MAX_YEARS, "years");
        atMost(riskFreeRate.abs(), MAX_RATE, "riskFreeRate (in absolute value)");
        atMost(dividendYield, MAX_RATE, "dividendYield");
        atMost(dividendPerShare, MAX_YEN, "dividendPerShare");
        atMost(volatility, MAX_VOLATILITY, "volatility");
        if ((dividendYield == null) == (dividendPerShare == null)) {
            throw new IllegalArgumentException("give either dividendYield or dividendPerShare");
        }
        if ((volatility == null) == (priceHistory == null)) {
            throw new IllegalArgumentException("give either volatility or priceHistory");
        }
    }

    /** Sign and zero are the valuation's to judge (with its own rule code); only the sane upper bound is checked here. */
    private static void atMost(BigDecimal value, BigDecimal limit, String name) {
        if (value != null && value.compareTo(limit) > 0) {
            throw new IllegalArgumentException(name + " must be at most " + limit.toPlainString() + ", was "
                    + (value.precision() - value.scale() > 30 ? value.toString() : value.toPlainString()));
        }
    }
}
