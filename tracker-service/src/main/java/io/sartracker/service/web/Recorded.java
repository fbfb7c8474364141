package io.sartracker.service.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sartracker.command.person.PersonAtIssuer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The answer to an accepted command: what it recorded, event by event, and in {@code detail}, as a problem
 * document does, what it did where a recorded fact says so (a death says it for each series: a death that
 * finds nothing left to inherit is accepted all the same); absent otherwise.
 */
public record Recorded(String command, List<RecordedEvent> events,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String detail) {

    public record RecordedEvent(String type, String seriesId, Long sequenceNumber, Object payload) {
    }

    static Recorded of(String command, List<EventMessage<?>> events) {
        String detail = events.stream().map(event -> (String) event.getMetaData().get(PersonAtIssuer.DETAIL_METADATA))
                .filter(Objects::nonNull).filter(sentence -> !sentence.isBlank()).collect(Collectors.joining(" "));
        return new Recorded(command, events.stream().map(Recorded::describe).toList(),
                detail.isEmpty() ? null : detail);
    }

    private static RecordedEvent describe(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domainEvent) {
            return new RecordedEvent(event.getPayloadType().getSimpleName(), domainEvent.getAggregateIdentifier(),
                    domainEvent.getSequenceNumber(), event.getPayload());
        }
        return new RecordedEvent(event.getPayloadType().getSimpleName(), null, null, event.getPayload());
    }
}
