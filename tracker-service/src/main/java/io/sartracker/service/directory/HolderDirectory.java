package io.sartracker.service.directory;

import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import io.sartracker.service.security.Recorder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The holder directory (tables {@code holder_directory} and {@code holder_directory_change}): the name,
 * address and contact of each person the events name by identifier. It lives beside the event store, never
 * in it, so that erasing a person's data leaves every event as it was.
 */
@Component
public class HolderDirectory {
    private static final String COLUMNS = "person_id, name_kanji, name_kana, address, contact, version, changed_at, changed_by";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public HolderDirectory(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A change as the history shows it; the personal fields are empty once the person's data was erased. */
    public record DirectoryChange(int version, ChangeKind change, Instant changedAt, String changedBy, String signedInBy,
                         String nameKanji, String nameKana, String address, String contact) {
    }

    public enum ChangeKind { ENTERED, CHANGED, ERASED }

    /** The person's entry, if one is kept. */
    public Optional<DirectoryEntry> find(String personId) {
        return jdbc.query("select " + COLUMNS + " from holder_directory where person_id = ?", HolderDirectory::entry,
                personId).stream().findFirst();
    }

    /** The person's entry, or the refusal that there is none. */
    public DirectoryEntry entry(String personId) {
        return find(personId).orElseThrow(() -> RuleViolation.of(RuleCode.NO_DIRECTORY_ENTRY, "The holder directory"
                + " has no name or address for " + personId + " (never entered, or erased). Enter them first.",
                "personId", personId));
    }

    /** The entries of the people named, by identifier; those without one are left out. */
    public Map<String, DirectoryEntry> entries(Collection<String> personIds) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        String marks = personIds.stream().map(id -> "?").collect(Collectors.joining(","));
        return jdbc.query("select " + COLUMNS + " from holder_directory where person_id in (" + marks + ")",
                        HolderDirectory::entry, personIds.toArray())
                .stream().collect(Collectors.toMap(DirectoryEntry::personId, Function.identity()));
    }

    /** Every change of the person's entry, oldest first. */
    public List<DirectoryChange> history(String personId) {
        return jdbc.query("select version, change_kind, changed_at, changed_by, signed_in_by, name_kanji, name_kana,"
                        + " address, contact from holder_directory_change where person_id = ? order by change_id",
                (rs, n) -> new DirectoryChange(rs.getInt(1), ChangeKind.valueOf(rs.getString(2)), instant(rs, 3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9)), personId);
    }

    /** Enters or replaces the person's details, as the signed-in recorder, with a row of history. */
    @Transactional
    public DirectoryEntry enter(String personId, DirectoryDetails details, Recorder recorder) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        // versions go on from the history, so an entry made again after an erasure does not reuse a number
        int version = jdbc.queryForObject("select coalesce(max(version), 0) + 1 from holder_directory_change"
                + " where person_id = ?", Integer.class, personId);
        int updated = jdbc.update("update holder_directory set name_kanji = ?, name_kana = ?, address = ?, contact = ?,"
                        + " version = ?, changed_at = ?, changed_by = ? where person_id = ?", details.nameKanji(),
                details.nameKana(), details.address(), details.contact(), version, now, recorder.name(), personId);
        if (updated == 0) {
            jdbc.update("insert into holder_directory (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)", personId,
                    details.nameKanji(), details.nameKana(), details.address(), details.contact(), version, now,
                    recorder.name());
        }
        jdbc.update("insert into holder_directory_change (person_id, version, change_kind, changed_at, changed_by,"
                        + " signed_in_by, name_kanji, name_kana, address, contact) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                personId, version, (updated == 0 ? ChangeKind.ENTERED : ChangeKind.CHANGED).name(), now,
                recorder.name(), recorder.signedInBy(), details.nameKanji(), details.nameKana(), details.address(),
                details.contact());
        return entry(personId);
    }

    /**
     * Erases the person's personal data: the entry goes, and every row of its history keeps who changed it
     * when but no longer what it said. The erasure itself is a row of the history.
     *
     * @return the instant of the erasure
     */
    @Transactional
    public Instant erase(String personId, Recorder recorder) {
        // the entry's row locked: of two erasures at once, the second finds no entry and records nothing
        Integer version = jdbc.query("select version from holder_directory where person_id = ? for update",
                (rs, n) -> rs.getInt(1), personId).stream().findFirst().orElse(null);
        if (version == null) {
            entry(personId);
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.update("delete from holder_directory where person_id = ?", personId);
        jdbc.update("update holder_directory_change set name_kanji = null, name_kana = null, address = null,"
                + " contact = null where person_id = ?", personId);
        jdbc.update("insert into holder_directory_change (person_id, version, change_kind, changed_at, changed_by,"
                        + " signed_in_by) values (?, ?, ?, ?, ?, ?)", personId, version + 1,
                ChangeKind.ERASED.name(), now, recorder.name(), recorder.signedInBy());
        return now.toInstant();
    }

    private static DirectoryEntry entry(ResultSet rs, int row) throws SQLException {
        return new DirectoryEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getInt(6), instant(rs, 7), rs.getString(8));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        if (at != null) {
            return at.toInstant();
        }
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
