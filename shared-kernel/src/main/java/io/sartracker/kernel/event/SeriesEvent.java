package io.sartracker.kernel.event;

import io.sartracker.kernel.model.SeriesId;

import java.time.LocalDate;

/** Every event of a series names it and the business date on which the fact happened. */
public interface SeriesEvent {
    SeriesId seriesId();

    LocalDate effectiveDate();
}
