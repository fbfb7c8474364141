package io.sartracker.query.store;

import io.sartracker.kernel.command.AllotRights;
import io.sartracker.kernel.command.IssueSeries;
import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.event.SeriesEvent;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.Terms;
import io.sartracker.query.history.SeriesHistories;
import io.sartracker.query.history.StoredEvents;
import io.sartracker.query.register.SeriesRegister;
import io.sartracker.service.TrackerApplication;
import io.sartracker.service.TrackerTestSupport;
import io.sartracker.service.security.Recorder;
import io.sartracker.service.web.CommandSender;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The register projection keeps folded documents between batches, and must not use one the store has moved
 * past: as when another node took the series' segment for a while and stored later events, or when a batch
 * that changed the kept document rolled back. A second projection instance plays the other node's part
 * beside the service's own, on the same tables.
 */
@SpringBootTest(classes = TrackerApplication.class)
class KeptRegistersTest {
    private static final String SERIES = "KEPT-1";
    private static final Recorder ADMIN = new Recorder("admin", "password");
    private static final LocalDate ALLOTMENT = LocalDate.of(2015, 7, 13);

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("kept-registers")::toString);
    }

    @Autowired
    CommandSender sender;
    @Autowired
    RegisterStore store;
    @Autowired
    ProjectionGenerations generations;
    @Autowired
    SeriesHistories histories;
    @Autowired
    StoredEvents events;

    @Test
    void aKeptDocumentIsSetAsideWhenTheStoredOneHasMovedOnOrItsBatchRolledBack() {
        sender.send(new IssueSeries(SeriesId.of(SERIES), IssuerId.of("KEPTCO"), Terms.fifthSeries()), ADMIN);
        allot("D01");
        awaitStoredVersion(1);

        // this instance folds the series' latest event again (skipped) and keeps the document at version 1
        RegisterProjection keeping = new RegisterProjection(store, generations, histories, events, 8);
        handle(keeping, allotted("D01"), 1);

        allot("D02");
        awaitStoredVersion(2);
        handle(keeping, allotted("D03"), 3);
        SeriesRegister stored = stored();
        assertThat(stored.version()).isEqualTo(3);
        assertThat(stored.holding("D02")).as("the event the service folded while the document was kept").isNotNull();
        assertThat(stored.holding("D03")).isNotNull();

        // a batch that changed the kept document rolls back: the next batch starts from the stored one
        SeriesEvent failing = allotted("D04");
        assertThat(DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(failing))
                .executeWithResult(() -> {
                    keeping.on(failing, 4);
                    throw new IllegalStateException("the batch fails after folding");
                }).exceptionResult()).isInstanceOf(IllegalStateException.class);
        handle(keeping, allotted("D05"), 4);
        assertThat(stored().holding("D04")).as("folded only by the batch that rolled back").isNull();
        assertThat(stored().holding("D05")).isNotNull();
        assertThat(stored().version()).isEqualTo(4);
    }

    private void allot(String holder) {
        sender.send(new AllotRights(SeriesId.of(SERIES), HolderId.of(holder), Role.DIRECTOR, Rights.of(10), ALLOTMENT),
                ADMIN);
    }

    private static RightsAllotted allotted(String holder) {
        return new RightsAllotted(SeriesId.of(SERIES), HolderId.of(holder), Role.DIRECTOR, Rights.of(10), ALLOTMENT);
    }

    private static void handle(RegisterProjection projection, SeriesEvent event, long sequenceNumber) {
        DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(event))
                .execute(() -> projection.on(event, sequenceNumber));
    }

    private SeriesRegister stored() {
        return store.load(generations.active(RegisterStore.PROJECTION), SERIES).orElseThrow();
    }

    private void awaitStoredVersion(long version) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                store.version(generations.active(RegisterStore.PROJECTION), SERIES), Optional.of(version)::equals);
    }
}
