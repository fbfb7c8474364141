package io.sartracker.query.store;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replayed batch of the audit trail finds the rows it wrote before and adds only the others, by the key of its
 * own generation, on each database's form of the look-up (row values on H2, an array on PostgreSQL).
 */
class AuditRowsPresentTest {

    @ParameterizedTest
    @ValueSource(strings = {MigratedDatabase.H2, MigratedDatabase.POSTGRESQL})
    void aReplayedBatchAddsOnlyTheRowsOfItsGenerationNotThere(String database) {
        JdbcTemplate jdbc = MigratedDatabase.of(database);
        AuditStore store = new AuditStore(jdbc, null);
        store.insertIfAbsent(1, entries(0, 600));
        store.insertIfAbsent(2, entries(0, 100));

        // a batch of 1,000 events, of which the first 600 were written before it rolled back or was replayed
        store.insertIfAbsent(1, entries(0, 1_000));

        assertThat(jdbc.queryForObject("select count(*) from audit_entry where generation = 1", Integer.class))
                .isEqualTo(1_000);
        assertThat(jdbc.queryForObject("select count(distinct event_id) from audit_entry where generation = 1",
                Integer.class)).isEqualTo(1_000);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where generation = 2", Integer.class))
                .as("another generation's rows are not this one's").isEqualTo(100);

        store.insertIfAbsent(2, entries(50, 250));
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where generation = 2", Integer.class))
                .isEqualTo(250);
        assertThat(jdbc.queryForObject("select max(global_index) from audit_entry where generation = 2", Long.class))
                .isEqualTo(249L);
    }

    private static List<AuditStore.AuditEntry> entries(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> AuditStore.AuditEntry.checked(i, "event-" + i, "S1", "H" + i % 40,
                "P" + i % 40, "RightsAllotted", null, Instant.parse("2026-11-28T00:00:00Z"), "alice", null, null,
                "AllotRights", null)).toList();
    }
}
