package io.sartracker.query.store;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The audit trail: one row per event, filterable by series, person and dates, in recording order. */
public class AuditStore {
    public static final String PROJECTION = "audit";
    public static final List<String> TABLES = List.of("audit_entry");

    private final JdbcTemplate jdbc;

    public AuditStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record AuditEntry(long globalIndex, String seriesId, String holderId, String personId, String eventType,
                             LocalDate effectiveDate, Instant recordedAt, String recordedBy, String command,
                             String correlationId, @JsonRawValue String payload) {
    }

    /** Filters; null means "any". Dates are business (effective) dates, both ends inclusive. */
    public record AuditFilter(String seriesId, String holderId, LocalDate from, LocalDate to, Instant recordedFrom,
                              Instant recordedTo) {
    }

    /** Inserts the entries not already there: a replayed batch finds its rows and skips them. */
    void insertIfAbsent(int generation, List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        long first = entries.stream().mapToLong(AuditEntry::globalIndex).min().orElseThrow();
        long last = entries.stream().mapToLong(AuditEntry::globalIndex).max().orElseThrow();
        Set<Long> present = new HashSet<>(jdbc.queryForList("select global_index from audit_entry"
                + " where generation = ? and global_index between ? and ?", Long.class, generation, first, last));
        jdbc.batchUpdate("insert into audit_entry (generation, global_index, series_id, holder_id, person_id,"
                        + " event_type, effective_date, recorded_at, recorded_by, command, correlation_id, payload)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entries.stream().filter(e -> present.add(e.globalIndex()))
                        .map(e -> new Object[]{generation, e.globalIndex(), e.seriesId(), e.holderId(), e.personId(),
                                e.eventType(), e.effectiveDate() == null ? null : Date.valueOf(e.effectiveDate()),
                                Timestamp.from(e.recordedAt()), e.recordedBy(), e.command(), e.correlationId(),
                                e.payload()})
                        .toList());
    }

    public List<AuditEntry> find(int generation, AuditFilter filter, boolean newestFirst, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = where(generation, filter, args);
        args.add(size);
        args.add((long) page * size);
        return jdbc.query("select global_index, series_id, holder_id, person_id, event_type, effective_date,"
                        + " recorded_at, recorded_by, command, correlation_id, payload from audit_entry" + where
                        + " order by global_index" + (newestFirst ? " desc" : "") + " limit ? offset ?",
                (rs, n) -> new AuditEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(),
                        rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getString(11)),
                args.toArray());
    }

    public long count(int generation, AuditFilter filter) {
        List<Object> args = new ArrayList<>();
        return jdbc.queryForObject("select count(*) from audit_entry" + where(generation, filter, args), Long.class,
                args.toArray());
    }

    /** Series in which the person appears at all, as allottee, heir or deceased. */
    public List<String> seriesOfPerson(int generation, String personId) {
        return jdbc.queryForList("select distinct series_id from audit_entry where generation = ?"
                        + " and (holder_id = ? or person_id = ?) and series_id is not null order by series_id",
                String.class, generation, personId, personId);
    }

    private static String where(int generation, AuditFilter f, List<Object> args) {
        StringBuilder where = new StringBuilder(" where generation = ?");
        args.add(generation);
        if (f.seriesId() != null) {
            where.append(" and series_id = ?");
            args.add(f.seriesId());
        }
        if (f.holderId() != null) {
            where.append(" and (holder_id = ? or person_id = ?)");
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
