package io.sartracker.query.store;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collections;

/**
 * A list of row values, {@code (?, ?), (?, ?)}, to find or delete rows by their whole primary key: H2 looks each
 * one up in the key, where a column {@code in (...)} beside another condition or a sub-query made it read the
 * whole table. PostgreSQL plans them as an OR of index scans, which costs about 0.5 ms a row: fine for a few
 * hundred rows, not for a rebuild's every batch ({@link AuditStore} and {@link ProjectionGenerations} give it
 * an array instead).
 */
final class RowValues {
    private RowValues() {
    }

    /** Whether the database looks row values up in the key one by one (H2), or plans them as an OR (PostgreSQL). */
    static boolean lookedUpInTheKey(JdbcTemplate jdbc) {
        return !"PostgreSQL".equals(jdbc.execute(
                (ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName()));
    }

    static String placeholders(int rows, int width) {
        String row = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
        return String.join(", ", Collections.nCopies(rows, row));
    }
}
