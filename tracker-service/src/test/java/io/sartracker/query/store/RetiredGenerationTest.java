package io.sartracker.query.store;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuilt projection's old generation is deleted a batch per call, by primary key, and nothing of the
 * active generation goes with it (on the service's schema, on H2 in memory and on PostgreSQL).
 */
class RetiredGenerationTest {
    private JdbcTemplate jdbc;
    private ProjectionGenerations generations;

    private void schema(String database) {
        jdbc = MigratedDatabase.of(database);
        generations = new ProjectionGenerations(jdbc);
    }

    @ParameterizedTest
    @ValueSource(strings = {MigratedDatabase.H2, MigratedDatabase.POSTGRESQL})
    void theRetiredGenerationsRowsGoABatchAtATime(String database) {
        schema(database);
        // generation 1 retired (and a row a node left behind of generation 0), generation 2 active
        audit(0, 1);
        audit(1, 1_203);
        audit(2, 40);
        jdbc.update("update projection_generation set active_generation = 2 where projection = 'audit'");
        ProjectionTable table = AuditStore.TABLES.get(0);

        List<Integer> batches = new ArrayList<>();
        int deleted;
        do {
            deleted = generations.deleteRetiredRows(AuditStore.PROJECTION, table, 500);
            batches.add(deleted);
        } while (deleted > 0);

        assertThat(batches).containsExactly(500, 500, 204, 0);
        assertThat(jdbc.queryForList("select generation from audit_entry group by generation", Integer.class))
                .containsExactly(2);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry", Integer.class)).isEqualTo(40);
    }

    @ParameterizedTest
    @ValueSource(strings = {MigratedDatabase.H2, MigratedDatabase.POSTGRESQL})
    void aKeyOfSeveralColumnsDeletesExactlyTheRetiredRows(String database) {
        schema(database);
        for (int generation = 1; generation <= 2; generation++) {
            for (int holder = 0; holder < 30; holder++) {
                jdbc.update("insert into holding_view (generation, series_id, holder_id, current_holder_id, status,"
                        + " rights_held) values (?, ?, ?, ?, 'IN_OFFICE', 1)", generation, "S" + holder % 3,
                        "H" + holder, "H" + holder);
            }
        }
        jdbc.update("update projection_generation set active_generation = 2 where projection = 'register'");

        assertThat(generations.deleteRetiredRows(RegisterStore.PROJECTION, RegisterStore.TABLES.get(1), 25))
                .isEqualTo(25);
        assertThat(generations.deleteRetiredRows(RegisterStore.PROJECTION, RegisterStore.TABLES.get(1), 25))
                .isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from holding_view where generation = 2", Integer.class))
                .isEqualTo(30);
        assertThat(jdbc.queryForObject("select count(*) from holding_view", Integer.class)).isEqualTo(30);
    }

    private void audit(int generation, int rows) {
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            batch.add(new Object[]{generation, "E" + generation + "-" + i, i});
        }
        jdbc.batchUpdate("insert into audit_entry (generation, event_id, global_index, event_type, recorded_at)"
                + " values (?, ?, ?, 'RightsAllotted', current_timestamp)", batch);
    }
}
