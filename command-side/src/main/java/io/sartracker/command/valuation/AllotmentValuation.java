package io.sartracker.command.valuation;

import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.model.Yen;
import io.sartracker.kernel.valuation.Valuation;
import io.sartracker.kernel.valuation.ValuationInputs;
import io.sartracker.kernel.valuation.WeeklyClose;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The valuation of (12) from the administrator's inputs: the volatility from the weekly closes when
 * no sigma is given, the dividend yield from the dividend per share when no q is given, then the
 * Black-Scholes call price and the amount per right, rounded up to the yen (RULES.md 8).
 */
public final class AllotmentValuation {
    private AllotmentValuation() {
    }

    /**
     * @throws ValuationInputException when a figure is out of range
     * @throws PriceHistoryException   when the price history cannot give a volatility
     */
    public static Valuation value(LocalDate valuationDate, ValuationInputs inputs, BigDecimal strike,
                                  SharesPerRight sharesPerRight) {
        if (inputs.spot().signum() <= 0) {
            throw new ValuationInputException("spot", "must be > 0, was " + inputs.spot().toPlainString());
        }
        double dividendYield = inputs.dividendYield() != null
                ? inputs.dividendYield().doubleValue()
                : DividendYield.of(inputs.dividendPerShare(), inputs.spot());
        double volatility;
        Valuation.VolatilitySource source;
        LocalDate from = null;
        LocalDate to = null;
        List<WeeklyClose> weeklyCloses = List.of();
        if (inputs.volatility() != null) {
            volatility = inputs.volatility().doubleValue();
            source = Valuation.VolatilitySource.GIVEN;
        } else {
            ValuationInputs.PriceHistoryInput history = inputs.priceHistory();
            VolatilityEstimate estimate = WeeklyVolatility.estimate(PriceHistory.parse(history.csv()),
                    history.lookBackFrom(), history.lookBackTo());
            volatility = estimate.sigma();
            source = Valuation.VolatilitySource.WEEKLY_CLOSES;
            from = history.lookBackFrom();
            to = history.lookBackTo();
            weeklyCloses = estimate.weeklyCloses();
        }
        OptionInputs option = new OptionInputs(inputs.spot().doubleValue(), strike.doubleValue(), volatility,
                inputs.riskFreeRate().doubleValue(), dividendYield, inputs.years().doubleValue());
        double price = BlackScholes.call(option);
        return new Valuation(Valuation.BLACK_SCHOLES_WITH_DIVIDEND_YIELD, valuationDate, inputs.spot(), strike,
                inputs.years(), inputs.riskFreeRate(), inputs.dividendPerShare(), dividendYield, volatility, source,
                from, to, weeklyCloses, BlackScholes.d1(option), price, sharesPerRight,
                Yen.of(AllotmentAmount.perRight(price, sharesPerRight.shares())));
    }
}
