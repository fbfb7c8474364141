package io.sartracker.service;

import io.sartracker.query.replay.ProjectionRebuild;
import io.sartracker.query.store.AuditStore;
import io.sartracker.query.store.ProjectionGenerations;
import io.sartracker.query.store.RegisterStore;
import io.sartracker.service.cluster.TokenPositions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A projection's retired rows are deleted once no projection is rebuilding: deleting them while another
 * projection's rebuild ran took that rebuild's CPU and, on H2, its store's writer (BENCHMARKS.md, change 66).
 */
@SpringBootTest(properties = "tracker.load-reference-history=true")
class RetiredRowsAfterEveryRebuildTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("retired-rows")::toString);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionRebuild rebuild;
    @Autowired
    ProjectionGenerations generations;
    @Autowired
    TokenPositions positions;

    @Test
    void theRegistersRetiredRowsWaitForTheAuditTrailsRebuild() {
        Awaitility.await("projections caught up").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> positions.lag(RegisterStore.PROJECTION) == 0 && positions.lag(AuditStore.PROJECTION) == 0);
        int holdings = registerRows(1);
        assertThat(holdings).isPositive();
        // the audit trail "rebuilding" up to an index the store will not reach while the register rebuilds
        generations.beginRebuild(AuditStore.PROJECTION, Instant.now(), Long.MAX_VALUE, AuditStore.TABLES);

        rebuild.start(List.of(RegisterStore.PROJECTION));
        Awaitility.await("the register rebuilt").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> generations.active(RegisterStore.PROJECTION) == 2);
        for (int look = 0; look < 3; look++) {
            assertThat(rebuild.progress()).anySatisfy(p -> assertThat(p.rebuilding()).isTrue());
        }
        assertThat(registerRows(1)).as("the retired generation kept while the audit trail rebuilds").isEqualTo(holdings);

        generations.completeRebuild(AuditStore.PROJECTION);
        assertThat(rebuild.progress()).noneSatisfy(p -> assertThat(p.rebuilding()).isTrue());
        Awaitility.await("the retired generation deleted").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20)).until(() -> registerRows(1) == 0);
        assertThat(registerRows(2)).isEqualTo(holdings);
    }

    private int registerRows(int generation) {
        return jdbc.queryForObject("select count(*) from holding_view where generation = ?", Integer.class, generation);
    }
}
