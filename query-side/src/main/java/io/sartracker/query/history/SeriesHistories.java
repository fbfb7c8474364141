package io.sartracker.query.history;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.sartracker.kernel.event.SeriesEvent;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.ArrayList;
import java.util.List;

/**
 * Each series' recorded events for the as-of and known-at views, read from the store once and afterwards only
 * from the first sequence number not yet read: a series' stream only grows, so what was read stays true. Reading
 * and deserializing a long series' whole stream for every as-of query was most of such a query's time. Nothing
 * read while a command is being handled is kept: its unit of work may still roll back the events it appended,
 * which its own connection already sees. (A query's own transaction, which Axon's query bus opens, writes none.)
 * The stream is read by {@link StoredEvents#ofSeries} in the service: one query, payloads deserialized in parallel.
 */
public final class SeriesHistories {
    /** An event with its place in the series' stream. */
    public record StoredEvent(long sequenceNumber, RecordedEvent recorded) {
    }

    /** Reads a series' stream from a sequence number on, in its order ({@link StoredEvents#ofSeries}). */
    @FunctionalInterface
    public interface SeriesStream {
        List<StoredEvents.StreamedEvent> from(String seriesId, long sequenceNumber);
    }

    private record Read(List<StoredEvent> events, long nextSequenceNumber) {
    }

    private final SeriesStream stream;
    private final Cache<String, Read> read;

    /** @param keptEvents how many events, over all series, to keep deserialized in memory */
    public SeriesHistories(SeriesStream stream, long keptEvents) {
        this.stream = stream;
        this.read = Caffeine.newBuilder().maximumWeight(keptEvents)
                .weigher((String seriesId, Read events) -> Math.max(1, events.events().size())).build();
    }

    /** The series' events in their recorded order; none for a series never recorded. */
    public List<StoredEvent> of(String seriesId) {
        boolean duringCommand = CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().root().getMessage() instanceof CommandMessage;
        Read before = duringCommand ? null : read.getIfPresent(seriesId);
        long from = before == null ? 0 : before.nextSequenceNumber();
        List<StoredEvent> since = new ArrayList<>();
        long next = from;
        for (StoredEvents.StreamedEvent streamed : stream.from(seriesId, from)) {
            next = streamed.sequenceNumber() + 1;
            if (streamed.payload() instanceof SeriesEvent event) {
                since.add(new StoredEvent(streamed.sequenceNumber(), new RecordedEvent(event, streamed.recordedAt())));
            }
        }
        if (before != null && next == from) {
            return before.events();
        }
        List<StoredEvent> events = since;
        if (before != null) {
            events = new ArrayList<>(before.events().size() + since.size());
            events.addAll(before.events());
            events.addAll(since);
        }
        List<StoredEvent> all = List.copyOf(events);
        if (!duringCommand && !all.isEmpty()) {
            read.put(seriesId, new Read(all, next));
        }
        return all;
    }
}
