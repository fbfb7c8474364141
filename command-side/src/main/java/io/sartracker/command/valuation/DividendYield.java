package io.sartracker.command.valuation;

import java.math.BigDecimal;
import java.math.MathContext;

/** q = dividend per share / S. */
public final class DividendYield {

    private DividendYield() {
    }

    public static double of(BigDecimal dividendPerShare, BigDecimal spot) {
        if (dividendPerShare == null || dividendPerShare.signum() < 0) {
            throw new ValuationInputException("dividendPerShare", "must be >= 0, was " + dividendPerShare);
        }
        if (spot == null || spot.signum() <= 0) {
            throw new ValuationInputException("spot", "must be > 0, was " + spot);
        }
        // Divide in decimal so the only rounding is the final one to double.
        return dividendPerShare.divide(spot, MathContext.DECIMAL128).doubleValue();
    }
}
