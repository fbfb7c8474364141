package io.sartracker.query.history;

import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The histories kept for the as-of views: a series read once is read again only from its next event, so an
 * event recorded since is there and the events read before are the same; what is read while a command is
 * handled (whose unit of work may roll back) is not kept, what a query reads is.
 */
class SeriesHistoriesTest {
    private static final String SERIES = "S-1";

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final SeriesHistories histories = new SeriesHistories(
            (seriesId, from) -> store.readEvents(seriesId, from).asStream().map(m -> new StoredEvents.StreamedEvent(
                    m.getSequenceNumber(), m.getTimestamp(), m.getPayload())).toList(), 1_000);

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void aSeriesReadBeforeIsReadOnFromItsNextEvent() {
        append(0, "H1");
        append(1, "H2");
        List<SeriesHistories.StoredEvent> first = histories.of(SERIES);
        assertThat(first).extracting(SeriesHistories.StoredEvent::sequenceNumber).containsExactly(0L, 1L);
        assertThat(histories.of(SERIES)).as("nothing new: the same list").isSameAs(first);

        append(2, "H3");
        List<SeriesHistories.StoredEvent> second = histories.of(SERIES);
        assertThat(second).extracting(e -> ((RightsAllotted) e.recorded().payload()).holderId().value())
                .containsExactly("H1", "H2", "H3");
        assertThat(second.get(0)).as("the events read before are kept, not read again").isSameAs(first.get(0));
        assertThat(histories.of("NO-SUCH-SERIES")).isEmpty();
    }

    @Test
    void whatIsReadWhileACommandIsHandledIsNotKept() {
        append(0, "H1");
        UnitOfWork<?> command = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("a command"));
        List<SeriesHistories.StoredEvent> duringCommand = histories.of(SERIES);
        command.rollback();
        assertThat(duringCommand).hasSize(1);
        List<SeriesHistories.StoredEvent> read = histories.of(SERIES);
        assertThat(read).as("read again, not what the command's unit of work saw").isNotSameAs(duringCommand);

        UnitOfWork<?> query = DefaultUnitOfWork.startAndGet(new GenericQueryMessage<>("a query", "q",
                ResponseTypes.instanceOf(String.class)));
        assertThat(histories.of(SERIES)).as("a query's reading is kept").isSameAs(read);
        query.commit();
    }

    private void append(long sequenceNumber, String holder) {
        store.publish(new GenericDomainEventMessage<>("StockAcquisitionRight", SERIES, sequenceNumber,
                new RightsAllotted(SeriesId.of(SERIES), HolderId.of(holder), Role.DIRECTOR, Rights.of(10),
                        LocalDate.of(2015, 7, 13))));
    }
}
