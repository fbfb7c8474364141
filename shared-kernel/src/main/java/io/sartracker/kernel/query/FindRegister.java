package io.sartracker.kernel.query;

import io.sartracker.kernel.model.SeriesId;

import java.time.Instant;
import java.time.LocalDate;

/** The register of a series, with the same choice of date and knowledge as {@link FindHolder}. */
public record FindRegister(SeriesId seriesId, LocalDate asOf, Instant knownAt) {
}
