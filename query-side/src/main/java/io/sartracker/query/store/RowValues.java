package io.sartracker.query.store;

import java.util.Collections;

/**
 * A list of row values, {@code (?, ?), (?, ?)}, to find or delete rows by their whole primary key: H2 and
 * PostgreSQL both look each one up in the key, where a column {@code in (...)} beside another condition or a
 * sub-query made H2 read the whole table.
 */
final class RowValues {
    private RowValues() {
    }

    static String placeholders(int rows, int width) {
        String row = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
        return String.join(", ", Collections.nCopies(rows, row));
    }
}
