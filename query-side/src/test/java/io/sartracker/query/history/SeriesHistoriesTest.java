package io.sartracker.query.history;

import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The histories kept for the as-of views: a series read once is read again only from its next event, so an
 * event recorded since is there and the events read before are the same; what is read inside a transaction
 * (which may roll back) is not kept.
 */
class SeriesHistoriesTest {
    private static final String SERIES = "S-1";

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final SeriesHistories histories = new SeriesHistories(store, 1_000);

    @AfterEach
    void shutDown() {
        TransactionSynchronizationManager.setActualTransactionActive(false);
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
    void whatIsReadInsideATransactionIsNotKept() {
        append(0, "H1");
        TransactionSynchronizationManager.setActualTransactionActive(true);
        List<SeriesHistories.StoredEvent> inside = histories.of(SERIES);
        assertThat(inside).hasSize(1);
        TransactionSynchronizationManager.setActualTransactionActive(false);
        assertThat(histories.of(SERIES)).as("read again, not the transaction's").isNotSameAs(inside).hasSize(1);
    }

    private void append(long sequenceNumber, String holder) {
        store.publish(new GenericDomainEventMessage<>("StockAcquisitionRight", SERIES, sequenceNumber,
                new RightsAllotted(SeriesId.of(SERIES), HolderId.of(holder), Role.DIRECTOR, Rights.of(10),
                        LocalDate.of(2015, 7, 13))));
    }
}
