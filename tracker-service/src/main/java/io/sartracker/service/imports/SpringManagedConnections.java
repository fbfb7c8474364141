package io.sartracker.service.imports;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Axon's connections, as Axon's own Spring provider gives them, except that a connection bound to a Spring
 * transaction is committed and rolled back by that transaction only. Axon rolls back the connection a unit of
 * work used when the unit of work rolls back; where the unit of work joined a transaction it did not start
 * (an import's, which spans many commands), that rolled back every line recorded before a refused one, and
 * the lines after it were decided against an empty store. When Axon starts the transaction itself (every
 * HTTP command), its transaction manager rolls it back as before.
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
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    boolean noArguments = args == null || args.length == 0;
                    if (noArguments && method.getName().equals("close")) {
                        DataSourceUtils.releaseConnection(connection, dataSource);
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
