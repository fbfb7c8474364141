package io.sartracker.service;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ConcurrentAuditTest} (concurrency) on a real PostgreSQL server, with the {@code postgres} profile. */
@ActiveProfiles("postgres")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ConcurrentAuditPostgresTest extends ConcurrentAuditTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "ConcurrentAudit");
    }
}
