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
            Require.present(lookBackFrom, "priceHistory.lookBackFrom");
            Require.present(lookBackTo, "priceHistory.lookBackTo");
        }
    }

    public ValuationInputs {
        Require.present(spot, "spot");
        Require.present(years, "years");
        Require.present(riskFreeRate, "riskFreeRate");
        if ((dividendYield == null) == (dividendPerShare == null)) {
            throw new IllegalArgumentException("give either dividendYield or dividendPerShare");
        }
        if ((volatility == null) == (priceHistory == null)) {
            throw new IllegalArgumentException("give either volatility or priceHistory");
        }
    }
}
