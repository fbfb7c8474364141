package io.sartracker.query.history;

import org.axonframework.eventhandling.GenericDomainEventEntry;

import java.time.Instant;

/**
 * A stored event as Axon's entry, whose time is read by {@link StoredTimestamp}: Axon's own entry parses the text
 * with a {@code DateTimeFormatter} each time it is asked, and an event processor asks twice for every event it reads.
 */
public final class StoredEventEntry extends GenericDomainEventEntry<byte[]> {
    private final String timestamp;

    public StoredEventEntry(String type, String aggregateId, long sequenceNumber, String eventId, String timestamp,
                            String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {
        super(type, aggregateId, sequenceNumber, eventId, timestamp, payloadType, payloadRevision, payload, metaData);
        this.timestamp = timestamp;
    }

    @Override
    public Instant getTimestamp() {
        return StoredTimestamp.parse(timestamp);
    }
}
