package io.sartracker.query.store;

import io.sartracker.service.TestPostgres;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.util.UUID;

/** A new database with the service's schema, for the stores' tests on each database the service runs on. */
public final class MigratedDatabase {
    public static final String H2 = "H2";
    public static final String POSTGRESQL = "PostgreSQL";

    private MigratedDatabase() {
    }

    /** @param database {@link #H2} (in memory) or {@link #POSTGRESQL} (a new database on the tests' server) */
    public static JdbcTemplate of(String database) {
        DataSource dataSource;
        if (database.equals(H2)) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            dataSource = h2;
        } else {
            dataSource = new DriverManagerDataSource(TestPostgres.newDatabase("stores"), TestPostgres.USER,
                    TestPostgres.PASSWORD);
        }
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new JdbcTemplate(dataSource);
    }
}
