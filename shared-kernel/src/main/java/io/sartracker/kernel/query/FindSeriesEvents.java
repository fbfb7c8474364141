package io.sartracker.kernel.query;

import io.sartracker.kernel.model.SeriesId;

/**
 * Every event of a series as known now, in recorded order, each with its sequence number in the series'
 * stream (the identity the audit trail and GET /series/{id}/events show), every reversed fact left out
 * together with its reversal: what a restated account of the series (the accounting journal) is built from.
 */
public record FindSeriesEvents(SeriesId seriesId) {
}
