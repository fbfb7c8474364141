package io.sartracker.query.store;

import io.sartracker.kernel.command.AllotRights;
import io.sartracker.kernel.command.IssueSeries;
import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.Terms;
import io.sartracker.query.history.SeriesHistories;
import io.sartracker.query.history.StoredEvents;
import io.sartracker.query.register.SeriesRegister;
import io.sartracker.query.register.Views;
import io.sartracker.service.TrackerApplication;
import io.sartracker.service.TrackerTestSupport;
import io.sartracker.service.security.Recorder;
import io.sartracker.service.web.CommandSender;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While a rebuild writes its generation, the register projection stores a series' document once it has folded
 * the series' last event before the rebuild's head, not after every batch; and a document stored behind the
 * events its segment has passed (a node that died with documents only in memory) is caught up from the event
 * store before the next event. The service's own register processor is stopped; two projection instances play
 * the nodes, each batch a unit of work of several events, on a rebuild whose head lies ahead of the tokens (so
 * that the service does not switch to the generation under test); the context is closed after the class, whose
 * rebuild never ends.
 */
@SpringBootTest(classes = TrackerApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RebuildWritesTest {
    private static final String DEFERRED = "REBUILD-WRITES-1";
    private static final String CAUGHT_UP = "REBUILD-WRITES-2";
    private static final String KEPT_UNSTORED = "REBUILD-WRITES-3";
    private static final String NO_ROOM = "REBUILD-WRITES-4";
    private static final Recorder ADMIN = new Recorder("admin", "password");
    private static final LocalDate ALLOTMENT = LocalDate.of(2015, 7, 13);
    private static final List<String> HOLDERS = List.of("D01", "D02", "D03", "D04", "D05", "D06");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("rebuild-writes")::toString);
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
    StoredEvents storedEvents;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcTemplate jdbc;

    private int live;
    private int building;

    /** Four series folded live; then the processor stops and a rebuild of the register begins. */
    @BeforeAll
    void twoSeriesFoldedLiveThenARebuildBegun() {
        live = generations.active(RegisterStore.PROJECTION);
        for (String series : List.of(DEFERRED, CAUGHT_UP, KEPT_UNSTORED, NO_ROOM)) {
            sender.send(new IssueSeries(SeriesId.of(series), IssuerId.of("REBUILDCO"), Terms.fifthSeries()), ADMIN);
            HOLDERS.forEach(holder -> sender.send(new AllotRights(SeriesId.of(series), HolderId.of(holder),
                    Role.DIRECTOR, Rights.of(10), ALLOTMENT), ADMIN));
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> store.version(live, series), Optional.of(6L)::equals);
        }
        processing.eventProcessor(RegisterStore.PROJECTION, StreamingEventProcessor.class).orElseThrow().shutDown();
        long head = jdbc.queryForObject("select max(globalIndex) from DomainEventEntry", Long.class);
        building = generations.beginRebuild(RegisterStore.PROJECTION, Instant.parse("2026-11-28T00:00:00Z"),
                head + 1_000, RegisterStore.TABLES).orElseThrow();
    }

    @Test
    void aSeriesIsStoredWithTheBatchOfItsLastEventBeforeTheHeadWithEveryHoldingItsBatchesChanged() {
        RegisterProjection node = projection();
        handle(node, DEFERRED, 0, 3);
        assertThat(store.version(building, DEFERRED)).as("deferred: nobody reads the generation being built").isEmpty();
        handle(node, DEFERRED, 3, 5);
        assertThat(store.version(building, DEFERRED)).isEmpty();
        handle(node, DEFERRED, 5, 7);
        assertThat(store.version(building, DEFERRED)).contains(6L);
        assertTheSameRegisterAsLive(DEFERRED);

        // an event after the head (recorded while the rebuild runs) is stored with its batch
        RightsAllotted later = new RightsAllotted(SeriesId.of(DEFERRED), HolderId.of("D07"), Role.DIRECTOR,
                Rights.of(10), ALLOTMENT);
        DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(later)).execute(() -> node.on(later, 7));
        assertThat(store.version(building, DEFERRED)).contains(7L);
        assertThat(holdingRows(DEFERRED)).isEqualTo(HOLDERS.size() + 1);
    }

    @Test
    void aDocumentStoredBehindItsSegmentIsCaughtUpFromTheEventStoreBeforeTheNextEvent() {
        RegisterProjection dies = projection();
        handle(dies, CAUGHT_UP, 0, 3);
        handle(dies, CAUGHT_UP, 3, 5);
        assertThat(store.version(building, CAUGHT_UP)).as("the node dies with the series folded in memory only")
                .isEmpty();

        RegisterProjection takesOver = projection();
        handle(takesOver, CAUGHT_UP, 5, 6);
        assertThat(store.version(building, CAUGHT_UP)).as("read from the store, caught up and written").contains(5L);
        handle(takesOver, CAUGHT_UP, 6, 7);
        assertThat(store.version(building, CAUGHT_UP)).contains(6L);
        assertTheSameRegisterAsLive(CAUGHT_UP);
    }

    @Test
    void aSeriesThatFindsNoRoomAmongTheUnstoredDocumentsIsStoredWithItsBatchAndPushesNoneOut() {
        RegisterProjection node = new RegisterProjection(store, generations, histories, storedEvents, 1);
        handle(node, KEPT_UNSTORED, 0, 3);
        handle(node, NO_ROOM, 0, 3);
        assertThat(store.version(building, KEPT_UNSTORED)).as("the one document that may wait unstored").isEmpty();
        assertThat(store.version(building, NO_ROOM)).as("no room left: stored with its batch").contains(2L);

        // the series side by side: the unstored document stays in memory and stays unstored
        handle(node, KEPT_UNSTORED, 3, 5);
        handle(node, NO_ROOM, 3, 5);
        assertThat(store.version(building, KEPT_UNSTORED)).as("kept, not pushed out by the other series").isEmpty();
        assertThat(store.version(building, NO_ROOM)).contains(4L);

        handle(node, NO_ROOM, 5, 7);
        handle(node, KEPT_UNSTORED, 5, 7);
        assertTheSameRegisterAsLive(KEPT_UNSTORED);
        assertTheSameRegisterAsLive(NO_ROOM);
    }

    private RegisterProjection projection() {
        return new RegisterProjection(store, generations, histories, storedEvents, 8);
    }

    /** Events from..to-1 of the series as one batch (one unit of work). */
    private void handle(RegisterProjection projection, String series, int from, int to) {
        List<SeriesHistories.StoredEvent> batch = histories.of(series).subList(from, to);
        DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(batch.get(0).recorded().payload()))
                .execute(() -> batch.forEach(e -> projection.on(e.recorded().payload(), e.sequenceNumber())));
    }

    private void assertTheSameRegisterAsLive(String series) {
        SeriesRegister rebuilt = store.load(building, series).orElseThrow();
        SeriesRegister folded = store.load(live, series).orElseThrow();
        assertThat(Views.register(rebuilt, ALLOTMENT)).usingRecursiveComparison()
                .isEqualTo(Views.register(folded, ALLOTMENT));
        assertThat(holdingRows(series)).as("every holding's row, changed in any batch").isEqualTo(HOLDERS.size());
    }

    private int holdingRows(String series) {
        return jdbc.queryForObject("select count(*) from holding_view where generation = ? and series_id = ?",
                Integer.class, building, series);
    }
}
