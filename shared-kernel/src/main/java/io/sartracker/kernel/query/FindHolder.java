package io.sartracker.kernel.query;

import io.sartracker.kernel.model.HolderId;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Every holding of a person in every series: as of a business date ({@code asOf}), as the tracker
 * knew it at an instant ({@code knownAt}), or both; with neither, today from the stored projection.
 */
public record FindHolder(HolderId personId, LocalDate asOf, Instant knownAt) {
}
