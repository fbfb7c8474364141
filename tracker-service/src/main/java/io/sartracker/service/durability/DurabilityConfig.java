package io.sartracker.service.durability;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

/**
 * Durable commits on the embedded H2 file: H2 keeps a commit in memory for up to half a second
 * before writing it, so a killed process lost facts it had acknowledged. Every command now waits
 * for a shared {@code CHECKPOINT SYNC} (H2 writes its pending changes and calls fsync) before
 * answering. On PostgreSQL the commit itself is durable ({@code synchronous_commit = on}, set on
 * every connection by the postgres profile), so nothing is added there.
 */
@Configuration
@ConditionalOnExpression("'${spring.datasource.url}'.startsWith('jdbc:h2:file:') and ${tracker.durability.group-sync:true}")
public class DurabilityConfig {
    private static final Logger log = LoggerFactory.getLogger(DurabilityConfig.class);

    @Bean(destroyMethod = "close")
    GroupSync groupSync(DataSource dataSource, MeterRegistry meters,
                        @Value("${tracker.durability.sync-timeout:PT30S}") Duration timeout,
                        @Value("${tracker.durability.flush-interval:PT1S}") Duration flushInterval) {
        log.info("Commands answer once their events are on disk (H2 group commit with CHECKPOINT SYNC)");
        return new GroupSync(() -> {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT SYNC");
            }
        }, timeout, flushInterval, meters);
    }
}
