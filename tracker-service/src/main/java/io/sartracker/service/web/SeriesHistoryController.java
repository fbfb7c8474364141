package io.sartracker.service.web;

import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The recorded history of one series, straight from the event store, oldest first. */
@RestController
public class SeriesHistoryController {
    private final EventStore eventStore;

    public SeriesHistoryController(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public record HistoryEntry(long sequenceNumber, String type, Instant recordedAt, Map<String, ?> metadata,
                               Object payload) {
    }

    @GetMapping("/series/{seriesId}/events")
    public List<HistoryEntry> history(@PathVariable String seriesId) {
        List<HistoryEntry> history = eventStore.readEvents(seriesId, 0).asStream()
                .map(SeriesHistoryController::entry).toList();
        if (history.isEmpty()) {
            throw RuleViolation.of(RuleCode.UNKNOWN_SERIES, "No series " + seriesId + " is recorded.",
                    "seriesId", seriesId);
        }
        return history;
    }

    private static HistoryEntry entry(DomainEventMessage<?> event) {
        return new HistoryEntry(event.getSequenceNumber(), event.getPayloadType().getSimpleName(),
                event.getTimestamp(), event.getMetaData(), event.getPayload());
    }
}
