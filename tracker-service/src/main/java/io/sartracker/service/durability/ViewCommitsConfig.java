package io.sartracker.service.durability;

import io.sartracker.query.store.AuditStore;
import io.sartracker.query.store.RegisterStore;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** The projections' batches commit without waiting for the disk on PostgreSQL ({@link ViewCommits}). */
@Configuration
@ConditionalOnExpression("'${spring.datasource.url}'.startsWith('jdbc:postgresql:') and !${tracker.durability.views-wait-for-disk:false}")
public class ViewCommitsConfig {

    @Bean
    ConfigurerModule viewCommitsWithoutWaitingForTheDisk(JdbcTemplate jdbc) {
        ViewCommits commits = new ViewCommits(jdbc);
        return configurer -> List.of(RegisterStore.PROJECTION, AuditStore.PROJECTION).forEach(projection ->
                configurer.eventProcessing().registerHandlerInterceptor(projection, config -> commits));
    }
}
