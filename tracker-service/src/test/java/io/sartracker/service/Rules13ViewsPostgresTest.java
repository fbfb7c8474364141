package io.sartracker.service;

import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link Rules13ViewsHttpTest} (views as of today) on a real PostgreSQL server, with the {@code postgres} profile. */
@ActiveProfiles("postgres")
@Import(Rules13ViewsHttpTest.Clocks.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class Rules13ViewsPostgresTest extends Rules13ViewsHttpTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "Rules13Views");
    }
}
