package io.sartracker.command.valuation;

/**
 * Black-Scholes inputs. Rates and yields are continuous annual rates, {@code years} is T.
 * The risk-free rate may be negative (as Japanese government bond yields have been).
 */
public record OptionInputs(
        double spot,
        double strike,
        double volatility,
        double riskFreeRate,
        double dividendYield,
        double years) {

    public OptionInputs {
        requirePositive("spot", spot);
        requirePositive("strike", strike);
        requirePositive("volatility", volatility);
        requireFinite("riskFreeRate", riskFreeRate);
        requireFinite("dividendYield", dividendYield);
        if (dividendYield < 0) {
            throw new ValuationInputException("dividendYield", "must be >= 0, was " + dividendYield);
        }
        requirePositive("years", years);
    }

    private static void requirePositive(String field, double value) {
        requireFinite(field, value);
        if (value <= 0) {
            throw new ValuationInputException(field, "must be > 0, was " + value);
        }
    }

    private static void requireFinite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new ValuationInputException(field, "must be a finite number, was " + value);
        }
    }
}
