package io.sartracker.service;

import io.sartracker.query.replay.ProjectionRebuild;
import io.sartracker.service.cluster.TokenPositions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Build the projections live, rebuild them from the event store, and compare every row. The register's batches
 * are 3 events here, so that the rebuild spreads each series over many batches and stores its document only with
 * the last of them (RegisterProjection).
 */
@SpringBootTest(properties = {"tracker.load-reference-history=true", "axon.eventhandling.processors.register.batch-size=3"})
class ProjectionRebuildTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("rebuild")::toString);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionRebuild rebuild;
    @Autowired
    TokenPositions positions;

    @Test
    void theRebuiltTablesEqualThoseBuiltLive() {
        int events = jdbc.queryForObject("select count(*) from DomainEventEntry", Integer.class);
        awaitCaughtUp(events);
        List<Map<String, Object>> seriesLive = rows("series_view", "series_id");
        List<Map<String, Object>> holdingsLive = rows("holding_view", "series_id, holder_id");
        List<Map<String, Object>> auditLive = rows("audit_entry", "global_index");
        assertThat(holdingsLive).hasSize(18);
        assertThat(auditLive).hasSize(events);

        List<ProjectionRebuild.Progress> started = rebuild.start();
        assertThat(started).allSatisfy(p -> assertThat(p.rebuilding() || p.activeGeneration() == 2).isTrue());
        assertThat(rows("series_view", "series_id")).as("queries keep answering from the active generation")
                .isEqualTo(seriesLive);

        Awaitility.await("rebuild finished").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> rebuild.progress().stream().noneMatch(ProjectionRebuild.Progress::rebuilding));
        assertThat(rebuild.progress()).allSatisfy(p -> assertThat(p.activeGeneration()).isEqualTo(2));
        assertThat(rows("series_view", "series_id")).isEqualTo(seriesLive);
        assertThat(rows("holding_view", "series_id, holder_id")).isEqualTo(holdingsLive);
        assertThat(rows("audit_entry", "global_index")).isEqualTo(auditLive);
        Awaitility.await("the old generation deleted after the switch").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> jdbc.queryForObject("select count(*) from audit_entry where generation = 1", Integer.class),
                        count -> count == 0);
    }

    /** The active generation's rows, without the generation column, in a fixed order. */
    private List<Map<String, Object>> rows(String table, String orderBy) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from " + table + " where generation ="
                + " (select active_generation from projection_generation where projection = ?) order by " + orderBy,
                table.equals("audit_entry") ? "audit" : "register");
        rows.forEach(row -> row.remove("GENERATION"));
        return rows;
    }

    /** Waits (bounded) until every segment of both projections has committed up to the head of the store. */
    private void awaitCaughtUp(int events) {
        Awaitility.await("projections caught up").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> jdbc.queryForObject("select count(*) from audit_entry", Integer.class) >= events
                        && positions.lag("register") == 0 && positions.lag("audit") == 0);
    }
}
