package io.sartracker.service.config;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.Statement;

/**
 * V30, on PostgreSQL only: room in each page of {@code holding_view} for the next version of its rows. A holding's
 * row is rewritten whenever the holding changes. Its document of 25 exercises was 5.6 KB, which PostgreSQL
 * compresses and keeps apart (TOAST), leaving a small row. Since the exercises are arrays (about 2 KB, BENCHMARKS.md
 * change 70) the document stayed in the row, a page full of such rows had no room for a row's new version, and
 * each rewrite went to another page: at 20 series the table grew from 89 to 229 MB. With pages half filled
 * ({@code fillfactor}) the new version stays in its page and the old one is pruned there (49 MB);
 * {@code toast_tuple_target} lets PostgreSQL compress a document from 256 bytes on instead of 2 KB. H2 has neither
 * setting, and nothing to change.
 */
@Component
public class HoldingRowsRewrittenInPlace implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("30");
    }

    @Override
    public String getDescription() {
        return "room for holding rows' next versions";
    }

    @Override
    public Integer getChecksum() {
        return 30;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table holding_view set (toast_tuple_target = 256, fillfactor = 50)");
        }
    }
}
