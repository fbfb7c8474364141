package io.sartracker.command.valuation;

import org.apache.commons.statistics.distribution.NormalDistribution;

/** European option prices with a continuous dividend yield (Black-Scholes-Merton). */
public final class BlackScholes {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private BlackScholes() {
    }

    /** N(x), the standard normal distribution function. */
    public static double normalCdf(double x) {
        return STANDARD_NORMAL.cumulativeProbability(x);
    }

    /** d1 = (ln(S/X) + (r - q + sigma^2/2) T) / (sigma sqrt(T)). */
    public static double d1(OptionInputs in) {
        return (Math.log(in.spot() / in.strike())
                + (in.riskFreeRate() - in.dividendYield() + in.volatility() * in.volatility() / 2) * in.years())
                / (in.volatility() * Math.sqrt(in.years()));
    }

    /** C = S e^(-qT) N(d1) - X e^(-rT) N(d1 - sigma sqrt(T)). */
    public static double call(OptionInputs in) {
        double d1 = d1(in);
        double d2 = d1 - in.volatility() * Math.sqrt(in.years());
        return discountedSpot(in) * normalCdf(d1) - discountedStrike(in) * normalCdf(d2);
    }

    /** By put-call parity: P = C - S e^(-qT) + X e^(-rT). */
    public static double put(OptionInputs in) {
        return call(in) - discountedSpot(in) + discountedStrike(in);
    }

    private static double discountedSpot(OptionInputs in) {
        return in.spot() * Math.exp(-in.dividendYield() * in.years());
    }

    private static double discountedStrike(OptionInputs in) {
        return in.strike() * Math.exp(-in.riskFreeRate() * in.years());
    }
}
