package io.sartracker.service;

import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link LapseSweepServiceTest} (lapse sweep) on a real PostgreSQL server, with the {@code postgres} profile. */
@ActiveProfiles("postgres")
@Import(LapseSweepServiceTest.Clocks.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LapseSweepServicePostgresTest extends LapseSweepServiceTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "LapseSweepService");
    }
}
