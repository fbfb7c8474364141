package io.sartracker.kernel.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An opaque, issuer-scoped identifier of a person (for example an employee number). Names and
 * other personal data stay out of the events: the events carry only this identifier.
 */
public record HolderId(String value) {
    public HolderId {
        value = Require.identifier(value, "holderId");
    }

    @JsonCreator
    public static HolderId of(String value) {
        return new HolderId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
