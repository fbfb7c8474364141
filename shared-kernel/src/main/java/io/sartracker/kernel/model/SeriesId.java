package io.sartracker.kernel.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies one series of stock acquisition rights (one board issuance). */
public record SeriesId(String value) {
    public SeriesId {
        value = Require.identifier(value, "seriesId");
    }

    @JsonCreator
    public static SeriesId of(String value) {
        return new SeriesId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Axon uses toString() as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
