package io.sartracker.query.store;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.sartracker.query.history.StoredEvents;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The audit trail: one row per event, keyed by the event's own identifier and ordered by its own
 * global index (never a tracking token's position, which for an event committed after a later one
 * names the highest index seen), filterable by series, person and dates.
 */
public class AuditStore {
    public static final String PROJECTION = "audit";
    public static final List<ProjectionTable> TABLES = List.of(ProjectionTable.of("audit_entry", "event_id"));

    private final JdbcTemplate jdbc;
    private final StoredEvents events;
    private final EventPositions positions;
    /** Whether the database looks row values up in the key (H2); PostgreSQL is given arrays instead. */
    private final boolean rowValuesByKey;

    /**
     * @param events    the event store, from which an entry's payload is read (the trail keeps no copy)
     * @param positions the global indexes of the events the store read lately, looked up in the store otherwise
     */
    public AuditStore(JdbcTemplate jdbc, StoredEvents events, EventPositions positions) {
        this.jdbc = jdbc;
        this.events = events;
        this.positions = positions;
        this.rowValuesByKey = RowValues.lookedUpInTheKey(jdbc);
    }

    public record AuditEntry(long globalIndex, String eventId, String seriesId, String holderId, String personId, String eventType,
                             LocalDate effectiveDate, Instant recordedAt, String recordedBy, String signedInBy,
                             String requestId, String command, String correlationId, @JsonRawValue String payload) {

        /**
         * An entry to write, whose text fits its columns (one that does not is refused here, before its batch is
         * written); its global index is found when it is written.
         */
        static AuditEntry checked(String eventId, String seriesId, String holderId, String personId,
                                  String eventType, LocalDate effectiveDate, Instant recordedAt, String recordedBy,
                                  String signedInBy, String requestId, String command, String correlationId) {
            fits("event_id", eventId, 255);
            fits("series_id", seriesId, 255);
            fits("holder_id", holderId, 255);
            fits("person_id", personId, 255);
            fits("event_type", eventType, 128);
            fits("recorded_by", recordedBy, 255);
            fits("signed_in_by", signedInBy, 32);
            fits("request_id", requestId, 64);
            fits("command", command, 128);
            fits("correlation_id", correlationId, 255);
            return new AuditEntry(0, eventId, seriesId, holderId, personId, eventType, effectiveDate,
                    recordedAt, recordedBy, signedInBy, requestId, command, correlationId, null);
        }

        AuditEntry withPayload(String json) {
            return new AuditEntry(globalIndex, eventId, seriesId, holderId, personId, eventType, effectiveDate,
                    recordedAt, recordedBy, signedInBy, requestId, command, correlationId, json);
        }

        /** The entry as a reader who may not see payloads gets it: who recorded what and when, without the fact's figures. */
        public AuditEntry withoutPayload() {
            return withPayload(null);
        }

        private static void fits(String column, String value, int length) {
            if (value != null && value.length() > length) {
                throw new IllegalArgumentException("audit column " + column + " holds " + length
                        + " characters; the event's value has " + value.length());
            }
        }
    }

    /** Filters; null means "any". Dates are business (effective) dates, both ends inclusive. */
    public record AuditFilter(String seriesId, String holderId, LocalDate from, LocalDate to, Instant recordedFrom,
                              Instant recordedTo) {
    }

    /**
     * Inserts the entries not already there (a replayed batch finds its rows and skips them), each with its event's
     * own global index, looked up in the event store by the event's identifier. An event not in the store fails
     * the batch.
     */
    void insertIfAbsent(int generation, List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        if (rowValuesByKey) {
            insertLookingUp(generation, entries);
        } else {
            insertByArrays(generation, entries);
        }
    }

