package io.sartracker.query.history;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectReader;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
import java.util.stream.Stream;

/**
 * Events read from the event store's table by this service's own queries, deserialized with the event store's
 * serializer and upcasters. Single events by their global index or identifier, for the audit trail's payloads
 * and for one person's holdings in a series, where reading the series' whole stream would read thousands of
 * events to use a few; and a series' stream from a sequence number on, for the as-of views ({@link #ofSeries}).
 */
public final class StoredEvents {
    private static final String COLUMNS = "globalIndex, type, aggregateIdentifier, sequenceNumber, eventIdentifier,"
            + " timeStamp, payloadType, payloadRevision, payload, metaData";
    /** Keys per query: a long list is read in parts. */
    private static final int KEYS_PER_QUERY = 500;
    /** Rows the driver fetches at a time when a series' stream is read whole. */
    private static final int STREAM_FETCH_SIZE = 1_000;

    private final JdbcTemplate jdbc;
    private final JacksonSerializer serializer;
    private final EventUpcaster upcasters;
    private final boolean withoutUpcasters;
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

    /** An event of a series' stream as the views fold it: its place in the stream, when it was recorded, its payload. */
    public record StreamedEvent(long sequenceNumber, Instant recordedAt, Object payload) {
    }

    private record Row(long globalIndex, GenericDomainEventEntry<byte[]> entry) {
    }

    private record LeanRow(long sequenceNumber, String timestamp, String payloadType, String payloadRevision,
                           byte[] payload) {
    }

