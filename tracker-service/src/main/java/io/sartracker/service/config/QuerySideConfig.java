package io.sartracker.service.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.sartracker.query.api.TrackerQueryHandlers;
import io.sartracker.query.history.SeriesHistories;
import io.sartracker.query.history.StoredEvents;
import io.sartracker.query.register.SeriesRegister;
import io.sartracker.query.replay.ProjectionRebuild;
import io.sartracker.query.store.AuditProjection;
import io.sartracker.query.store.AuditStore;
import io.sartracker.query.store.EventPositions;
import io.sartracker.query.store.HoldingHistories;
import io.sartracker.query.store.ProjectionGenerations;
import io.sartracker.query.store.RegisterProjection;
import io.sartracker.query.store.RegisterStore;
import io.sartracker.service.deadletter.DeadLetterHealth;
import io.sartracker.service.deadletter.DeadLetters;
import io.sartracker.service.cluster.TokenPositions;
import io.sartracker.service.cluster.TrackerNode;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
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

    /** Single events read from the event store's table, deserialized with the event store's serializer and upcasters. */
    @Bean
    StoredEvents storedEvents(JdbcTemplate jdbc, @Qualifier("eventSerializer") JacksonSerializer eventSerializer,
                              org.axonframework.config.Configuration configuration) {
        return new StoredEvents(jdbc, eventSerializer, configuration.upcasterChain());
    }

    @Bean
    AuditStore auditStore(JdbcTemplate jdbc, StoredEvents events, EventPositions eventPositions) {
        return new AuditStore(jdbc, events, eventPositions);
    }

    /** The places of the last 16,384 events the projections' streams read: 16 of their largest batches. */
    @Bean
    EventPositions eventPositions() {
        return new EventPositions(16_384);
    }

    /** Keeps the folded documents of this many series between batches (tracker.projections.kept-registers). */
    @Bean
    RegisterProjection registerProjection(RegisterStore store, ProjectionGenerations generations,
                                          SeriesHistories histories, StoredEvents events,
                                          @Value("${tracker.projections.kept-registers}") int keptRegisters) {
        return new RegisterProjection(store, generations, histories, events, keptRegisters);
    }

    @Bean
    AuditProjection auditProjection(AuditStore store, ProjectionGenerations generations) {
        return new AuditProjection(store, generations);
    }

    /** The series' events the as-of views fold, kept deserialized (tracker.projections.kept-history-events). */
    @Bean
    SeriesHistories seriesHistories(StoredEvents storedEvents,
                                    @Value("${tracker.projections.kept-history-events}") long keptEvents) {
        return new SeriesHistories(storedEvents::ofSeries, keptEvents);
    }

    /** A person's holdings in a series, read as a few events instead of the series' whole stream. */
    @Bean
    HoldingHistories holdingHistories(AuditStore audit, ProjectionGenerations generations, StoredEvents storedEvents,
                                      SeriesHistories histories) {
        return new HoldingHistories(audit, generations, storedEvents, histories);
    }

    @Bean
    TrackerQueryHandlers trackerQueryHandlers(RegisterStore registers, AuditStore audit,
                                              ProjectionGenerations generations, SeriesHistories histories,
                                              HoldingHistories holdingHistories, Clock clock) {
        return new TrackerQueryHandlers(registers, audit, generations, histories, holdingHistories, clock);
    }

    @Bean
    ProjectionRebuild projectionRebuild(EventProcessingConfiguration processing, EventStore eventStore,
                                        ProjectionGenerations generations, TransactionManager transactions,
                                        Clock clock, TokenStore tokens, TrackerNode node,
                                        TokenPositions positions) {
        return new ProjectionRebuild(List.of(
                new ProjectionRebuild.Projection(RegisterStore.PROJECTION, RegisterStore.TABLES),
                new ProjectionRebuild.Projection(AuditStore.PROJECTION, AuditStore.TABLES)),
                processing, eventStore, generations, transactions, clock, tokens, node.keepsProjections(),
                positions::least);
    }

    @Bean
    DeadLetters deadLetters(EventProcessingConfiguration processing, MeterRegistry meters) {
        return new DeadLetters(processing, List.of(RegisterStore.PROJECTION, AuditStore.PROJECTION), meters);
    }

    @Bean
    DeadLetterHealth deadLettersHealthIndicator(DeadLetters deadLetters) {
        return new DeadLetterHealth(deadLetters);
    }

    /** At start-up, re-folds the register projection when its stored documents are of another shape. */
    @Bean
    RegisterFormatCheck registerFormatCheck(RegisterStore registers, ProjectionGenerations generations,
                                            ProjectionRebuild rebuild) {
        return new RegisterFormatCheck(registers, generations, rebuild);
    }

    /**
     * The stored register documents carry the shape they were written in ({@link SeriesRegister#FORMAT_VERSION}).
     * When the active generation holds documents of another shape, the register projection is rebuilt from
     * the events (a new generation, queries answering meanwhile by folding the events of each such series),
     * rather than read with zeros and nulls where fields were added.
     */
    public static class RegisterFormatCheck {
        private static final Logger log = LoggerFactory.getLogger(RegisterFormatCheck.class);
        private final RegisterStore registers;
        private final ProjectionGenerations generations;
        private final ProjectionRebuild rebuild;

        RegisterFormatCheck(RegisterStore registers, ProjectionGenerations generations, ProjectionRebuild rebuild) {
            this.registers = registers;
            this.generations = generations;
            this.rebuild = rebuild;
        }

        /** @return true when a re-fold was started */
        @EventListener(ApplicationReadyEvent.class)
        public boolean atStartUp() {
            if (generations.rebuild(RegisterStore.PROJECTION).isPresent()) {
                return false;
            }
            int stale = registers.documentsOfOtherFormat(generations.active(RegisterStore.PROJECTION));
            if (stale == 0) {
                return false;
            }
            log.info("{} stored register documents are not of format {}: re-folding the register projection"
                    + " from the events", stale, SeriesRegister.FORMAT_VERSION);
            rebuild.start(List.of(RegisterStore.PROJECTION));
            return true;
        }
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

        /** A rebuild asked for on any node: this node lets go of the projection, resets it or resumes. */
        @Scheduled(fixedDelayString = "${tracker.rebuild.coordinate-interval:PT0.5S}")
        void coordinate() {
            rebuild.coordinate();
        }

        @Scheduled(fixedDelayString = "${tracker.rebuild.check-interval:PT1S}")
        void check() {
            // also while a rebuild this node completed waits for another node's to end: its retired rows are deleted then
            if (generations.rebuild(RegisterStore.PROJECTION).isPresent()
                    || generations.rebuild(AuditStore.PROJECTION).isPresent() || rebuild.retiredRowsWaiting()) {
                rebuild.watch();
            }
        }
    }
}
