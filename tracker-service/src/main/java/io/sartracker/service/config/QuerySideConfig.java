package io.sartracker.service.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.sartracker.query.api.TrackerQueryHandlers;
import io.sartracker.query.replay.ProjectionRebuild;
import io.sartracker.query.store.AuditProjection;
import io.sartracker.query.store.AuditStore;
import io.sartracker.query.store.ProjectionGenerations;
import io.sartracker.query.store.RegisterProjection;
import io.sartracker.query.store.RegisterStore;
import io.sartracker.service.deadletter.DeadLetterHealth;
import io.sartracker.service.deadletter.DeadLetters;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.util.List;

/** Wires the query side: stores, projections, query handlers and the rebuild. */
@Configuration
public class QuerySideConfig {

    @Bean
    ProjectionGenerations projectionGenerations(JdbcTemplate jdbc) {
        return new ProjectionGenerations(jdbc);
    }

    @Bean
    RegisterStore registerStore(JdbcTemplate jdbc) {
        return new RegisterStore(jdbc);
    }

    @Bean
    AuditStore auditStore(JdbcTemplate jdbc) {
        return new AuditStore(jdbc);
    }

    @Bean
    RegisterProjection registerProjection(RegisterStore store, ProjectionGenerations generations) {
        return new RegisterProjection(store, generations);
    }

    @Bean
    AuditProjection auditProjection(AuditStore store, ProjectionGenerations generations) {
        return new AuditProjection(store, generations);
    }

    @Bean
    TrackerQueryHandlers trackerQueryHandlers(RegisterStore registers, AuditStore audit,
                                              ProjectionGenerations generations, EventStore eventStore, Clock clock) {
        return new TrackerQueryHandlers(registers, audit, generations, eventStore, clock);
    }

    @Bean
    ProjectionRebuild projectionRebuild(EventProcessingConfiguration processing, EventStore eventStore,
                                        ProjectionGenerations generations, TransactionManager transactions,
                                        Clock clock) {
        return new ProjectionRebuild(List.of(
                new ProjectionRebuild.Projection(RegisterStore.PROJECTION, RegisterStore.TABLES),
                new ProjectionRebuild.Projection(AuditStore.PROJECTION, AuditStore.TABLES)),
                processing, eventStore, generations, transactions, clock);
    }

    @Bean
    DeadLetters deadLetters(EventProcessingConfiguration processing, MeterRegistry meters) {
        return new DeadLetters(processing, List.of(RegisterStore.PROJECTION, AuditStore.PROJECTION), meters);
    }

    @Bean
    DeadLetterHealth deadLettersHealthIndicator(DeadLetters deadLetters) {
        return new DeadLetterHealth(deadLetters);
    }

    /** Watches a rebuild: logs its progress and makes the new generation active once it has caught up. */
    @Bean
    RebuildWatch rebuildWatch(ProjectionRebuild rebuild, ProjectionGenerations generations) {
        return new RebuildWatch(rebuild, generations);
    }

    static class RebuildWatch {
        private final ProjectionRebuild rebuild;
        private final ProjectionGenerations generations;

        RebuildWatch(ProjectionRebuild rebuild, ProjectionGenerations generations) {
            this.rebuild = rebuild;
            this.generations = generations;
        }

        @Scheduled(fixedDelayString = "${tracker.rebuild.check-interval:PT1S}")
        void check() {
            if (generations.rebuild(RegisterStore.PROJECTION).isPresent()
                    || generations.rebuild(AuditStore.PROJECTION).isPresent()) {
                rebuild.watch();
            }
        }
    }
}
