package io.sartracker.service.imports;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Axon's connections, as Axon's own Spring provider gives them, except that a connection bound to a Spring
 * transaction is committed and rolled back by that transaction only. Axon rolls back the connection a unit of
 * work used when the unit of work rolls back; where the unit of work joined a transaction it did not start
 * (an import's, which spans many commands), that rolled back every line recorded before a refused one, and
 * the lines after it were decided against an empty store. When Axon starts the transaction itself (every
 * HTTP command), its transaction manager rolls it back as before.
 * <p>
 * Such a connection is also given back by its transaction only. Axon's unit of work closes its connection when it
 * cleans up, after the transaction has ended and given the connection back to the pool; closing it again there
 * emptied the open-statement list of whoever had borrowed the pooled connection since (HikariCP keeps that list
 * per pooled connection), from another thread: one benchmark run broke a connection for good that way.
 */
public final class SpringManagedConnections implements ConnectionProvider {
    private final DataSource dataSource;

    public SpringManagedConnections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = DataSourceUtils.doGetConnection(dataSource);
        boolean springManaged = DataSourceUtils.isConnectionTransactional(connection, dataSource);
        AtomicBoolean closed = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    boolean noArguments = args == null || args.length == 0;
                    if (noArguments && method.getName().equals("close")) {
                        if (!closed.getAndSet(true) && (!springManaged
                                || DataSourceUtils.isConnectionTransactional(connection, dataSource))) {
                            DataSourceUtils.releaseConnection(connection, dataSource);
                        }
                        return null;
                    }
                    if (springManaged && noArguments
                            && (method.getName().equals("commit") || method.getName().equals("rollback"))) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
