package io.sartracker.service.config;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Tells Axon that a write broke a unique key (SQL state 23505 on both H2 and PostgreSQL), so that
 * two writers of one series surface as a concurrency conflict and a series issued twice as such,
 * rather than as a generic storage failure.
 */
public class UniqueViolationResolver implements PersistenceExceptionResolver {
    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
