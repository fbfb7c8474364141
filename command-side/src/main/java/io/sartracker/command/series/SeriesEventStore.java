package io.sartracker.command.series;

import io.sartracker.kernel.event.FactReversed;
import io.sartracker.kernel.model.HolderId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Axon's embedded event store, with one rule for reading a series: a snapshot of a series keeps only
 * each holding's latest reversible facts ({@link Holding#REVERSIBLE_FACTS_IN_SNAPSHOT}), so when more
 * reversals of one holding were recorded after the snapshot than it kept facts for, the series is read
 * from its first event instead. That happens only after several corrections of one holding in a row;
 * every other read starts from the snapshot as before.
 */
public final class SeriesEventStore extends EmbeddedEventStore {

    public SeriesEventStore(Builder builder) {
        super(builder);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        DomainEventStream stream = super.readEvents(aggregateIdentifier);
        if (!stream.hasNext() || stream.peek().getPayloadType() != StockAcquisitionRight.class) {
            return stream;
        }
        List<DomainEventMessage<?>> fromSnapshot = new ArrayList<>();
        fromSnapshot.add(stream.next());
        Map<HolderId, Integer> reversals = new HashMap<>();
        boolean reachesPastSnapshot = false;
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            fromSnapshot.add(event);
            // only reversals are deserialized here; the repository deserializes the rest as it applies them
            if (event.getPayloadType() == FactReversed.class && reversals.merge(
                    ((FactReversed) event.getPayload()).holderId(), 1, Integer::sum)
                    > Holding.REVERSIBLE_FACTS_IN_SNAPSHOT) {
                reachesPastSnapshot = true;
            }
        }
        return reachesPastSnapshot ? readEvents(aggregateIdentifier, 0) : DomainEventStream.of(fromSnapshot);
    }
}
