package io.sartracker.query.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A replayed batch of the audit trail finds the rows it wrote before and adds only the others, by the key of its
 * own generation, each with its event's own global index, on each database's form of the write (look-ups and a
 * JDBC batch on H2, one statement of arrays on PostgreSQL).
 */
class AuditRowsPresentTest {
    private static final Instant RECORDED = Instant.parse("2026-11-28T09:15:30.123456Z");

    @ParameterizedTest
    @ValueSource(strings = {MigratedDatabase.H2, MigratedDatabase.POSTGRESQL})
    void aReplayedBatchAddsOnlyTheRowsOfItsGenerationNotThere(String database) {
        JdbcTemplate jdbc = MigratedDatabase.of(database);
        Map<Integer, Long> globalIndexes = storedEvents(jdbc, 1_000);
        AuditStore store = new AuditStore(jdbc, null, new EventPositions(1));
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
                .as("each row carries its event's own global index (event-0 was stored last)").isEqualTo(globalIndexes.get(0));
        assertThat(jdbc.queryForList("select event_id from audit_entry where generation = 1 order by global_index",
                String.class)).as("in the events' order in the store")
                .containsExactlyElementsOf(IntStream.range(0, 1_000).mapToObj(i -> "event-" + (999 - i)).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {MigratedDatabase.H2, MigratedDatabase.POSTGRESQL})
    void anEntryIsReadBackAsItWasWritten(String database) {
        JdbcTemplate jdbc = MigratedDatabase.of(database);
        Map<Integer, Long> globalIndexes = storedEvents(jdbc, 3);
        AuditStore store = new AuditStore(jdbc, null, new EventPositions(1));
        store.insertIfAbsent(1, entries(0, 3));

        List<Map<String, Object>> read = jdbc.queryForList("select event_id, global_index, holder_id, person_id,"
                + " effective_date, recorded_at, recorded_by, command from audit_entry order by global_index");
        assertThat(read).hasSize(3);
        Map<String, Object> first = read.get(0);
        assertThat(first.get("event_id")).isEqualTo("event-2");
        assertThat(((Number) first.get("global_index")).longValue()).isEqualTo(globalIndexes.get(2));
        assertThat(first.get("holder_id")).isEqualTo("H2");
        assertThat(first.get("person_id")).as("a null stays null").isNull();
        assertThat(((java.sql.Date) first.get("effective_date")).toLocalDate()).isEqualTo(LocalDate.of(2026, 4, 3));
        assertThat(((java.sql.Timestamp) first.get("recorded_at")).toInstant()).isEqualTo(RECORDED);
        assertThat(first.get("recorded_by")).isEqualTo("alice, \"the\" {administrator}");
        assertThat(first.get("command")).isEqualTo("AllotRights");
        assertThat(read.get(1).get("person_id")).isEqualTo("P1");
        assertThat(read.get(1).get("effective_date")).as("a fact of no date").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {MigratedDatabase.H2, MigratedDatabase.POSTGRESQL})
    void anEventNotInTheStoreFailsTheBatchAndWritesNothing(String database) {
        JdbcTemplate jdbc = MigratedDatabase.of(database);
        storedEvents(jdbc, 2);
        AuditStore store = new AuditStore(jdbc, null, new EventPositions(1));

        assertThatThrownBy(() -> store.insertIfAbsent(1, entries(0, 3))).isInstanceOf(RuntimeException.class);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry", Integer.class)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {MigratedDatabase.H2, MigratedDatabase.POSTGRESQL})
    void theIndexesTheStoreReadLatelyAndTheOthersLookedUpGiveTheSameRows(String database) {
        JdbcTemplate jdbc = MigratedDatabase.of(database);
        Map<Integer, Long> globalIndexes = storedEvents(jdbc, 1_000);
        EventPositions positions = new EventPositions(1_000);
        globalIndexes.forEach((i, index) -> {
            if (i % 3 != 0) {
                positions.read("event-" + i, index);
            }
        });
        new AuditStore(jdbc, null, positions).insertIfAbsent(1, entries(0, 1_000));

        Map<String, Long> written = jdbc.queryForList("select event_id, global_index from audit_entry").stream()
                .collect(Collectors.toMap(row -> (String) row.get("event_id"),
                        row -> ((Number) row.get("global_index")).longValue()));
        assertThat(written).hasSize(1_000);
        globalIndexes.forEach((i, index) -> assertThat(written.get("event-" + i)).isEqualTo(index));
    }

    @Test
    void onH2AnIndexTheStoreReadLatelyIsNotLookedUpAgain() {
        JdbcTemplate jdbc = MigratedDatabase.of(MigratedDatabase.H2);
        storedEvents(jdbc, 2);
        EventPositions positions = new EventPositions(10);
        // event-2 is not in this store: only what the store read says where it lies
        positions.read("event-2", 77);

        new AuditStore(jdbc, null, positions).insertIfAbsent(1, entries(0, 3));

        assertThat(jdbc.queryForObject("select global_index from audit_entry where event_id = 'event-2'", Long.class))
                .isEqualTo(77);
    }

    /** Events event-0 ... event-(n-1) in the event store, stored in the reverse order; their global indexes. */
    private static Map<Integer, Long> storedEvents(JdbcTemplate jdbc, int n) {
        for (int i = n - 1; i >= 0; i--) {
            jdbc.update("insert into DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, type,"
                    + " timeStamp, payloadType, payload) values (?, 'S1', ?, 'Series', '2026-11-28T00:00:00Z',"
                    + " 'x', ?)", "event-" + i, n - 1 - i, new byte[]{'{', '}'});
        }
        return IntStream.range(0, n).boxed().collect(Collectors.toMap(i -> i, i -> jdbc.queryForObject(
                "select globalIndex from DomainEventEntry where eventIdentifier = ?", Long.class, "event-" + i)));
    }

    private static List<AuditStore.AuditEntry> entries(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> AuditStore.AuditEntry.checked("event-" + i, "S1", "H" + i % 40,
                i % 2 == 0 ? null : "P" + i % 40, "RightsAllotted", i % 2 == 0 ? LocalDate.of(2026, 4, 1).plusDays(i) : null,
                RECORDED, "alice, \"the\" {administrator}", null, null, "AllotRights", null)).toList();
    }
}