    /**
     * PostgreSQL: the batch as one statement of one array a column, which finds each event's global index by a
     * join and skips the rows already there by the key. As a JDBC batch of one insert a row, with the two look-ups
     * before it, the statements took 4.5 s of the server's 9.6 s in a rebuild of 75,000 events (BENCHMARKS.md).
     */
    private void insertByArrays(int generation, List<AuditEntry> entries) {
        List<Function<AuditEntry, Object>> columns = List.of(AuditEntry::eventId, AuditEntry::seriesId,
                AuditEntry::holderId, AuditEntry::personId, AuditEntry::eventType,
                e -> ColumnArrays.text(e.effectiveDate()),
                // the local time a timestamp parameter is sent as, as the JDBC batch of H2's path sends it
                e -> Timestamp.from(e.recordedAt()).toString(),
                AuditEntry::recordedBy, AuditEntry::signedInBy, AuditEntry::requestId, AuditEntry::command,
                AuditEntry::correlationId);
        ColumnArrays.write(jdbc, "insert into audit_entry (generation,"
                + " event_id, global_index, series_id, holder_id, person_id, event_type, effective_date,"
                + " recorded_at, recorded_by, signed_in_by, request_id, command, correlation_id)"
                + " select ?, v.event_id, e.globalIndex, v.series_id, v.holder_id, v.person_id, v.event_type,"
                + " cast(v.effective_date as date), cast(v.recorded_at as timestamp), v.recorded_by,"
                + " v.signed_in_by, v.request_id, v.command, v.correlation_id"
                + " from " + ColumnArrays.unnest(12) + " as v(event_id, series_id, holder_id, person_id,"
                + " event_type, effective_date, recorded_at, recorded_by, signed_in_by, request_id, command,"
                + " correlation_id) left join DomainEventEntry e on e.eventIdentifier = v.event_id"
                + " on conflict (generation, event_id) do nothing", List.of(generation), entries, columns);
    }

    /** H2: the global indexes by one query, the rows already there by another, then a JDBC batch of the others. */
    private void insertLookingUp(int generation, List<AuditEntry> entries) {
        List<String> eventIds = entries.stream().map(AuditEntry::eventId).toList();
        Map<String, Long> indexes = globalIndexes(eventIds);
        Set<String> present = presentEventIds(generation, eventIds);
        jdbc.batchUpdate("insert into audit_entry (generation, event_id, global_index, series_id, holder_id, person_id,"
                        + " event_type, effective_date, recorded_at, recorded_by, signed_in_by, request_id, command,"
                        + " correlation_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entries.stream().filter(e -> present.add(e.eventId()))
                        .map(e -> new Object[]{generation, e.eventId(), Optional.ofNullable(indexes.get(e.eventId()))
                                .orElseThrow(() -> new IllegalStateException(
                                        "event " + e.eventId() + " is not in the event store")),
                                e.seriesId(), e.holderId(), e.personId(),
                                e.eventType(), e.effectiveDate() == null ? null : Date.valueOf(e.effectiveDate()),
                                Timestamp.from(e.recordedAt()), e.recordedBy(), e.signedInBy(), e.requestId(),
                                e.command(), e.correlationId()})
                        .toList());
    }

    /**
     * The global index of each stored event, by event identifier: the event's own place in the store, as the store
     * read it lately ({@link EventPositions}) or else looked up in it.
     */
    private Map<String, Long> globalIndexes(Collection<String> eventIds) {
        Map<String, Long> indexes = new HashMap<>();
        List<String> notRead = new ArrayList<>();
        for (String eventId : eventIds) {
            Long index = positions.indexOf(eventId);
            if (index != null) {
                indexes.put(eventId, index);
            } else {
                notRead.add(eventId);
            }
        }
        if (!notRead.isEmpty()) {
            String marks = notRead.stream().map(id -> "?").collect(Collectors.joining(", "));
            jdbc.query("select eventIdentifier, globalIndex from DomainEventEntry where eventIdentifier in (" + marks
                    + ")", rs -> {
                        indexes.put(rs.getString(1), rs.getLong(2));
                    }, notRead.toArray());
        }
        return indexes;
    }

    /**
     * Which of the events already have a row of the generation, looked up in the primary key by row values of the
     * whole key: "generation = ? and event_id in (...)" made H2 read every row of the generation, half a rebuild's
     * time.
     */
    private Set<String> presentEventIds(int generation, List<String> eventIds) {
        List<Object> args = new ArrayList<>();
        eventIds.forEach(id -> {
            args.add(generation);
            args.add(id);
        });
        return new HashSet<>(jdbc.queryForList("select event_id from audit_entry where (generation, event_id) in ("
                + RowValues.placeholders(eventIds.size(), 2) + ")", String.class, args.toArray()));
    }

