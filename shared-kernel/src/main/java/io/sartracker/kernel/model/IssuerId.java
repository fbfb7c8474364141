package io.sartracker.kernel.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies the issuing company. Office is held at the issuer, and splits apply issuer-wide. */
public record IssuerId(String value) {
    public IssuerId {
        value = Require.identifier(value, "issuerId");
    }

    @JsonCreator
    public static IssuerId of(String value) {
        return new IssuerId(value);
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
