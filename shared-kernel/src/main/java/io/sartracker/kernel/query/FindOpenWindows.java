package io.sartracker.kernel.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Windows open on a day (or starting the next day), optionally only those closing within N days; as the
 * tracker knew them at an instant when {@code knownAt} is given (the day then defaults to that instant's).
 */
public record FindOpenWindows(LocalDate on, Integer closingWithinDays, int page, int size, Instant knownAt) {
    /** As known now. */
    public FindOpenWindows(LocalDate on, Integer closingWithinDays, int page, int size) {
        this(on, closingWithinDays, page, size, null);
    }
}
