package io.sartracker.service.web;

import io.sartracker.kernel.command.IssueSeries;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The answer to an accepted command, built the same way for the client and for the store of
 * Idempotency-Keys: {@code 201 Created} with the events recorded, {@code Location} of a new series,
 * and the series' new {@code ETag} when the command was on one series.
 */
@Component
public class CommandAnswers {
    private static final CommandTargetResolver TARGETS = AnnotationCommandTargetResolver.builder().build();

    private final EventStore eventStore;

    public CommandAnswers(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public ResponseEntity<Recorded> answer(Object command, List<EventMessage<?>> events) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.CREATED);
        Optional<String> series = targetSeries(command);
        if (command instanceof IssueSeries issue) {
            answer.location(URI.create("/series/" + issue.seriesId().value()));
        }
        series.flatMap(id -> versionAfter(id, events)).ifPresent(version -> answer.eTag(SeriesVersions.etag(version)));
        return answer.body(Recorded.of(command.getClass().getSimpleName(), events));
    }

    /** The series a command is sent to, if it is sent to one (issuer-wide commands are not). */
    static Optional<String> targetSeries(Object command) {
        try {
            return Optional.of(TARGETS.resolveTarget(GenericCommandMessage.asCommandMessage(command)).getIdentifier());
        } catch (IllegalArgumentException notOnOneSeries) {
            return Optional.empty();
        }
    }

    private Optional<Long> versionAfter(String seriesId, List<EventMessage<?>> events) {
        Optional<Long> recorded = events.stream()
                .filter(e -> e instanceof DomainEventMessage<?> d && d.getAggregateIdentifier().equals(seriesId))
                .map(e -> ((DomainEventMessage<?>) e).getSequenceNumber())
                .max(Long::compare);
        return recorded.isPresent() ? recorded : eventStore.lastSequenceNumberFor(seriesId);
    }
}
