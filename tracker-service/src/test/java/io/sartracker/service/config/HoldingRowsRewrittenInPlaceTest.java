package io.sartracker.service.config;

import io.sartracker.service.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V30 on PostgreSQL: {@code holding_view}'s pages are half filled, so that a holding's rewritten row stays in its
 * page, and a document of about 2 KB (25 exercises as arrays) is compressed, where PostgreSQL's defaults kept it
 * whole; on H2 the migration changes nothing and is recorded all the same.
 */
class HoldingRowsRewrittenInPlaceTest {
    /** A stored holding with 25 exercises as change 70 writes it: about 2 KB. */
    private static final String DOCUMENT = "{\"life\":" + "{\"holderId\":\"P-000123\",\"role\":\"DIRECTOR\",\"counts\":{\"allotted\":100,\"held\":75,\"exercised\":25,\"lapsed\":0,\"acquired\":0},\"stage\":{\"stage\":\"LEFT_OFFICE\",\"departureDate\":\"2020-06-25\",\"window\":{\"firstDay\":\"2020-06-26\",\"lastDay\":\"2020-07-05\"},\"lapseDate\":\"2020-07-06\"},"
            + "\"earlier\":[{\"fact\":\"EXERCISE\",\"person\":\"P-000123\",\"date\":\"2020-07-02\",\"stage\":{\"stage\":\"LEFT_OFFICE\",\"departureDate\":\"2020-06-25\",\"window\":{\"firstDay\":\"2020-06-26\",\"lastDay\":\"2020-07-05\"},\"lapseDate\":\"2020-07-06\"},"
            + "\"counts\":{\"allotted\":100,\"held\":76,\"exercised\":24,\"lapsed\":0,\"acquired\":0},\"latestFactDate\":\"2020-07-02\",\"latestExerciseDate\":\"2020-07-02\"}],\"latestFactDate\":\"2020-07-02\",\"latestExerciseDate\":\"2020-07-02\"}" + ",\"earlierLeftOut\":24,\"dayAfterPeriod\":\"2045-07-14\",\"exercises\":["
            + String.join(",", Collections.nCopies(25, "[\"2020-07-02\",\"P-000123\",1,100,100,100,0,50,50]"))
            + "],\"allotments\":[[\"2015-07-13\",100]]}";

    @Test
    void onPostgreSqlTheTablesPagesKeepRoomAndAHoldingsDocumentIsCompressed() {
        JdbcTemplate jdbc = migrated(TestPostgres.newDatabase("holding-documents"), TestPostgres.USER,
                TestPostgres.PASSWORD);
        jdbc.update("insert into holding_view (generation, series_id, holder_id, current_holder_id, status,"
                + " rights_held, document, holding_order) values (1, 'S', 'P-000123', 'P-000123', 'HELD', 75, ?, 0)",
                DOCUMENT);

        assertThat(DOCUMENT.length()).isGreaterThan(1_900);
        Integer stored = jdbc.queryForObject("select pg_column_size(document) from holding_view", Integer.class);
        assertThat(stored).as("bytes the row keeps for a %d-byte document", DOCUMENT.length()).isLessThan(1_000);
        assertThat(jdbc.queryForObject("select document from holding_view", String.class)).isEqualTo(DOCUMENT);
        assertThat(jdbc.queryForObject("select reloptions::text from pg_class where relname = 'holding_view'",
                String.class)).contains("fillfactor=50");
    }

    @Test
    void onH2ItIsRecordedAndChangesNothing() {
        JdbcTemplate jdbc = migrated("jdbc:h2:mem:holding-documents;DB_CLOSE_DELAY=-1", "sa", "");
        assertThat(jdbc.queryForObject("select count(*) from \"flyway_schema_history\" where \"version\" = '30'"
                + " and \"success\"", Integer.class)).isEqualTo(1);
    }

    private static JdbcTemplate migrated(String url, String user, String password) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, user, password);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(new HoldingRowsRewrittenInPlace()).load().migrate();
        return new JdbcTemplate(dataSource);
    }
}