    private static final RowMapper<LeanRow> LEAN_ROW = (rs, n) -> new LeanRow(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getBytes(5));

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong(1), new StoredEventEntry(
            rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getString(8), rs.getBytes(9), rs.getBytes(10)));

    public StoredEvents(JdbcTemplate jdbc, JacksonSerializer serializer, EventUpcaster upcasters) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.upcasters = upcasters;
        // Axon's chain hands back the very stream it is given when it holds no upcaster
        Stream<IntermediateEventRepresentation> probe = Stream.empty();
        this.withoutUpcasters = upcasters.upcast(probe) == probe;
    }

    /** Whether the service has no event upcaster, so that a series' stream is read by its payloads alone. */
    public boolean readsPayloadsAlone() {
        return withoutUpcasters;
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
     * parts on a pool of one thread a core.
     * <p>
     * While the service has no event upcaster (it has none today), only the columns a view folds are read and
     * the payloads are read without Axon's message around each, a part's through one parser: an event's metadata,
     * twice the size of its payload, and Axon's message were most of what a first read allocated (BENCHMARKS.md
     * change 57). With an upcaster each event is read whole and upcast as Axon reads it, in the stream's order, as an
     * upcaster may look at the events before and at an event's metadata.
     */
    public List<StreamedEvent> ofSeries(String seriesId, long fromSequenceNumber) {
        return withoutUpcasters ? leanRead(seriesId, fromSequenceNumber) : upcastRead(seriesId, fromSequenceNumber);
    }

    private List<StreamedEvent> leanRead(String seriesId, long fromSequenceNumber) {
        List<LeanRow> rows = stream("sequenceNumber, timeStamp, payloadType, payloadRevision, payload", seriesId,
                fromSequenceNumber, LEAN_ROW);
        StreamedEvent[] events = new StreamedEvent[rows.size()];
        inParts(seriesId, rows.size(), (from, to) -> {
            Object[] payloads = payloads(rows.subList(from, to));
            for (int i = from; i < to; i++) {
                LeanRow row = rows.get(i);
                events[i] = new StreamedEvent(row.sequenceNumber(), StoredTimestamp.parse(row.timestamp()),
                        payloads[i - from]);
            }
        });
        return Arrays.asList(events);
    }

    /**
     * The rows' payloads, read as the serializer reads each ({@link JacksonSerializer#deserialize}: none for the
     * empty type, Axon's unknown type for a class this version lacks) but through one parser over all of them, one
     * after another: a parser of its own for each payload was a fifth of what a first read allocated (BENCHMARKS.md,
     * change 61). From a payload that is not exactly one JSON value on, each is read alone, as the serializer reads
     * it (it reads the first value of a payload and ignores what follows; a broken one fails there).
     */
    private Object[] payloads(List<LeanRow> rows) {
        Object[] payloads = new Object[rows.size()];
        SimpleSerializedType[] types = new SimpleSerializedType[rows.size()];
        Class<?>[] classes = new Class<?>[rows.size()];
        int length = 0;
        for (int i = 0; i < rows.size(); i++) {
            LeanRow row = rows.get(i);
            types[i] = new SimpleSerializedType(row.payloadType(), row.payloadRevision());
            Class<?> payloadClass = SerializedType.emptyType().equals(types[i]) ? null : serializer.classForType(types[i]);
            if (payloadClass != null && UnknownSerializedType.class.isAssignableFrom(payloadClass)) {
                payloads[i] = new UnknownSerializedType(serializer,
                        new SimpleSerializedObject<>(row.payload(), byte[].class, types[i]));
            } else if (payloadClass != null) {
                classes[i] = payloadClass;
                length += row.payload().length + 1;
            }
        }
        byte[] joined = new byte[length];
        long[] ends = new long[rows.size()];
        int at = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (classes[i] != null) {
                byte[] payload = rows.get(i).payload();
                System.arraycopy(payload, 0, joined, at, payload.length);
                at += payload.length;
                ends[i] = at;
                joined[at++] = ' ';
            }
        }
        for (int i = readThroughOneParser(joined, ends, classes, payloads); i < rows.size(); i++) {
            if (classes[i] != null) {
                payloads[i] = serializer.deserialize(new SimpleSerializedObject<>(rows.get(i).payload(), byte[].class,
                        types[i]));
            }
        }
        return payloads;
    }

    /** Reads the joined payloads of these classes until one is not exactly its own bytes; answers where it stopped. */
    private int readThroughOneParser(byte[] joined, long[] ends, Class<?>[] classes, Object[] payloads) {
        Map<Class<?>, ObjectReader> readers = new HashMap<>();
        int i = 0;
        try (JsonParser parser = serializer.getObjectMapper().getFactory().createParser(joined)) {
            for (; i < classes.length; i++) {
                if (classes[i] == null) {
                    continue;
                }
                parser.nextToken();
                Object payload = readers.computeIfAbsent(classes[i], serializer.getObjectMapper()::readerFor)
                        .readValue(parser);
                if (parser.currentLocation().getByteOffset() != ends[i]) {
                    return i;
                }
                payloads[i] = payload;
            }
        } catch (IOException | RuntimeException notOneValue) {
            return i;
        }
        return i;
    }

    private List<StreamedEvent> upcastRead(String seriesId, long fromSequenceNumber) {
        List<Row> rows = stream(COLUMNS, seriesId, fromSequenceNumber, ROW);
        List<DomainEventMessage<?>> messages = EventStreamUtils.upcastAndDeserializeDomainEvents(
                rows.stream().map(Row::entry), serializer, upcasters).asStream().collect(Collectors.toList());
        StreamedEvent[] events = new StreamedEvent[messages.size()];
        inParts(seriesId, messages.size(), (from, to) -> {
            for (int i = from; i < to; i++) {
                DomainEventMessage<?> message = messages.get(i);
                events[i] = new StreamedEvent(message.getSequenceNumber(), message.getTimestamp(),
                        message.getPayload());
            }
        });
        return Arrays.asList(events);
    }

    /** The columns of a series' rows from a sequence number on, in the stream's order, by one query. */
    private <T> List<T> stream(String columns, String seriesId, long fromSequenceNumber, RowMapper<T> mapper) {
        return jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("select " + columns
                    + " from DomainEventEntry where aggregateIdentifier = ? and sequenceNumber >= ?"
                    + " order by sequenceNumber");
            statement.setString(1, seriesId);
            statement.setLong(2, fromSequenceNumber);
            statement.setFetchSize(STREAM_FETCH_SIZE);
            return statement;
        }, mapper);
    }

    /** Runs the work on each part of a read's events: beside the reading thread when there are more than 1,000. */
    private void inParts(String seriesId, int size, Part work) {
        int partSize = Math.max(STREAM_FETCH_SIZE, size / (2 * deserializers.getParallelism()) + 1);
        if (size <= partSize) {
            // the events recorded since a kept read, mostly: not worth a hand-over to the pool
            work.run(0, size);
            return;
        }
        List<Callable<Void>> parts = new ArrayList<>();
        for (int from = 0; from < size; from += partSize) {
            int start = from;
            int end = Math.min(size, from + partSize);
            parts.add(() -> {
                work.run(start, end);
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
    }

    @FunctionalInterface
    private interface Part {
        void run(int from, int to);
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
