package io.sartracker.query.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.query.history.StoredEvents;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The as-of views read a series' stream by one query of their own ({@link StoredEvents#ofSeries}) instead of
 * Axon's reads of 100 rows: on each database, with and without an upcaster, it gives what Axon's own read of the
 * stream gives (sequence numbers, instants, payloads), only that series' events, from the sequence number asked;
 * with an upcaster every event passes through it whole (its metadata too) in the stream's order; a payload that
 * cannot be read fails it; without one, odd payloads read as the serializer reads each alone.
 */
class SeriesStreamReadTest {
    private static final int EVENTS = 1_500;

    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(
            Jackson2ObjectMapperBuilder.json().serializationInclusion(JsonInclude.Include.NON_NULL)
                    .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build()).build();
    /** The sequence numbers of the events the upcaster was shown, in the order shown. */
    private final List<Long> upcastInOrder = new CopyOnWriteArrayList<>();
    /** The metadata's user the upcaster was shown, by sequence number. */
    private final Map<Long, String> seenMetaData = new ConcurrentHashMap<>();

    @ParameterizedTest
    @ValueSource(strings = {MigratedDatabase.H2, MigratedDatabase.POSTGRESQL})
    void aSeriesStreamReadsAsAxonReadsIt(String database) {
        JdbcTemplate jdbc = MigratedDatabase.of(database);
        JdbcEventStorageEngine engine = appendTheSeries(jdbc);
        List<DomainEventMessage<?>> byAxon = List.copyOf(engine.readEvents("S1", 0).asStream().toList());

        for (StoredEvents stored : List.of(new StoredEvents(jdbc, serializer, new EventUpcasterChain()),
                new StoredEvents(jdbc, serializer, new ShowsTheOrder()))) {
            upcastInOrder.clear();
            seenMetaData.clear();
            List<StoredEvents.StreamedEvent> whole = stored.ofSeries("S1", 0);
            assertThat(whole).hasSize(EVENTS);
            assertThat(whole).extracting(StoredEvents.StreamedEvent::sequenceNumber)
                    .containsExactlyElementsOf(LongStream.range(0, EVENTS).boxed().toList());
            assertThat(whole).extracting(StoredEvents.StreamedEvent::recordedAt)
                    .containsExactlyElementsOf(byAxon.stream().map(DomainEventMessage::getTimestamp).toList());
            assertThat(whole.stream().map(StoredEvents.StreamedEvent::payload).toList())
                    .containsExactlyElementsOf(byAxon.stream().map(m -> (Object) m.getPayload()).toList());
            if (!stored.readsPayloadsAlone()) {
                assertThat(upcastInOrder).as("with an upcaster, every event upcast once, in the stream's order")
                        .containsExactlyElementsOf(LongStream.range(0, EVENTS).boxed().toList());
                assertThat(seenMetaData).as("with its metadata").containsEntry(1_234L, "alice-1234");
            }

            assertThat(stored.ofSeries("S1", 1_100)).extracting(e -> ((RightsAllotted) e.payload()).holderId().value())
                    .containsExactlyElementsOf(LongStream.range(1_100, EVENTS).mapToObj(i -> "H" + i).toList());
            assertThat(stored.ofSeries("S2", 0)).hasSize(EVENTS / 3)
                    .allSatisfy(e -> assertThat(((RightsAllotted) e.payload()).seriesId().value()).isEqualTo("S2"));
            assertThat(stored.ofSeries("S1", EVENTS)).isEmpty();
            assertThat(stored.ofSeries("NO-SUCH-SERIES", 0)).isEmpty();
        }
        assertThat(new StoredEvents(jdbc, serializer, new EventUpcasterChain()).readsPayloadsAlone())
                .as("without an upcaster only the payloads are read").isTrue();
        assertThat(new StoredEvents(jdbc, serializer, new EventUpcasterChain(new ShowsTheOrder())).readsPayloadsAlone())
                .as("an upcaster in the chain reads each event whole").isFalse();

        jdbc.update("update DomainEventEntry set payload = ? where aggregateIdentifier = 'S1' and sequenceNumber = 1400",
                "not json".getBytes(StandardCharsets.UTF_8));
        for (StoredEvents stored : List.of(new StoredEvents(jdbc, serializer, new EventUpcasterChain()),
                new StoredEvents(jdbc, serializer, new ShowsTheOrder()))) {
            assertThatThrownBy(() -> stored.ofSeries("S1", 0)).as("a payload that cannot be read fails the read")
                    .isInstanceOf(SerializationException.class);
        }
    }

