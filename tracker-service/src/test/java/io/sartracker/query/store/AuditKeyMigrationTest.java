package io.sartracker.query.store;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V29 keys the audit trail's rows by their event's place in the store, (generation, global_index), instead of the
 * event's identifier: the rows written before keep every value, and the place is now what a row is unique by.
 */
class AuditKeyMigrationTest {
    private static final String INSERT = "insert into audit_entry (generation, event_id, global_index, series_id,"
            + " holder_id, person_id, event_type, effective_date, recorded_at, recorded_by, command, correlation_id,"
            + " signed_in_by, request_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @ParameterizedTest
    @ValueSource(strings = {MigratedDatabase.H2, MigratedDatabase.POSTGRESQL})
    void theTrailsRowsKeepTheirValuesAndAreKeyedByTheirPlace(String database) {
        JdbcTemplate jdbc = MigratedDatabase.upTo(database, "28");
        jdbc.update(INSERT, row(1, "event-a", 7, "S1", "H1", null));
        jdbc.update(INSERT, row(1, "event-b", 9, null, null, "P1"));
        jdbc.update(INSERT, row(2, "event-a", 7, "S1", "H1", null));
        String all = "select * from audit_entry order by generation, global_index";
        List<Map<String, Object>> before = jdbc.queryForList(all);

        MigratedDatabase.migrate(jdbc.getDataSource(), null);

        assertThat(jdbc.queryForList(all)).as("every row with every value").isEqualTo(before);
        assertThatThrownBy(() -> jdbc.update(INSERT, row(1, "event-c", 9, "S1", null, null)))
                .as("a second row at the same place of the same generation").isInstanceOf(DuplicateKeyException.class);
        jdbc.update(INSERT, row(1, "event-a", 11, "S1", "H1", null));
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where event_id = 'event-a'", Integer.class))
                .as("the identifier is no longer the key").isEqualTo(3);
    }

    private static Object[] row(int generation, String eventId, long globalIndex, String seriesId, String holderId,
                                String personId) {
        return new Object[]{generation, eventId, globalIndex, seriesId, holderId, personId, "RightsExercised",
                Date.valueOf(LocalDate.of(2021, 6, 30)), Timestamp.from(Instant.parse("2026-11-29T01:30:00.123Z")),
                "alice", "ExerciseRights", "c-" + eventId, "alice", "r-" + eventId};
    }
}
