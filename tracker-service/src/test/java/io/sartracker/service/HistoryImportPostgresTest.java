package io.sartracker.service;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link HistoryImportHttpTest} on a real PostgreSQL server: the whole file in one transaction, a refused line
 * rolling back every line before it, the same file recorded once.
 */
@ActiveProfiles("postgres")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HistoryImportPostgresTest extends HistoryImportHttpTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "HistoryImport");
    }
}
