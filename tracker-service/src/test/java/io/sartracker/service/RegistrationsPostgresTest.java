package io.sartracker.service;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link RegistrationsHttpTest} on a real PostgreSQL server, with the {@code postgres} profile: the statements'
 * and filing marks' tables (V18, V19) and the hand-computed April totals alike.
 */
@ActiveProfiles("postgres")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RegistrationsPostgresTest extends RegistrationsHttpTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "Registrations");
    }
}
