package io.sartracker.command.series;

import io.sartracker.kernel.event.HoldingEvent;
import io.sartracker.kernel.lifecycle.HoldingLife;
import io.sartracker.kernel.lifecycle.HoldingLifecycle;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.SeriesId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Folds a holding from its series' events in the event store, from the first one (no snapshot): Axon's
 * store adds the events the current unit of work has applied but not yet committed.
 */
public final class EventStoreHoldingReplay implements HoldingReplay {
    private final EventStore eventStore;

    public EventStoreHoldingReplay(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public HoldingLife wholeLife(SeriesId seriesId, HolderId holderId) {
        HoldingLife life = null;
        DomainEventStream events = eventStore.readEvents(seriesId.value(), 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            // the type first: only the holding events are deserialized
            if (HoldingEvent.class.isAssignableFrom(event.getPayloadType())
                    && event.getPayload() instanceof HoldingEvent about && about.holderId().equals(holderId)) {
                life = HoldingLifecycle.evolve(life, about);
            }
        }
        return life;
    }
}
