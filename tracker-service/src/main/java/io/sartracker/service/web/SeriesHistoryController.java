package io.sartracker.service.web;

import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import org.axonframework.eventhandling.DomainEventMessage;
import io.sartracker.kernel.model.Terms;
import io.sartracker.query.register.SeriesProjector;
import io.sartracker.query.register.SeriesRegister;
import io.sartracker.query.register.Views;
import io.sartracker.service.contract.ApiContract;
import io.sartracker.service.contract.Refusals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One series straight from the event store: its recorded history, oldest first, and what it is today.
 * Both answer the series' version as a strong ETag, for If-Match on the next command.
 */
@RestController
@Tag(name = ApiContract.VIEWS)
public class SeriesHistoryController {
    private final EventStore eventStore;
    private final Clock clock;

    public SeriesHistoryController(EventStore eventStore, Clock clock) {
        this.eventStore = eventStore;
        this.clock = clock;
    }

    public record HistoryEntry(long sequenceNumber, String type, Instant recordedAt, Map<String, ?> metadata,
                               Object payload) {
    }

    /** What a series is today, straight from its events: its terms, its figures and its version (ETag). */
    public record SeriesDetail(String seriesId, String issuerId, long version, String name, LocalDate on,
                               Terms terms, long allotted, long outstanding, long exercised, long lapsed,
                               long acquired, long sharesPerRightInForce, long allotmentAmountPerRight,
                               long sharesDelivered, long amountPaidIn, String replacedBy, int holders) {
    }

    /** The history, with the series' version as ETag: the sequence number of its last event. */
    @Operation(operationId = "seriesEvents", summary = "A series' recorded events, oldest first",
            description = "Straight from the event store, with each event's metadata (who recorded it, how they"
                    + " signed in, the request).")
    @ApiResponse(responseCode = "200", description = "The events", useReturnTypeSchema = true,
            headers = @Header(name = "ETag", description = "The series' version", schema = @Schema(type = "string")))
    @Refusals(RuleCode.UNKNOWN_SERIES)
    @GetMapping("/series/{seriesId}/events")
    public ResponseEntity<List<HistoryEntry>> history(@PathVariable String seriesId) {
        List<HistoryEntry> history = events(seriesId).stream().map(SeriesHistoryController::entry).toList();
        return ResponseEntity.ok().eTag(SeriesVersions.etag(history.get(history.size() - 1).sequenceNumber()))
                .body(history);
    }

    /** The series as a resource (POST /series answers with its Location), read from the event store. */
    @Operation(operationId = "series", summary = "A series today: its terms, figures and version",
            description = "Read from its events (POST /series answers with this Location).")
    @ApiResponse(responseCode = "200", description = "The series", useReturnTypeSchema = true,
            headers = @Header(name = "ETag", description = "The series' version, for If-Match",
                    schema = @Schema(type = "string")))
    @Refusals(RuleCode.UNKNOWN_SERIES)
    @GetMapping("/series/{seriesId}")
    public ResponseEntity<SeriesDetail> series(@PathVariable String seriesId) {
        List<DomainEventMessage<?>> events = events(seriesId);
        SeriesRegister register = SeriesProjector.fold(events.stream().map(DomainEventMessage::getPayload).toList());
        long version = events.get(events.size() - 1).getSequenceNumber();
        Views.RegisterView view = Views.register(register, LocalDate.now(clock));
        return ResponseEntity.ok().eTag(SeriesVersions.etag(version)).body(new SeriesDetail(view.seriesId(),
                view.issuerId(), version, view.terms().name(), view.on(), view.terms(), view.allotted(),
                view.outstanding(), view.exercised(), view.lapsed(), view.acquired(), view.sharesPerRightInForce(),
                view.allotmentAmountPerRight(), view.sharesDelivered(), view.amountPaidIn(), view.replacedBy(),
                view.holders().size()));
    }

    private List<DomainEventMessage<?>> events(String seriesId) {
        List<DomainEventMessage<?>> events = eventStore.readEvents(seriesId, 0).asStream()
                .<DomainEventMessage<?>>map(e -> e).toList();
        if (events.isEmpty()) {
            throw RuleViolation.of(RuleCode.UNKNOWN_SERIES, "No series " + seriesId + " is recorded.",
                    "seriesId", seriesId);
        }
        return events;
    }

    private static HistoryEntry entry(DomainEventMessage<?> event) {
        return new HistoryEntry(event.getSequenceNumber(), event.getPayloadType().getSimpleName(),
                event.getTimestamp(), event.getMetaData(), event.getPayload());
    }
}
