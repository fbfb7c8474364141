package io.sartracker.service.imports;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A connection Axon takes inside a unit of work that started a Spring transaction is closed by that
 * transaction once, and not again when the unit of work cleans up. A second close of a pooled connection is not
 * harmless: HikariCP keeps a connection's open statements in a list that belongs to the pooled connection, not
 * to one borrowing, so the second close emptied the list of whoever had borrowed the connection since, from
 * another thread and without its lock. One benchmark run failed that way (BENCHMARKS.md, "A connection used by
 * two threads at once"), and the connection's list stayed broken for every later borrower.
 */
class SpringManagedConnectionsTest {
    private final HikariDataSource pool = pool();
    private final ConnectionProvider axonConnections =
            new UnitOfWorkAwareConnectionProviderWrapper(new SpringManagedConnections(pool));

    private static HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:spring-managed-connections;DB_CLOSE_DELAY=-1");
        // one connection: whoever borrows after the unit of work's commit gets the very connection it used
        config.setMaximumPoolSize(1);
        return new HikariDataSource(config);
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void theUnitOfWorksCleanUpLeavesTheNextBorrowersStatementsAlone() throws Exception {
        AtomicReference<Connection> nextBorrower = new AtomicReference<>();
        AtomicReference<Statement> itsStatement = new AtomicReference<>();

        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("probe"));
        // as Axon's command bus and processors do: the transaction first, then the handlers' work inside it
        unitOfWork.attachTransaction(new SpringTransactionManager(new DataSourceTransactionManager(pool)));
        unitOfWork.execute(() -> {
            useAsAxonsEventStoreDoes();
            // after the commit the connection is back in the pool; the next borrower takes it and opens a
            // statement, before the unit of work cleans up
            CurrentUnitOfWork.get().afterCommit(u -> {
                try {
                    Connection borrowed = pool.getConnection();
                    nextBorrower.set(borrowed);
                    itsStatement.set(borrowed.createStatement());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        });

        nextBorrower.get().close();
        assertTrue(itsStatement.get().isClosed(),
                "the pool closes the statements open on a connection given back to it; one it forgot stays open");
        assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections());
    }

    @Test
    void aConnectionTakenWithoutATransactionGoesBackToThePoolOnce() throws Exception {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("probe"));
        AtomicReference<Integer> heldAfterCommit = new AtomicReference<>();
        unitOfWork.execute(() -> {
            useAsAxonsEventStoreDoes();
            CurrentUnitOfWork.get().afterCommit(u -> heldAfterCommit.set(pool.getHikariPoolMXBean().getActiveConnections()));
        });
        assertEquals(1, heldAfterCommit.get(), "the unit of work keeps its connection until it cleans up");
        assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections(), "the cleanup gave the connection back");

        Connection borrowed = pool.getConnection();
        Statement statement = borrowed.createStatement();
        borrowed.close();
        assertTrue(statement.isClosed());
    }

    private void useAsAxonsEventStoreDoes() {
        try {
            Connection connection = axonConnections.getConnection();
            try (Statement statement = connection.createStatement()) {
                statement.execute("select 1");
            } finally {
                connection.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
