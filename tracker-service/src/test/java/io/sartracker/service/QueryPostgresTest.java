package io.sartracker.service;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link QueryHttpTest} (views, as of a date and as known at an instant) on a real PostgreSQL server, with the {@code postgres} profile. */
@ActiveProfiles("postgres")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class QueryPostgresTest extends QueryHttpTest {
    @Autowired
    private JdbcTemplate jdbc;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "Query");
    }

    /** The service's own Flyway runs the Java migration V30 beside the SQL ones. */
    @Test
    void theServiceLeavesRoomInTheHoldingsPagesForTheirNextVersions() {
        assertThat(jdbc.queryForObject("select reloptions::text from pg_class where relname = 'holding_view'",
                String.class)).contains("toast_tuple_target=256").contains("fillfactor=50");
    }
}
