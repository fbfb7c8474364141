package io.sartracker.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sartracker.command.directory.SeriesDirectory;
import io.sartracker.command.issuer.IssuerCommandHandler;
import io.sartracker.command.person.PersonAtIssuer;
import io.sartracker.command.policy.BusinessDate;
import io.sartracker.command.series.EventStoreHoldingReplay;
import io.sartracker.command.series.SeriesEventStore;
import io.sartracker.command.series.StockAcquisitionRight;
import io.sartracker.command.series.StockAcquisitionRight.HoldingFigures;
import io.sartracker.kernel.command.ReverseLatestFact;
import io.sartracker.kernel.event.HolderLeftOffice;
import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.event.RightsExercised;
import io.sartracker.kernel.event.SeriesIssued;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.HoldingStatus;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.model.Terms;
import io.sartracker.kernel.model.Yen;
import io.sartracker.service.config.CompressedSnapshots;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A snapshot of a series holds its live state, not its history (issue 13): each holding keeps its latest
 * reversible fact, and a reversal that reaches further reads the holding's events again. Here a series of
 * 400 holders and 10,001 events (each holder allotted, leaving office, exercising 23 times) is snapshotted
 * with the service's JSON mapper, read back, and corrected three times in a row on one holding, each time
 * loaded from that snapshot and the events after it.
 */
class SeriesSnapshotTest {
    private static final SeriesId SERIES = SeriesId.of("LONG");
    private static final IssuerId ISSUER = IssuerId.of("IIJ");
    private static final LocalDate ALLOTTED = LocalDate.of(2015, 7, 13);
    private static final LocalDate DEPARTED = LocalDate.of(2020, 6, 30);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final int HOLDERS = 400;
    private static final int EXERCISES = 23;
    private static final HolderId FIRST = holder(0);

    private final List<DomainEventMessage<?>> recorded = new ArrayList<>();
    /** The service's mapper for events and snapshots, as application.yml configures it. */
    private final ObjectMapper mapper = Jackson2ObjectMapperBuilder.json()
            .serializationInclusion(JsonInclude.Include.NON_NULL).failOnUnknownProperties(false)
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();
    private JdbcDataSource database;
    /** Axon's JDBC store on an H2 database in memory, the service's schema: every read deserializes what was written. */
    private JdbcEventStorageEngine storage;
    private Configuration config;

    @BeforeEach
    void recordTheLongSeries() throws Exception {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        storage = JdbcEventStorageEngine.builder().connectionProvider(new DataSourceConnectionProvider(database))
                .transactionManager(NoTransactionManager.INSTANCE).eventSerializer(serializer)
                .snapshotSerializer(new CompressedSnapshots(serializer)).build();
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        Clock clock = Clock.fixed(TODAY.atTime(12, 0).atZone(BusinessDate.ISSUER_ZONE).toInstant(),
                BusinessDate.ISSUER_ZONE);
        Terms terms = Terms.fifthSeries();
        append(new SeriesIssued(SERIES, ISSUER, terms));
        for (int h = 0; h < HOLDERS; h++) {
            HolderId holder = holder(h);
            append(new RightsAllotted(SERIES, holder, Role.DIRECTOR, Rights.of(30), ALLOTTED));
            append(new HolderLeftOffice(SERIES, holder, DEPARTED, DepartureReason.RETIREMENT,
                    new ExerciseWindow(DEPARTED.plusDays(1), DEPARTED.plusDays(10)), DEPARTED.plusDays(11)));
            for (int e = 0; e < EXERCISES; e++) {
                append(exercised(holder, DEPARTED.plusDays(1 + e % 10)));
            }
        }
        storage.appendEvents(recorded);
        config = DefaultConfigurer.defaultConfiguration()
                .configureAggregate(StockAcquisitionRight.class)
                .configureAggregate(PersonAtIssuer.class)
                .configureEventStore(c -> new SeriesEventStore(EmbeddedEventStore.builder().storageEngine(storage)))
                .registerComponent(Clock.class, c -> clock)
                .registerCommandHandler(c -> new IssuerCommandHandler(c.repository(StockAcquisitionRight.class),
                        c.repository(PersonAtIssuer.class), new OneSeries(),
                        new EventStoreHoldingReplay(c.eventStore()), clock))
                .buildConfiguration();
        config.start();
    }

    @AfterEach
    void stop() {
        config.shutdown();
    }

    @Test
    void aSnapshotOfTenThousandEventsHoldsTheLiveStateUnder64KB() throws Exception {
        assertThat(recorded).hasSize(1 + HOLDERS * (2 + EXERCISES));
        storeSnapshotAsTheServiceReadsIt();
        byte[] stored = new JdbcTemplate(database).queryForObject(
                "select payload from SnapshotEventEntry where payloadRevision = '3'", byte[].class);

        assertThat(stored.length).as("bytes of the stored snapshot of a 10,001-event series").isLessThan(64 * 1024);
        byte[] json = CompressedSnapshots.plain(stored);
        assertThat(json.length).as("its JSON, before compression").isLessThan(320 * 1024);
        // every holding keeps only its latest exercise with the state before it; the 23 earlier facts of each
        // (the departure and 22 exercises) are counted, not kept
        assertThat(mapper.readTree(json).findValues("earlierLeftOut"))
                .hasSize(HOLDERS).allSatisfy(leftOut -> assertThat(leftOut.asInt()).isEqualTo(EXERCISES));
        assertThat(mapper.readTree(json).findValues("earlier"))
                .hasSize(HOLDERS).allSatisfy(kept -> assertThat(kept.size()).isEqualTo(1));
        StockAcquisitionRight readBack = (StockAcquisitionRight) config.eventStore().readEvents(SERIES.value())
                .peek().getPayload();
        StockAcquisitionRight fromEvents = loadFromFirstEvent();
        assertThat(readBack.holdingFigures()).as("the same figures as the series read from its events")
                .isEqualTo(fromEvents.holdingFigures());
        assertThat(readBack.totals()).isEqualTo(fromEvents.totals());
    }

