package io.sartracker.kernel.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigInteger;

/**
 * An exact positive fraction, kept in lowest terms: a 3-for-2 split is 3/2, a 1-for-10
 * consolidation 1/10. Written and read as "numerator/denominator" (a whole number alone is n/1).
 */
public record Ratio(long numerator, long denominator) {
    public Ratio {
        Require.positive(numerator, "ratio numerator");
        Require.positive(denominator, "ratio denominator");
        long gcd = BigInteger.valueOf(numerator).gcd(BigInteger.valueOf(denominator)).longValueExact();
        numerator /= gcd;
        denominator /= gcd;
    }

    public static Ratio of(long numerator, long denominator) {
        return new Ratio(numerator, denominator);
    }

    @JsonCreator
    public static Ratio parse(String text) {
        String value = Require.text(text, "ratio");
        int slash = value.indexOf('/');
        try {
            if (slash < 0) {
                return new Ratio(Long.parseLong(value), 1);
            }
            return new Ratio(Long.parseLong(value.substring(0, slash).strip()),
                    Long.parseLong(value.substring(slash + 1).strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ratio must be written as n/d with whole numbers, was '" + text + "'");
        }
    }

    /** floor(value x ratio), computed exactly. */
    public long applyRoundingDown(long value) {
        return BigInteger.valueOf(value).multiply(BigInteger.valueOf(numerator))
                .divide(BigInteger.valueOf(denominator)).longValueExact();
    }

    public boolean isGreaterThanOne() {
        return numerator > denominator;
    }

    public boolean isLessThanOne() {
        return numerator < denominator;
    }

    @JsonValue
    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
