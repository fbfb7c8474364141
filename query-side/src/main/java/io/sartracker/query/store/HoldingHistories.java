package io.sartracker.query.store;

import io.sartracker.kernel.event.HoldingEvent;
import io.sartracker.kernel.event.SeriesEvent;
import io.sartracker.query.history.RecordedEvent;
import io.sartracker.query.history.SeriesHistories;
import io.sartracker.query.history.StoredEvents;
import org.axonframework.eventhandling.DomainEventMessage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an as-of or known-at view of one person folds in a series: the series' own events (of no holding)
 * and the events of the person's holdings (their own, and those whose facts name them as heir, as the one
 * who exercised or as the deceased heir), in their recorded order. A holding's life depends only on its own
 * events and the series' (reversals included), so the person's holdings fold as they do in the whole series;
 * on a long series a few dozen events instead of thousands.
 * <p>
 * The events are found by the audit trail's index and read from the event store by their global indexes;
 * the trail follows the store a moment behind, so the series' events after the last one it has are read
 * from the series' stream. (A series' events reach the trail in their order, so what it has of a series is
 * a beginning of its stream.) When one of those later events names the person in a holding not yet counted
 * as theirs, or the trail has nothing of the series yet, the series' whole stream is used.
 */
public final class HoldingHistories {
    private final AuditStore audit;
    private final ProjectionGenerations generations;
    private final StoredEvents storedEvents;
    private final SeriesHistories series;

    public HoldingHistories(AuditStore audit, ProjectionGenerations generations, StoredEvents storedEvents,
                            SeriesHistories series) {
        this.audit = audit;
        this.generations = generations;
        this.storedEvents = storedEvents;
        this.series = series;
    }

    /** The series' own events and those of the person's holdings, in recorded order. */
    public List<RecordedEvent> of(String seriesId, String personId) {
        int generation = generations.active(AuditStore.PROJECTION);
        Optional<Long> last = audit.lastOf(generation, seriesId);
        if (last.isEmpty()) {
            return wholeSeries(seriesId);
        }
        Set<String> holders = new LinkedHashSet<>();
        holders.add(personId);
        holders.addAll(audit.holdingsNaming(generation, seriesId, personId));
        Set<Long> chosen = new LinkedHashSet<>(audit.eventsOf(generation, seriesId, holders));
        Set<Long> read = new LinkedHashSet<>(chosen);
        read.add(last.get());
        List<RecordedEvent> events = new ArrayList<>();
        long lastSequenceNumber = -1;
        for (StoredEvents.Stored stored : storedEvents.byGlobalIndex(read)) {
            if (stored.globalIndex() == last.get()) {
                lastSequenceNumber = stored.message().getSequenceNumber();
            }
            if (chosen.contains(stored.globalIndex())) {
                events.add(recorded(stored.message()));
            }
        }
        if (lastSequenceNumber < 0) {
            return wholeSeries(seriesId);
        }
        for (StoredEvents.StreamedEvent streamed : storedEvents.ofSeries(seriesId, lastSequenceNumber + 1)) {
            if (!(streamed.payload() instanceof SeriesEvent event)) {
                continue;
            }
            if (event instanceof HoldingEvent holding && !holders.contains(holding.holderId().value())) {
                if (personId.equals(AuditProjection.personOf(event))) {
                    return wholeSeries(seriesId);
                }
                continue;
            }
            events.add(new RecordedEvent(event, streamed.recordedAt()));
        }
        return events;
    }

    private List<RecordedEvent> wholeSeries(String seriesId) {
        return series.of(seriesId).stream().map(SeriesHistories.StoredEvent::recorded).toList();
    }

    private static RecordedEvent recorded(DomainEventMessage<?> message) {
        return new RecordedEvent((SeriesEvent) message.getPayload(), message.getTimestamp());
    }
}
