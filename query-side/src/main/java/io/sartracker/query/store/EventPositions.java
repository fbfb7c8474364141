package io.sartracker.query.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Where in the store the events read lately by the projections' streams lie: each event's own global index, by
 * its identifier, as the event store read it from the event's row. The audit trail writes that index into every
 * row; without this it looked each batch's indexes up again by identifier, a fifth of its work in a rebuild on H2
 * (BENCHMARKS.md, change 65). A tracking token cannot tell it: its position is the highest index seen, which for
 * an event that filled a gap is a later event's.
 * <p>
 * Holds the latest {@code capacity} events read; an event not held (read by another node, or pushed out) is
 * looked up in the store as before. An index never changes once its event is stored, so what is held is never
 * stale.
 */
public final class EventPositions {
    private final Map<String, Long> indexes = new ConcurrentHashMap<>();
    private final AtomicReferenceArray<String> order;
    private final AtomicLong read = new AtomicLong();

    public EventPositions(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.order = new AtomicReferenceArray<>(capacity);
    }

    /** The event store read this event at this global index. */
    public void read(String eventIdentifier, long globalIndex) {
        if (indexes.put(eventIdentifier, globalIndex) != null) {
            return; // read again (by another processor's stream): it keeps its place in the order
        }
        String pushedOut = order.getAndSet((int) (read.getAndIncrement() % order.length()), eventIdentifier);
        if (pushedOut != null) {
            indexes.remove(pushedOut);
        }
    }

    /** The event's global index, or null when it was not read lately. */
    public Long indexOf(String eventIdentifier) {
        return indexes.get(eventIdentifier);
    }
}
