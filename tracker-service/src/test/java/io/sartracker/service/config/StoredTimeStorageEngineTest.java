package io.sartracker.service.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.query.store.EventPositions;
import io.sartracker.query.store.MigratedDatabase;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storage engine that reads each event's time without a formatter ({@link StoredTimeStorageEngine}) gives what
 * Axon's own engine gives over the same rows: the same tracking tokens (with the gaps a missing row leaves, kept for
 * an event younger than the gap timeout and not for an older one), the same events with the same times, and the same
 * stream of a series; and it tells {@link EventPositions} where each event it streamed lies.
 */
class StoredTimeStorageEngineTest {
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(
            Jackson2ObjectMapperBuilder.json().serializationInclusion(JsonInclude.Include.NON_NULL)
                    .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build()).build();

    @ParameterizedTest
    @ValueSource(strings = {MigratedDatabase.H2, MigratedDatabase.POSTGRESQL})
    void readsWhatAxonsEngineReads(String database) {
        JdbcTemplate jdbc = MigratedDatabase.of(database);
        EventStorageEngine axons = builder(jdbc).build();
        EventPositions positions = new EventPositions(100);
        EventStorageEngine ours = new StoredTimeStorageEngine(builder(jdbc), positions);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<DomainEventMessage<?>> appended = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // the first half older than the gap timeout of a minute, the second half recorded a moment ago
            Instant recorded = i < 30 ? now.minus(10, ChronoUnit.MINUTES).plusMillis(i * 7L) : now.minusMillis(60 - i);
            appended.add(allotted(i % 2 == 0 ? "S1" : "S2", i / 2, recorded));
        }
        ours.appendEvents(appended);
        // rows missing from the global order: gaps, among the old events and among the recent ones
        jdbc.update("delete from DomainEventEntry where eventIdentifier in (?, ?, ?, ?)", appended.get(0).getIdentifier(),
                appended.get(11).getIdentifier(), appended.get(40).getIdentifier(), appended.get(41).getIdentifier());

        List<String> byAxon = tracked(axons, null);
        List<String> byOurs = tracked(ours, null);
        assertThat(byOurs).hasSize(56).containsExactlyElementsOf(byAxon);
        assertThat(byOurs.get(50)).as("a recent event's token keeps the gaps before it").contains("gaps=[").doesNotContain("gaps=[]");
        List<TrackedEventMessage<?>> all = ours.readEvents(null, false).collect(Collectors.toList());
        assertThat(all.get(0).trackingToken().toString()).as("an old event's token keeps none").contains("gaps=[]");
        TrackingToken middle = all.get(35).trackingToken();
        assertThat(tracked(ours, middle)).hasSize(20).containsExactlyElementsOf(tracked(axons, middle));

        assertThat(positions.indexOf(appended.get(59).getIdentifier())).as("where the stream found each event")
                .isEqualTo(jdbc.queryForObject("select globalIndex from DomainEventEntry where eventIdentifier = ?",
                        Long.class, appended.get(59).getIdentifier()));
        assertThat(positions.indexOf(appended.get(40).getIdentifier())).as("an event not in the store").isNull();

        assertThat(stream(ours, "S2")).hasSize(28).containsExactlyElementsOf(stream(axons, "S2"));
        assertThat(ours.readEvents("S1").asStream().map(DomainEventMessage::getTimestamp).toList())
                .as("times to the millisecond, as stored").contains(appended.get(2).getTimestamp(), appended.get(58).getTimestamp());
    }

    private JdbcEventStorageEngine.Builder builder(JdbcTemplate jdbc) {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(jdbc.getDataSource()))
                .transactionManager(NoTransactionManager.INSTANCE).eventSerializer(serializer)
                .snapshotSerializer(serializer);
    }

    /** Each tracked event as token, identifier, time, series, sequence number and payload. */
    private static List<String> tracked(EventStorageEngine engine, TrackingToken from) {
        return engine.readEvents(from, false).map(e -> e.trackingToken() + " " + describe((DomainEventMessage<?>) e))
                .toList();
    }

    private static List<String> stream(EventStorageEngine engine, String series) {
        return engine.readEvents(series).asStream().map(StoredTimeStorageEngineTest::describe).toList();
    }

    private static String describe(DomainEventMessage<?> event) {
        return event.getIdentifier() + " " + event.getTimestamp() + " " + event.getAggregateIdentifier() + " "
                + event.getSequenceNumber() + " " + event.getPayload() + " " + event.getMetaData();
    }

    private static DomainEventMessage<?> allotted(String series, long sequenceNumber, Instant recorded) {
        return new GenericDomainEventMessage<>("StockAcquisitionRight", series, sequenceNumber,
                new GenericMessage<>(new RightsAllotted(SeriesId.of(series), HolderId.of("H" + sequenceNumber),
                        Role.DIRECTOR, Rights.of(10 + sequenceNumber), LocalDate.of(2015, 7, 13)),
                        MetaData.with("user", "u" + sequenceNumber)), recorded);
    }
}
