package io.sartracker.kernel.query;

import java.time.Instant;
import java.time.LocalDate;

/** The audit trail, filtered (null = any) and paged, in recording order or, with {@code newestFirst}, the reverse. */
public record FindAuditTrail(String seriesId, String holderId, LocalDate effectiveFrom, LocalDate effectiveTo,
                             Instant recordedFrom, Instant recordedTo, boolean newestFirst, int page,
                             int size) {
}
