package io.sartracker.query.history;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Single events read from the event store's table by their own global index or identifier, upcast and
 * deserialized as Axon reads a stream (the same serializer and upcasters). For the audit trail's payloads
 * and for one person's holdings in a series, where reading the series' whole stream would read thousands
 * of events to use a few.
 */
public final class StoredEvents {
    private static final String COLUMNS = "globalIndex, type, aggregateIdentifier, sequenceNumber, eventIdentifier,"
            + " timeStamp, payloadType, payloadRevision, payload, metaData";
    /** Keys per query: a long list is read in parts. */
    private static final int KEYS_PER_QUERY = 500;

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventUpcaster upcasters;

    /** An event with its own place in the whole store. */
    public record Stored(long globalIndex, DomainEventMessage<?> message) {
    }

    private record Row(long globalIndex, GenericDomainEventEntry<byte[]> entry) {
    }

    public StoredEvents(JdbcTemplate jdbc, Serializer serializer, EventUpcaster upcasters) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.upcasters = upcasters;
    }

    /** The events at these global indexes, in their global order. */
    public List<Stored> byGlobalIndex(Collection<Long> globalIndexes) {
        return read("globalIndex", List.copyOf(globalIndexes));
    }

    /** The events with these identifiers, by identifier (an identifier not in the store is left out). */
    public Map<String, DomainEventMessage<?>> byIdentifier(Collection<String> eventIds) {
        Map<String, DomainEventMessage<?>> found = new HashMap<>();
        read("eventIdentifier", List.copyOf(eventIds)).forEach(s -> found.put(s.message().getIdentifier(), s.message()));
        return found;
    }

    private List<Stored> read(String keyColumn, List<?> keys) {
        List<Row> rows = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
            List<?> part = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY));
            String marks = part.stream().map(key -> "?").collect(Collectors.joining(", "));
            rows.addAll(jdbc.query("select " + COLUMNS + " from DomainEventEntry where " + keyColumn + " in (" + marks
                    + ")", (rs, n) -> new Row(rs.getLong(1), new GenericDomainEventEntry<>(rs.getString(2),
                    rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7),
                    rs.getString(8), rs.getBytes(9), rs.getBytes(10))), part.toArray()));
        }
        rows.sort(Comparator.comparingLong(Row::globalIndex));
        // an upcaster keeps an event's identifier: it finds the event's place again
        Map<String, Long> places = new LinkedHashMap<>();
        rows.forEach(row -> places.put(row.entry().getEventIdentifier(), row.globalIndex()));
        List<Stored> events = new ArrayList<>(rows.size());
        EventStreamUtils.upcastAndDeserializeDomainEvents(rows.stream().map(Row::entry), serializer, upcasters)
                .asStream().forEach(message -> events.add(new Stored(places.get(message.getIdentifier()), message)));
        return events;
    }
}
