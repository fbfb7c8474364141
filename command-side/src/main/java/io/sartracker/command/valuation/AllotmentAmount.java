package io.sartracker.command.valuation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The amount paid per right at allotment: C x shares per right, fractions of a yen rounded up. */
public final class AllotmentAmount {

    private AllotmentAmount() {
    }

    /**
     * Whole yen per right. The double is taken at its exact binary value (new BigDecimal(double)),
     * so the rounding is decided by the price as computed, not by a decimal rendering of it.
     */
    public static long perRight(double callPricePerShare, long sharesPerRight) {
        if (!Double.isFinite(callPricePerShare) || callPricePerShare < 0) {
            throw new ValuationInputException("callPricePerShare",
                    "must be a finite number >= 0, was " + callPricePerShare);
        }
        if (sharesPerRight <= 0) {
            throw new ValuationInputException("sharesPerRight", "must be > 0, was " + sharesPerRight);
        }
        return new BigDecimal(callPricePerShare)
                .multiply(BigDecimal.valueOf(sharesPerRight))
                .setScale(0, RoundingMode.CEILING)
                .longValueExact();
    }
}
