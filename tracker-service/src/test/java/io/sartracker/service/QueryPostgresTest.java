package io.sartracker.service;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link QueryHttpTest} (views, as of a date and as known at an instant) on a real PostgreSQL server, with the {@code postgres} profile. */
@ActiveProfiles("postgres")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class QueryPostgresTest extends QueryHttpTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "Query");
    }
}
