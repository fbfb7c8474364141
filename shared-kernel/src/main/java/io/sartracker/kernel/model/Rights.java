package io.sartracker.kernel.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A whole number of stock acquisition rights; never negative. */
public record Rights(long count) implements Comparable<Rights> {
    public static final Rights NONE = new Rights(0);

    public Rights {
        Require.notNegative(count, "rights");
    }

    @JsonCreator
    public static Rights of(long count) {
        return new Rights(count);
    }

    @JsonValue
    @Override
    public long count() {
        return count;
    }

    public Rights plus(Rights other) {
        return new Rights(Math.addExact(count, other.count));
    }

    public Rights minus(Rights other) {
        return new Rights(count - other.count);
    }

    public boolean isZero() {
        return count == 0;
    }

    public boolean exceeds(Rights other) {
        return count > other.count;
    }

    @Override
    public int compareTo(Rights other) {
        return Long.compare(count, other.count);
    }

    @Override
    public String toString() {
        return Long.toString(count);
    }
}
