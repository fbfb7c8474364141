package io.sartracker.kernel.valuation;

import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.model.Yen;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The allotment amount per right and everything it was computed from (12), so that anyone can
 * recompute it: C = S e^(-qT) N(d1) - X e^(-rT) N(d1 - sigma sqrt(T)), amount per right =
 * C x shares per right rounded up to the yen (RULES.md 8). The maths runs in double; only the yen
 * result is rounded.
 *
 * @param weeklyCloses the weekly closes the volatility was computed from; empty when it was given
 */
public record Valuation(
        String model,
        LocalDate valuationDate,
        BigDecimal spot,
        BigDecimal strike,
        BigDecimal years,
        BigDecimal riskFreeRate,
        BigDecimal dividendPerShare,
        double dividendYield,
        double volatility,
        VolatilitySource volatilitySource,
        LocalDate lookBackFrom,
        LocalDate lookBackTo,
        List<WeeklyClose> weeklyCloses,
        double d1,
        double optionPricePerShare,
        SharesPerRight sharesPerRight,
        Yen amountPerRight) {

    public static final String BLACK_SCHOLES_WITH_DIVIDEND_YIELD = "Black-Scholes, European call, continuous dividend yield";

    public enum VolatilitySource {
        GIVEN,
        WEEKLY_CLOSES
    }

    public Valuation {
        weeklyCloses = weeklyCloses == null ? List.of() : List.copyOf(weeklyCloses);
    }
}
