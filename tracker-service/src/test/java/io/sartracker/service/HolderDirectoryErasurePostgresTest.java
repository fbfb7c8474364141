package io.sartracker.service;

import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link HolderDirectoryErasureTest} (erasure leaves no personal data in any table) on a real PostgreSQL server. */
@ActiveProfiles("postgres")
@Import(HolderDirectoryErasureTest.Clocks.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HolderDirectoryErasurePostgresTest extends HolderDirectoryErasureTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "HolderDirectoryErasure");
    }
}