    /**
     * Read without an upcaster, a part's payloads go through one parser; each still reads as the serializer reads it
     * alone: a class this version lacks as Axon's unknown type, the empty type as none, a payload with more after its
     * first value by that value, and the events after such a payload as before.
     */
    @ParameterizedTest
    @ValueSource(strings = {MigratedDatabase.H2, MigratedDatabase.POSTGRESQL})
    void oddPayloadsReadAsTheSerializerReadsEachAlone(String database) {
        JdbcTemplate jdbc = MigratedDatabase.of(database);
        appendTheSeries(jdbc);
        jdbc.update("update DomainEventEntry set payloadType = 'io.sartracker.kernel.event.RightsRepriced'"
                + " where aggregateIdentifier = 'S1' and sequenceNumber = 100");
        jdbc.update("update DomainEventEntry set payloadType = 'empty', payloadRevision = null"
                + " where aggregateIdentifier = 'S1' and sequenceNumber = 200");
        // after event 300's payload, another event's whole payload: read alone, the serializer reads the first
        String another = payloadOf(jdbc, 5);
        jdbc.update("update DomainEventEntry set payload = ? where aggregateIdentifier = 'S1' and sequenceNumber = 300",
                (payloadOf(jdbc, 300) + " " + another).getBytes(StandardCharsets.UTF_8));
        jdbc.update("update DomainEventEntry set payload = ? where aggregateIdentifier = 'S1' and sequenceNumber = 900",
                (payloadOf(jdbc, 900) + "\n").getBytes(StandardCharsets.UTF_8));
        List<Object> alone = jdbc.query("select payloadType, payloadRevision, payload from DomainEventEntry"
                        + " where aggregateIdentifier = 'S1' order by sequenceNumber",
                (row, n) -> serializer.deserialize(new SimpleSerializedObject<>(row.getBytes(3), byte[].class,
                        new SimpleSerializedType(row.getString(1), row.getString(2)))));

        StoredEvents stored = new StoredEvents(jdbc, serializer, new EventUpcasterChain());
        assertThat(stored.readsPayloadsAlone()).isTrue();
        List<Object> read = stored.ofSeries("S1", 0).stream().map(StoredEvents.StreamedEvent::payload).toList();
        assertThat(read).hasSize(EVENTS);
        assertThat(read.get(100)).isInstanceOf(UnknownSerializedType.class);
        assertThat(((UnknownSerializedType) read.get(100)).serializedType().getName())
                .isEqualTo("io.sartracker.kernel.event.RightsRepriced");
        assertThat(read.get(200)).isNull();
        assertThat(((RightsAllotted) read.get(300)).holderId().value()).isEqualTo("H300");
        for (int i = 0; i < EVENTS; i++) {
            if (i != 100) {
                assertThat(read.get(i)).as("event " + i).isEqualTo(alone.get(i)).isEqualTo(i == 200 ? null
                        : new RightsAllotted(SeriesId.of("S1"), HolderId.of("H" + i), Role.DIRECTOR, Rights.of(10 + i),
                        LocalDate.of(2015, 7, 13)));
            }
        }

        jdbc.update("update DomainEventEntry set payload = ? where aggregateIdentifier = 'S1' and sequenceNumber = 600",
                "{\"seriesId\":\"S1\",\"holderId\":".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> stored.ofSeries("S1", 0)).as("a payload cut short fails as it fails alone")
                .isInstanceOf(SerializationException.class);
    }

    private static String payloadOf(JdbcTemplate jdbc, long sequenceNumber) {
        return new String(jdbc.queryForObject("select payload from DomainEventEntry where aggregateIdentifier = 'S1'"
                + " and sequenceNumber = ?", byte[].class, sequenceNumber), StandardCharsets.UTF_8);
    }

    /** Series S1 with metadata on each event, and S2 between its events, appended as Axon appends them. */
    private JdbcEventStorageEngine appendTheSeries(JdbcTemplate jdbc) {
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(jdbc.getDataSource()))
                .transactionManager(NoTransactionManager.INSTANCE).eventSerializer(serializer)
                .snapshotSerializer(serializer).build();
        List<EventMessage<?>> appended = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            appended.add(allotted("S1", i, MetaData.with("user", "alice-" + i)));
            if (i % 3 == 0) {
                appended.add(allotted("S2", i / 3, MetaData.emptyInstance()));
            }
        }
        engine.appendEvents(appended);
        return engine;
    }

    private static DomainEventMessage<?> allotted(String series, long sequenceNumber, Map<String, ?> metaData) {
        return new GenericDomainEventMessage<>("StockAcquisitionRight", series, sequenceNumber,
                new RightsAllotted(SeriesId.of(series), HolderId.of("H" + sequenceNumber), Role.DIRECTOR,
                        Rights.of(10 + sequenceNumber), LocalDate.of(2015, 7, 13)), metaData);
    }

    /** An upcaster that changes nothing and notes the order it is shown the events in. */
    private final class ShowsTheOrder extends SingleEventUpcaster {
        @Override
        protected boolean canUpcast(IntermediateEventRepresentation event) {
            return event.getAggregateIdentifier().filter("S1"::equals).isPresent();
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
            long sequenceNumber = event.getSequenceNumber().orElseThrow();
            upcastInOrder.add(sequenceNumber);
            Object user = event.getMetaData().getObject().get("user");
            if (user != null) {
                seenMetaData.put(sequenceNumber, user.toString());
            }
            return event;
        }
    }
}
