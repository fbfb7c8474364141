package io.sartracker.query.history;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;
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
    /** Rows the driver fetches at a time when a series' stream is read whole. */
    private static final int STREAM_FETCH_SIZE = 1_000;

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventUpcaster upcasters;
    /**
     * Deserializes a stream's payloads beside the reading thread. Not the common pool: its threads have the system
     * class loader, which in the packaged jar sees no event class, and the serializer finds classes by the thread's.
     */
    private final ForkJoinPool deserializers = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), pool -> {
        ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        thread.setContextClassLoader(StoredEvents.class.getClassLoader());
        thread.setName("event-deserializer-" + thread.getPoolIndex());
        return thread;
    }, null, false);

    /** An event with its own place in the whole store. */
    public record Stored(long globalIndex, DomainEventMessage<?> message) {
    }

    private record Row(long globalIndex, GenericDomainEventEntry<byte[]> entry) {
    }

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong(1), new StoredEventEntry(
            rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getString(8), rs.getBytes(9), rs.getBytes(10)));

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

    /** The sequence number of the aggregate's last event at or before a global index; -1 when it has none. */
    public long lastSequenceNumber(String aggregateId, long upToGlobalIndex) {
        return jdbc.query("select sequenceNumber from DomainEventEntry where aggregateIdentifier = ?"
                        + " and globalIndex <= ? order by sequenceNumber desc fetch first 1 rows only",
                rs -> rs.next() ? rs.getLong(1) : -1L, aggregateId, upToGlobalIndex);
    }

    /**
     * A series' stream from a sequence number on, in its order, by one query, with every payload already
     * deserialized. Axon's own read of a stream asks for 100 rows a query and leaves each payload to be
     * deserialized on first use, one after another; a first as-of view of a long series (10,000 events) was
     * mostly that read, half of it deserializing. The payloads of more than 1,000 events are deserialized in
     * parts on a pool of one thread a core; upcasting stays in the stream's order, as an upcaster may look at
     * the events before.
     */
    public List<DomainEventMessage<?>> ofSeries(String seriesId, long fromSequenceNumber) {
        List<Row> rows = jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("select " + COLUMNS
                    + " from DomainEventEntry where aggregateIdentifier = ? and sequenceNumber >= ?"
                    + " order by sequenceNumber");
            statement.setString(1, seriesId);
            statement.setLong(2, fromSequenceNumber);
            statement.setFetchSize(STREAM_FETCH_SIZE);
            return statement;
        }, ROW);
        List<DomainEventMessage<?>> events = EventStreamUtils.upcastAndDeserializeDomainEvents(
                rows.stream().map(Row::entry), serializer, upcasters).asStream().collect(Collectors.toList());
        int partSize = Math.max(STREAM_FETCH_SIZE, events.size() / (2 * deserializers.getParallelism()) + 1);
        if (events.size() <= partSize) {
            // the events recorded since a kept read, mostly: not worth a hand-over to the pool
            deserialize(events);
            return events;
        }
        List<Callable<Void>> parts = new ArrayList<>();
        for (int from = 0; from < events.size(); from += partSize) {
            List<DomainEventMessage<?>> part = events.subList(from, Math.min(events.size(), from + partSize));
            parts.add(() -> {
                deserialize(part);
                return null;
            });
        }
        try {
            for (Future<Void> part : deserializers.invokeAll(parts)) {
                part.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the series " + seriesId, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("could not read the series " + seriesId, e.getCause());
        }
        return events;
    }

    private static void deserialize(List<DomainEventMessage<?>> events) {
        events.forEach(event -> {
            event.getPayload();
            event.getTimestamp();
        });
    }

    private List<Stored> read(String keyColumn, List<?> keys) {
        List<Row> rows = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
            List<?> part = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY));
            String marks = part.stream().map(key -> "?").collect(Collectors.joining(", "));
            rows.addAll(jdbc.query("select " + COLUMNS + " from DomainEventEntry where " + keyColumn + " in (" + marks
                    + ")", ROW, part.toArray()));
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
