package io.sartracker.service.durability;

import io.sartracker.query.store.AuditStore;
import io.sartracker.query.store.RegisterStore;
import io.sartracker.service.TestPostgres;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On PostgreSQL the projections' batches commit without waiting for the disk, and only they: the setting holds for
 * the batch's own transaction, every connection's later transactions (a command's) commit durably again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ViewCommitsPostgresTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "ViewCommits");
    }

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void bothProjectionsBatchesCommitWithoutWaitingAndNothingElse() {
        for (String projection : List.of(RegisterStore.PROJECTION, AuditStore.PROJECTION)) {
            assertThat(processing.interceptorsFor(projection)).as(projection)
                    .anyMatch(interceptor -> interceptor instanceof ViewCommits);
        }
        assertThat(processing.interceptorsFor("series-directory")).noneMatch(interceptor -> interceptor instanceof ViewCommits);
    }

    @Test
    void theSettingHoldsForTheBatchsTransactionOnly() {
        // one connection for both transactions: a setting that outlived the batch would show in the second
        SingleConnectionDataSource connection = new SingleConnectionDataSource(TestPostgres.newDatabase("ViewCommitsOne"),
                TestPostgres.USER, TestPostgres.PASSWORD, true);
        JdbcTemplate jdbc = new JdbcTemplate(connection);
        // as the service's pool opens each connection (application-postgres.yml)
        jdbc.execute("SET synchronous_commit TO on");
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(connection));
        ViewCommits commits = new ViewCommits(jdbc);
        List<String> seen = new ArrayList<>();
        try {
            transaction.executeWithoutResult(status -> {
                seen.add(jdbc.queryForObject("show synchronous_commit", String.class));
                DefaultUnitOfWork<EventMessage<?>> batch = DefaultUnitOfWork.startAndGet(
                        GenericEventMessage.asEventMessage("an event"));
                batch.execute(() -> {
                    try {
                        commits.handle(batch,
                                () -> seen.add(jdbc.queryForObject("show synchronous_commit", String.class)));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            });
            transaction.executeWithoutResult(status ->
                    seen.add(jdbc.queryForObject("show synchronous_commit", String.class)));
        } finally {
            connection.destroy();
        }
        assertThat(seen).containsExactly("on", "off", "on");
    }
}
