package io.sartracker.kernel.query;

import java.time.LocalDate;

/** Windows open on a day (or starting the next day), optionally only those closing within N days. */
public record FindOpenWindows(LocalDate on, Integer closingWithinDays, int page, int size) {
}