    @Test
    void reversalsReachPastWhatTheSnapshotKept() {
        storeSnapshotAsTheServiceReadsIt();
        HoldingFigures before = figuresOf(FIRST);
        assertThat(before.exercised()).isEqualTo(Rights.of(EXERCISES));

        // the first reversal takes back the exercise the snapshot kept; the second and third need the states the
        // snapshot left out, read again from the events (the third also finds two reversals after the snapshot,
        // so the series is read from its first event)
        for (int reversed = 1; reversed <= 3; reversed++) {
            config.commandGateway().sendAndWait(new ReverseLatestFact(SERIES, FIRST, "recorded in error", TODAY));
            HoldingFigures after = figuresOf(FIRST);
            assertThat(after.exercised()).as("exercised after %d reversals", reversed)
                    .isEqualTo(Rights.of(EXERCISES - reversed));
            assertThat(after.held()).isEqualTo(Rights.of(30 - EXERCISES + reversed));
            assertThat(after.status()).isEqualTo(HoldingStatus.LEFT_OFFICE);
        }
        assertThat(figuresOf(holder(1))).as("the other holdings are untouched")
                .isEqualTo(load().holdingFigures().get(holder(1)));
        // what the series now reads from the snapshot and the reversals is what its whole stream folds to
        assertThat(load().holdingFigures()).isEqualTo(loadFromFirstEvent().holdingFigures());
    }

    @Test
    void oneReversalAfterTheSnapshotIsReadFromTheSnapshot() {
        storeSnapshotAsTheServiceReadsIt();
        config.commandGateway().sendAndWait(new ReverseLatestFact(SERIES, FIRST, "recorded in error", TODAY));

        DomainEventStream read = config.eventStore().readEvents(SERIES.value());
        assertThat(read.peek().getPayloadType()).as("starts from the snapshot").isEqualTo(StockAcquisitionRight.class);
        config.commandGateway().sendAndWait(new ReverseLatestFact(SERIES, holder(2), "recorded in error", TODAY));
        assertThat(config.eventStore().readEvents(SERIES.value()).peek().getPayloadType())
                .as("one reversal of each of two holdings: still from the snapshot")
                .isEqualTo(StockAcquisitionRight.class);
        config.commandGateway().sendAndWait(new ReverseLatestFact(SERIES, FIRST, "recorded in error", TODAY));
        assertThat(config.eventStore().readEvents(SERIES.value()).peek().getPayloadType())
                .as("two reversals of one holding: from the first event").isEqualTo(SeriesIssued.class);
    }

    /** A snapshot taken by Axon's snapshotter, as the service takes one after every 50 events. */
    private void storeSnapshotAsTheServiceReadsIt() {
        config.snapshotter().scheduleSnapshot(StockAcquisitionRight.class, SERIES.value());
        DomainEventMessage<?> snapshot = config.eventStore().readEvents(SERIES.value()).peek();
        assertThat(snapshot.getPayloadType()).isEqualTo(StockAcquisitionRight.class);
        assertThat(snapshot.getSequenceNumber()).isEqualTo(recorded.size() - 1);
    }

    private HoldingFigures figuresOf(HolderId holder) {
        return load().holdingFigures().get(holder);
    }

    private StockAcquisitionRight load() {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return config.repository(StockAcquisitionRight.class).load(SERIES.value()).invoke(s -> s);
        } finally {
            unitOfWork.rollback();
        }
    }

    private StockAcquisitionRight loadFromFirstEvent() {
        InMemoryEventStorageEngine copy = new InMemoryEventStorageEngine();
        List<DomainEventMessage<?>> all = new ArrayList<>();
        config.eventStore().readEvents(SERIES.value(), 0).forEachRemaining(all::add);
        copy.appendEvents(all);
        Configuration fresh = DefaultConfigurer.defaultConfiguration()
                .configureAggregate(StockAcquisitionRight.class)
                .configureEmbeddedEventStore(c -> copy)
                .buildConfiguration();
        fresh.start();
        try {
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            try {
                return fresh.repository(StockAcquisitionRight.class).load(SERIES.value()).invoke(s -> s);
            } finally {
                unitOfWork.rollback();
            }
        } finally {
            fresh.shutdown();
        }
    }

    private void append(Object event) {
        recorded.add(new GenericDomainEventMessage<>(StockAcquisitionRight.class.getSimpleName(), SERIES.value(),
                recorded.size(), event));
    }

    private static HolderId holder(int index) {
        return HolderId.of(String.format("D%04d", index));
    }

    /** One right at 1 yen per share, one share per right, with no allotment amount (book value 0). */
    private static RightsExercised exercised(HolderId holder, LocalDate date) {
        Yen paidIn = Yen.of(1);
        Yen stock = paidIn.halfRoundedUp();
        return new RightsExercised(SERIES, holder, holder, date, Rights.of(1), SharesPerRight.of(1), 1, Yen.of(1),
                paidIn, Yen.ZERO, Yen.ZERO, paidIn, stock, paidIn.minus(stock), false);
    }

    private static final class OneSeries implements SeriesDirectory {
        @Override
        public List<SeriesId> seriesOf(IssuerId issuerId) {
            return List.of(SERIES);
        }

        @Override
        public List<SeriesId> seriesOf(IssuerId issuerId, HolderId personId) {
            return List.of(SERIES);
        }

        @Override
        public List<SeriesId> allSeries() {
            return List.of(SERIES);
        }
    }
}
