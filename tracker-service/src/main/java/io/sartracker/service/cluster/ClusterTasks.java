package io.sartracker.service.cluster;

import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Work that exactly one node may do at a time (the lapse sweep): the node doing it holds the lock of
 * the task's row in {@code cluster_task} for as long as it works, on a connection of its own, and
 * records the day it was done in the same transaction. A node that dies while holding it loses its
 * connection, and with it the lock. Not a timer race: the database decides.
 */
@Component
public class ClusterTasks {
    private final DataSource dataSource;
    private final TrackerNode node;
    private final Clock clock;

    public ClusterTasks(DataSource dataSource, TrackerNode node, Clock clock) {
        this.dataSource = dataSource;
        this.node = node;
        this.clock = clock;
    }

    /** Whether to wait for a node doing the task now, or give up at once. */
    public enum IfBusy { WAIT, SKIP }

    /**
     * Does the work alone among the nodes and records it as done on the day.
     *
     * @param onlyIfNotDoneOn when true, nothing is done if the task was done on that day or later already
     * @return the work's result; empty when skipped (another node is doing it, or it is done for the day)
     */
    public <T> Optional<T> runAlone(String task, IfBusy ifBusy, LocalDate day, boolean onlyIfNotDoneOn,
                                    Supplier<T> work) {
        // A connection of its own, not the thread's transaction: the work's commands commit on their own.
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Optional<LocalDate> lastDone;
                try (PreparedStatement lock = connection.prepareStatement("select last_done_on from cluster_task"
                        + " where name = ? for update" + (ifBusy == IfBusy.SKIP ? " skip locked" : ""))) {
                    lock.setString(1, task);
                    try (ResultSet row = lock.executeQuery()) {
                        if (!row.next()) {
                            connection.rollback();
                            return Optional.empty();
                        }
                        Date date = row.getDate(1);
                        lastDone = Optional.ofNullable(date).map(Date::toLocalDate);
                    }
                }
                if (onlyIfNotDoneOn && lastDone.isPresent() && !lastDone.get().isBefore(day)) {
                    connection.rollback();
                    return Optional.empty();
                }
                T result = work.get();
                try (PreparedStatement done = connection.prepareStatement("update cluster_task set last_done_on = ?,"
                        + " last_done_by = ?, last_done_at = ? where name = ?")) {
                    done.setDate(1, Date.valueOf(day));
                    done.setString(2, node.id());
                    done.setString(3, clock.instant().toString());
                    done.setString(4, task);
                    done.executeUpdate();
                }
                connection.commit();
                return Optional.of(result);
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the lock of the cluster task " + task + " failed", e);
        }
    }
}
