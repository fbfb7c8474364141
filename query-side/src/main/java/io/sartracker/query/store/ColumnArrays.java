package io.sartracker.query.store;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * PostgreSQL: a batch of rows written by one statement that reads them as one text array a column,
 * {@code unnest(?, ?, ...)}, cast in the statement to the columns' types. One statement a batch instead of one
 * a row (BENCHMARKS.md change 32).
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
                    statement.setArray(leading.size() + column + 1, connection.createArrayOf("varchar",
                            rows.stream().map(columns.get(column)).toArray()));
                }
                return statement.executeUpdate();
            }
        });
    }

    /** A day as the text a column's array holds, cast to a date by the statement. */
    static String text(LocalDate day) {
        return day == null ? null : day.toString();
    }
}
