package io.sartracker.kernel.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Holdings awaiting an heir on a day (today when {@code on} is null), longest waiting first, paged; as the
 * tracker knew them at an instant when {@code knownAt} is given (the day then defaults to that instant's).
 */
public record FindAwaitingHeir(LocalDate on, int page, int size, Instant knownAt) {
    /** As known now. */
    public FindAwaitingHeir(LocalDate on, int page, int size) {
        this(on, page, size, null);
    }
}
