package io.sartracker.query.store;

import java.util.Collections;

/**
 * A list of row values, {@code (?, ?), (?, ?)}, to find or delete rows by their whole primary key: H2 looks each
 * one up in the key, where a column {@code in (...)} beside another condition or a sub-query made it read the
 * whole table. PostgreSQL plans them as an OR of index scans, which costs about 0.5 ms a row: fine for a few
 * hundred rows, not for a rebuild's every batch ({@link AuditStore} gives it an array instead).
 */
final class RowValues {
    private RowValues() {
    }

    static String placeholders(int rows, int width) {
        String row = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
        return String.join(", ", Collections.nCopies(rows, row));
    }
}
