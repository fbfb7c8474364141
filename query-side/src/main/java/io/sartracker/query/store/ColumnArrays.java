package io.sartracker.query.store;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * PostgreSQL: a batch of rows written by one statement that reads them as one text array a column,
 * {@link #unnest(int)}, cast in the statement to the columns' types. One statement a batch instead of one
 * a row (BENCHMARKS.md change 32). Each array is sent as the text of an array literal made here: the driver's own
 * array encoding appends a character at a time, and the holdings' JSON documents made it 7% of a rebuild's samples
 * (change 43).
 */
final class ColumnArrays {
    private ColumnArrays() {
    }

    /**
     * @param leading the statement's first parameters, before the arrays
     * @param columns each column's value of a row, as text the statement casts (or null)
     * @return the rows the statement wrote
     */
    static <T> int write(JdbcTemplate jdbc, String sql, List<Object> leading, List<T> rows,
                         List<Function<T, Object>> columns) {
        return jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < leading.size(); i++) {
                    statement.setObject(i + 1, leading.get(i));
                }
                for (int column = 0; column < columns.size(); column++) {
                    statement.setString(leading.size() + column + 1, literal(rows, columns.get(column)));
                }
                return statement.executeUpdate();
            }
        });
    }

    /** {@code unnest} of that many text arrays, each a parameter of {@link #write}. */
    static String unnest(int columns) {
        return "unnest(" + String.join(", ", Collections.nCopies(columns, "cast(? as varchar[])")) + ")";
    }

    /**
     * The text of a one-dimensional array of the rows' values: each value quoted, with a quote or backslash in it
     * escaped by a backslash; a null unquoted {@code NULL} (PostgreSQL's array input syntax).
     */
    static <T> String literal(List<T> rows, Function<T, Object> column) {
        StringBuilder text = new StringBuilder(rows.size() * 24).append('{');
        for (int row = 0; row < rows.size(); row++) {
            if (row > 0) {
                text.append(',');
            }
            Object value = column.apply(rows.get(row));
            if (value == null) {
                text.append("NULL");
                continue;
            }
            String element = value.toString();
            text.append('"');
            int from = 0;
            for (int i = 0; i < element.length(); i++) {
                char c = element.charAt(i);
                if (c == '"' || c == '\\') {
                    text.append(element, from, i).append('\\');
                    from = i;
                }
            }
            text.append(element, from, element.length()).append('"');
        }
        return text.append('}').toString();
    }

    /** A day as the text a column's array holds, cast to a date by the statement. */
    static String text(LocalDate day) {
        return day == null ? null : day.toString();
    }
}
