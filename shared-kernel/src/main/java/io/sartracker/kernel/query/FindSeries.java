package io.sartracker.kernel.query;

/** Every series the tracker holds, optionally of one issuer, with its headline figures today. */
public record FindSeries(String issuerId) {
}
