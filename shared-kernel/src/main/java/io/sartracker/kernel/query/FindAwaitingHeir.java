package io.sartracker.kernel.query;

import java.time.LocalDate;

/** Holdings awaiting an heir on a day (today when {@code on} is null), longest waiting first, paged. */
public record FindAwaitingHeir(LocalDate on, int page, int size) {
}
