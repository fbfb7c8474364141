package io.sartracker.kernel.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The Number of Shares Granted per right (3): whole shares, adjusted by splits and consolidations. */
public record SharesPerRight(long shares) {
    public SharesPerRight {
        Require.notNegative(shares, "sharesPerRight");
    }

    @JsonCreator
    public static SharesPerRight of(long shares) {
        return new SharesPerRight(shares);
    }

    @JsonValue
    @Override
    public long shares() {
        return shares;
    }

    /** floor(shares x ratio): fractions of a share are rounded down (3). */
    public SharesPerRight adjustedBy(Ratio ratio) {
        return new SharesPerRight(ratio.applyRoundingDown(shares));
    }

    /** Shares delivered for k rights, a whole number by construction (10). */
    public long sharesFor(Rights rights) {
        return Math.multiplyExact(shares, rights.count());
    }

    @Override
    public String toString() {
        return Long.toString(shares);
    }
}
