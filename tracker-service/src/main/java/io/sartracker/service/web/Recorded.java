package io.sartracker.service.web;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

import java.util.List;

/** The answer to an accepted command: what it recorded, event by event. */
public record Recorded(String command, List<RecordedEvent> events) {

    public record RecordedEvent(String type, String seriesId, Long sequenceNumber, Object payload) {
    }

    static Recorded of(String command, List<EventMessage<?>> events) {
        return new Recorded(command, events.stream().map(Recorded::describe).toList());
    }

    private static RecordedEvent describe(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domainEvent) {
            return new RecordedEvent(event.getPayloadType().getSimpleName(), domainEvent.getAggregateIdentifier(),
                    domainEvent.getSequenceNumber(), event.getPayload());
        }
        return new RecordedEvent(event.getPayloadType().getSimpleName(), null, null, event.getPayload());
    }
}
