package io.sartracker.service.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.sartracker.command.directory.JdbcSeriesDirectory;
import io.sartracker.command.issuer.IssuerCommandHandler;
import io.sartracker.command.person.PersonAtIssuer;
import io.sartracker.command.series.EventStoreHoldingReplay;
import io.sartracker.command.series.ExpectedVersionTargetResolver;
import io.sartracker.command.series.SeriesEventStore;
import io.sartracker.command.series.StockAcquisitionRight;
import io.sartracker.query.history.IsoDateModule;
import io.sartracker.query.history.ValueTypesModule;
import io.sartracker.query.store.EventPositions;
import io.sartracker.service.imports.ImportCacheClearing;
import io.sartracker.service.imports.SpringManagedConnections;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.Repository;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executor;

/** Wires the command side into Axon: serializer, snapshots, the issuer handler, audit metadata. */
@Configuration
public class AxonConfig {

    /** The issuer's calendar: every business date is read in Asia/Tokyo (RULES.md). */
    public static final ZoneId ISSUER_ZONE = ZoneId.of("Asia/Tokyo");

    @Bean
    Clock clock() {
        return Clock.system(ISSUER_ZONE);
    }

    /**
     * One mapper for events, snapshots, messages and HTTP: ISO dates, unknown properties ignored
     * (an event revision may add a field; older readers keep working), ISO dates read by their digits
     * ({@link IsoDateModule}, after Spring Boot's JavaTimeModule), the kernel's values built by their factories
     * without reflection ({@link ValueTypesModule}).
     */
    @Bean
    @Primary
    ObjectMapper defaultAxonObjectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.postConfigurer(mapper -> mapper.registerModules(new IsoDateModule(),
                new ValueTypesModule())).build();
    }

    /**
     * The events' serializer as Axon's auto-configuration builds it for {@code axon.serializer.events: jackson}
     * (which steps back once this one is defined), keeping each payload's class and reader
     * ({@link EventPayloadSerializer}).
     */
    @Bean
    @Qualifier("eventSerializer")
    EventPayloadSerializer eventSerializer(RevisionResolver revisionResolver, ObjectMapper defaultAxonObjectMapper) {
        return new EventPayloadSerializer(JacksonSerializer.builder().revisionResolver(revisionResolver)
                .converter(new ChainingConverter(EventPayloadSerializer.class.getClassLoader()))
                .objectMapper(defaultAxonObjectMapper));
    }

    /** Axon's JDBC connections; one bound to a Spring transaction is left to that transaction to end. */
    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringManagedConnections(dataSource));
    }

    /** Empties the aggregate caches when an import ends (see {@link ImportCacheClearing}). */
    @Bean
    ImportCacheClearing importCacheClearing(AggregateCache seriesCache, AggregateCache personCache) {
        return new ImportCacheClearing(List.of(seriesCache, personCache));
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueViolationResolver();
    }

    /**
     * Snapshots are taken on a thread of their own after the command has answered. Axon's default takes one on
     * the command's thread after its commit, so every 50th command on a series waited while the series was read
     * from its last snapshot and events and written again: the p99 of a command on a long series. A snapshot is
     * no fact (a lost one is taken again later); the tasks still queued are finished at shutdown.
     */
    @Bean
    ThreadPoolTaskExecutor snapshotTaking() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setThreadNamePrefix("snapshot-");
        executor.setDaemon(true);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        return executor;
    }

    /**
     * Axon's snapshotter as its Spring Boot configuration makes it, with {@link #snapshotTaking()} for executor.
     * Axon hands a snapshot over once the command's unit of work has committed; an import's lines commit into
     * the import's one transaction, still open then, so the snapshot thread would find none of their events
     * (a warning for each). A snapshot asked for inside a Spring transaction is therefore taken once it
     * commits, and not at all if it rolls back.
     */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                    HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    EventStore eventStore, TransactionManager transactionManager,
                                                    SnapshotterSpanFactory spanFactory,
                                                    ThreadPoolTaskExecutor snapshotTaking) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(afterTheTransaction(snapshotTaking))
                .build();
    }

    private static Executor afterTheTransaction(Executor executor) {
        return task -> {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        executor.execute(task);
                    }
                });
            } else {
                executor.execute(task);
            }
        };
    }

    @Bean
    SnapshotTriggerDefinition seriesSnapshotTrigger(Snapshotter snapshotter,
                                                    @Value("${tracker.snapshot-threshold}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * Snapshots of a series are used only when written in the aggregate's current shape (its
     * {@code @Revision}); one of another revision is skipped and the series is rebuilt from its events.
     */
    @Bean
    SnapshotFilter seriesSnapshotFilter() {
        // the type as the event store names the aggregate (its simple name; type(Class) would give the full
        // class name, match no stored snapshot and so let every snapshot through)
        return RevisionSnapshotFilter.builder()
                .type(StockAcquisitionRight.class.getSimpleName())
                .revision(StockAcquisitionRight.class.getAnnotation(Revision.class).value())
                .build();
    }

    /** A person's history snapshot of another revision than the code's is ignored: the stream is read instead. */
    @Bean
    SnapshotFilter personSnapshotFilter() {
        return RevisionSnapshotFilter.builder()
                .type(PersonAtIssuer.class.getSimpleName())
                .revision(PersonAtIssuer.class.getAnnotation(Revision.class).value())
                .build();
    }

    /** Series kept in memory between commands (see {@link AggregateCache}), the most recently used first. */
    @Bean
    AggregateCache seriesCache(JdbcTemplate jdbc, MeterRegistry meters,
                               @Value("${tracker.aggregate-cache.series}") long maximumSize) {
        return new AggregateCache(StockAcquisitionRight.class, maximumSize, jdbc, meters);
    }

    /** Axon's Micrometer monitors, an event processor's reduced to its latency gauge ({@link ProcessorMetrics}). */
    @Bean
    ProcessorMetrics axonMetricRegistry(MeterRegistry meters) {
        return new ProcessorMetrics(meters);
    }

    /** Tells the aggregate caches which aggregates a rolled-back unit of work changed (Axon finds the bean). */
    @Bean
    ChangedAggregates changedAggregates() {
        return new ChangedAggregates();
    }

    /** People's histories kept in memory between commands. */
    @Bean
    AggregateCache personCache(JdbcTemplate jdbc, MeterRegistry meters,
                               @Value("${tracker.aggregate-cache.people}") long maximumSize) {
        return new AggregateCache(PersonAtIssuer.class, maximumSize, jdbc, meters);
    }

    @Bean
    JdbcSeriesDirectory seriesDirectory(JdbcTemplate jdbc) {
        return new JdbcSeriesDirectory(jdbc);
    }

    @Bean
    IssuerCommandHandler issuerCommandHandler(Repository<StockAcquisitionRight> repository,
                                              Repository<PersonAtIssuer> people,
                                              JdbcSeriesDirectory directory, EventStore eventStore, Clock clock) {
        return new IssuerCommandHandler(repository, people, directory, new EventStoreHoldingReplay(eventStore), clock);
    }

    /**
     * Axon's JDBC storage engine as its auto-configuration builds it (which steps back once the event store
     * below is defined), with snapshots compressed ({@link CompressedSnapshots}) and the events read in
     * batches of {@code tracker.event-store.read-batch} rows, one query each, each event's time read without a
     * {@code DateTimeFormatter} ({@link StoredTimeStorageEngine}).
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, PersistenceExceptionResolver exceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connections, TransactionManager transactions,
                                          EventPositions eventPositions,
                                          @Value("${tracker.event-store.read-batch}") int readBatch) {
        return new StoredTimeStorageEngine(JdbcEventStorageEngine.builder()
                .batchSize(readBatch)
                .snapshotSerializer(new CompressedSnapshots(serializer))
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(exceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(new EventSchema()), eventPositions);
    }

    /**
     * Axon's embedded event store, as its auto-configuration builds it, that reads a series from its first
     * event when its snapshot left out facts that later reversals take back ({@link SeriesEventStore}).
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    SeriesEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                @Value("${tracker.event-store.cached-events}") int cachedEvents) {
        return new SeriesEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .cachedEvents(cachedEvents)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)));
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Who recorded a fact and which command caused it travel from the command to its events. */
    @Bean
    CorrelationDataProvider auditCorrelationProvider() {
        return new SimpleCorrelationDataProvider(AuditMetadata.RECORDED_BY, AuditMetadata.SIGNED_IN_BY,
                AuditMetadata.REQUEST_ID, AuditMetadata.COMMAND);
    }

    /** Loads a series for the version a command expects (If-Match), so the check is atomic with the append. */
    @Bean
    CommandTargetResolver seriesTargetResolver() {
        return new ExpectedVersionTargetResolver();
    }

    /** A stale If-Match is answered as such even when the command would also break a rule now. */
    @Bean
    ExpectedVersionCheck expectedVersionCheck() {
        return new ExpectedVersionCheck();
    }

    /** Wakes the projections when this node commits events (see {@link ProcessorWakeUp}). */
    @Bean
    ProcessorWakeUp processorWakeUp(EventStore eventStore) {
        ProcessorWakeUp wakeUp = new ProcessorWakeUp(ProcessorWakeUp.LOOK_AGAIN);
        eventStore.registerDispatchInterceptor(wakeUp);
        return wakeUp;
    }

    /** The projections' source (application.yml, processors' {@code source}): the event store, waking them. */
    @Bean
    StreamableMessageSource<TrackedEventMessage<?>> projectionEventSource(ProcessorWakeUp wakeUp, EventStore eventStore) {
        return wakeUp.source(eventStore);
    }

    /** Axon registers it on the command bus as a handler interceptor bean; the event store needs telling. */
    @Bean
    RecordedEvents recordedEvents(EventStore eventStore) {
        RecordedEvents recordedEvents = new RecordedEvents();
        eventStore.registerDispatchInterceptor(recordedEvents);
        return recordedEvents;
    }
}