    public List<AuditEntry> find(int generation, AuditFilter filter, boolean newestFirst, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = where(generation, filter, args);
        args.add(size);
        args.add((long) page * size);
        List<AuditEntry> entries = jdbc.query("select global_index, event_id, series_id, holder_id, person_id,"
                        + " event_type, effective_date, recorded_at, recorded_by, signed_in_by, request_id, command,"
                        + " correlation_id from audit_entry" + where
                        + " order by global_index" + (newestFirst ? " desc" : "") + " limit ? offset ?",
                (rs, n) -> new AuditEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(),
                        rs.getTimestamp(8).toInstant(), rs.getString(9), rs.getString(10), rs.getString(11),
                        rs.getString(12), rs.getString(13), null),
                args.toArray());
        return withPayloads(entries);
    }

    /**
     * The entries with their events' payloads, read from the event store (upcast to the shape the code
     * reads today) as JSON. The trail keeps no copy: it would double the bytes stored per event.
     */
    private List<AuditEntry> withPayloads(List<AuditEntry> entries) {
        Map<String, DomainEventMessage<?>> stored = events.byIdentifier(entries.stream().map(AuditEntry::eventId)
                .toList());
        return entries.stream().map(entry -> entry.withPayload(Optional.ofNullable(stored.get(entry.eventId()))
                .map(message -> Documents.write(message.getPayload()))
                .orElseThrow(() -> new IllegalStateException("event " + entry.eventId()
                        + " of the audit trail is not in the event store")))).toList();
    }

    public long count(int generation, AuditFilter filter) {
        List<Object> args = new ArrayList<>();
        return jdbc.queryForObject("select count(*) from audit_entry" + where(generation, filter, args), Long.class,
                args.toArray());
    }

    /**
     * Series in which the person appears at all, as allottee, heir or deceased. A union of two look-ups,
     * one per index: H2 reads {@code holder_id = ? or person_id = ?} by scanning the whole generation.
     */
    public List<String> seriesOfPerson(int generation, String personId) {
        return jdbc.queryForList("select series_id from audit_entry where generation = ? and holder_id = ?"
                        + " and series_id is not null union select series_id from audit_entry where generation = ?"
                        + " and person_id = ? and series_id is not null order by series_id",
                String.class, generation, personId, generation, personId);
    }

    /**
     * The holdings of a series whose facts name the person other than as their allottee: as the heir, the one
     * who exercised, the deceased heir.
     */
    List<String> holdingsNaming(int generation, String seriesId, String personId) {
        return jdbc.queryForList("select distinct holder_id from audit_entry where generation = ? and person_id = ?"
                + " and series_id = ? and holder_id is not null", String.class, generation, personId, seriesId);
    }

    /** The global index of the latest event of the series in the trail; none before its first. */
    Optional<Long> lastOf(int generation, String seriesId) {
        return Optional.ofNullable(jdbc.queryForObject("select max(global_index) from audit_entry"
                + " where generation = ? and series_id = ?", Long.class, generation, seriesId));
    }

    /** The global indexes of the series' own events (of no holding) and of the holdings' events, in order. */
    List<Long> eventsOf(int generation, String seriesId, Collection<String> holders) {
        List<Object> args = new ArrayList<>(List.of(generation, seriesId, generation, seriesId));
        args.addAll(holders);
        String marks = holders.stream().map(h -> "?").collect(Collectors.joining(", "));
        return jdbc.queryForList("select global_index from audit_entry where generation = ? and holder_id is null"
                + " and series_id = ? union all select global_index from audit_entry where generation = ?"
                + " and series_id = ? and holder_id in (" + marks + ") order by global_index", Long.class,
                args.toArray());
    }

    private static String where(int generation, AuditFilter f, List<Object> args) {
        StringBuilder where = new StringBuilder(" where generation = ?");
        args.add(generation);
        if (f.seriesId() != null) {
            where.append(" and series_id = ?");
            args.add(f.seriesId());
        }
        if (f.holderId() != null) {
            // RULES.md 13: an inherited holding is named by the heir too. Its rows are filed under the
            // allottee; every row of the holding from the heir's inheritance on (the heir's exercises,
            // their reversals, the heir's death, the lapse) is about the heir as well.
            where.append(" and (holder_id = ? or person_id = ? or exists (select 1 from audit_entry i"
                    + " where i.generation = audit_entry.generation and i.event_type = 'RightsInherited'"
                    + " and i.person_id = ? and i.series_id = audit_entry.series_id"
                    + " and i.holder_id = audit_entry.holder_id and i.global_index <= audit_entry.global_index))");
            args.add(f.holderId());
            args.add(f.holderId());
            args.add(f.holderId());
        }
        if (f.from() != null) {
            where.append(" and effective_date >= ?");
            args.add(Date.valueOf(f.from()));
        }
        if (f.to() != null) {
            where.append(" and effective_date <= ?");
            args.add(Date.valueOf(f.to()));
        }
        if (f.recordedFrom() != null) {
            where.append(" and recorded_at >= ?");
            args.add(Timestamp.from(f.recordedFrom()));
        }
        if (f.recordedTo() != null) {
            where.append(" and recorded_at <= ?");
            args.add(Timestamp.from(f.recordedTo()));
        }
        return where.toString();
    }
}
