package io.sartracker.service.config;

import io.sartracker.query.history.StoredEventEntry;
import io.sartracker.query.store.EventPositions;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Axon's JDBC storage engine that tells {@link EventPositions} where each event it streams lies, and whose events
 * read their stored time with
 * {@link io.sartracker.query.history.StoredTimestamp} ({@link StoredEventEntry}). Axon's entry parses the text with a
 * {@code DateTimeFormatter} whenever it is asked, and an event processor asks twice for every event it reads (the
 * tracking token's gap decision and the message's time): 8% of a rebuild's samples (BENCHMARKS.md, change 40).
 * The token is computed as Axon 4.13 computes it, from the same three settings, which this class fixes.
 */
final class StoredTimeStorageEngine extends JdbcEventStorageEngine {
    /** Axon's defaults, set here so that the token below is computed from the values the engine holds. */
    static final int MAX_GAP_OFFSET = 10_000;
    static final long LOWEST_GLOBAL_SEQUENCE = 1;
    static final int GAP_TIMEOUT_MILLIS = 60_000;

    private final EventPositions positions;

    StoredTimeStorageEngine(Builder builder, EventPositions positions) {
        super(builder.maxGapOffset(MAX_GAP_OFFSET).lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE)
                .gapTimeout(GAP_TIMEOUT_MILLIS));
        this.positions = positions;
    }

    /** As Axon's, with {@link StoredEventEntry} for its entry. */
    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        EventSchema schema = schema();
        long globalSequence = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        positions.read(eventIdentifier, globalSequence);
        StoredEventEntry event = entry(resultSet, schema,
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier, eventIdentifier);
        Instant gapTimeoutFrame = GenericEventMessage.clock.instant().minus(GAP_TIMEOUT_MILLIS, ChronoUnit.MILLIS);
        boolean allowGaps = event.getTimestamp().isAfter(gapTimeoutFrame);
        GapAwareTrackingToken token;
        if (previousToken == null) {
            token = GapAwareTrackingToken.newInstance(globalSequence, allowGaps
                    ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence).boxed()
                    .collect(Collectors.toCollection(TreeSet::new))
                    : Collections.emptySortedSet());
        } else {
            token = previousToken.advanceTo(globalSequence, allowGaps ? MAX_GAP_OFFSET : 0);
        }
        return new TrackedDomainEventData<>(token, event);
    }

    /** As Axon's (a series' or a person's stream), with {@link StoredEventEntry} for its entry. */
    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        EventSchema schema = schema();
        return entry(resultSet, schema, resultSet.getString(schema.aggregateIdentifierColumn()),
                resultSet.getString(schema.eventIdentifierColumn()));
    }

    private StoredEventEntry entry(ResultSet resultSet, EventSchema schema, String aggregateIdentifier,
                                   String eventIdentifier) throws SQLException {
        return new StoredEventEntry(resultSet.getString(schema.typeColumn()), aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()), eventIdentifier,
                resultSet.getString(schema.timestampColumn()), resultSet.getString(schema.payloadTypeColumn()),
                resultSet.getString(schema.payloadRevisionColumn()), readPayload(resultSet, schema.payloadColumn()),
                readPayload(resultSet, schema.metaDataColumn()));
    }
}
