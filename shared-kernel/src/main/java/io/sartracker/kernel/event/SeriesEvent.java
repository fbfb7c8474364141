package io.sartracker.kernel.event;

import io.sartracker.kernel.model.SeriesId;

import java.time.LocalDate;

/**
 * Every event of a series names it and the business date on which the fact happened. The family is
 * sealed: a new event is a new record named here, and the projector's test that folds one of each
 * kernel event fails until the fold handles it.
 */
public sealed interface SeriesEvent permits HoldingEvent, SeriesIssued, AllotmentAmountDetermined,
        AllotmentAmountCorrected, SharesPerRightAdjusted, SeriesRestructured {
    SeriesId seriesId();

    LocalDate effectiveDate();
}
