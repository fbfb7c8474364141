package io.sartracker.kernel.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whole yen. Money is never a floating-point number here. */
public record Yen(long amount) implements Comparable<Yen> {
    public static final Yen ZERO = new Yen(0);

    public Yen {
        Require.notNegative(amount, "yen");
    }

    @JsonCreator
    public static Yen of(long amount) {
        return new Yen(amount);
    }

    @JsonValue
    @Override
    public long amount() {
        return amount;
    }

    public Yen plus(Yen other) {
        return new Yen(Math.addExact(amount, other.amount));
    }

    public Yen minus(Yen other) {
        return new Yen(amount - other.amount);
    }

    public Yen times(long factor) {
        return new Yen(Math.multiplyExact(amount, factor));
    }

    /** Half, with a fraction of a yen rounded up: the capital stock share of (6)-1. */
    public Yen halfRoundedUp() {
        return new Yen(amount / 2 + amount % 2);
    }

    @Override
    public int compareTo(Yen other) {
        return Long.compare(amount, other.amount);
    }

    @Override
    public String toString() {
        return amount + " yen";
    }
}
