package io.sartracker.query.store;

import java.time.Instant;

/** The reset context of a rebuild: when it began and the head of the store it has to reach. */
public record RebuildRequest(Instant startedAt, long headIndex) {
}
