package io.sartracker.query.history;

import io.sartracker.kernel.event.SeriesEvent;

import java.time.Instant;
import java.time.LocalDate;

/** An event as the store holds it: its payload and the instant it was recorded. */
public record RecordedEvent(SeriesEvent payload, Instant recordedAt) {
    public LocalDate effectiveDate() {
        return payload.effectiveDate();
    }
}
