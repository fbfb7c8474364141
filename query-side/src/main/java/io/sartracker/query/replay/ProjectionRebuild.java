package io.sartracker.query.replay;

import io.sartracker.query.store.ProjectionGenerations;
import io.sartracker.query.store.RebuildRequest;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

/**
 * Rebuilds projections from the event store: a new generation of rows is written from the first
 * event while queries keep reading the active one; once the processor has reached the head of the
 * store as it was when the rebuild began, the new generation becomes active. Progress compares the
 * highest committed global index to that head: not Axon's replay flag, which stays set until a newer
 * event arrives, nor the processor's position, which moves before its batch commits.
 */
public class ProjectionRebuild {
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    /** A projection: its processing group (= processor name) and its tables. */
    public record Projection(String name, List<String> tables) {
    }

    public record Progress(String projection, boolean rebuilding, int activeGeneration, Integer buildingGeneration,
                           long eventsDone, long eventsTotal, double eventsPerSecond, Long secondsLeft,
                           Instant startedAt) {
    }

    private final List<Projection> projections;
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final ProjectionGenerations generations;
    private final TransactionManager transactions;
    private final Clock clock;

    public ProjectionRebuild(List<Projection> projections, EventProcessingConfiguration processing,
                             EventStore eventStore, ProjectionGenerations generations,
                             TransactionManager transactions, Clock clock) {
        this.projections = List.copyOf(projections);
        this.processing = processing;
        this.eventStore = eventStore;
        this.generations = generations;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Starts rebuilding every projection not already being rebuilt: the processor's tokens are reset
     * with a {@link RebuildRequest}, and each projection's reset handler opens its next generation in
     * the same transaction.
     */
    public synchronized List<Progress> start() {
        return start(projections.stream().map(Projection::name).toList());
    }

    /** Starts rebuilding the named projections (those not already being rebuilt), as {@link #start()} does. */
    public synchronized List<Progress> start(Collection<String> names) {
        RebuildRequest request = new RebuildRequest(clock.instant(), headIndex());
        for (Projection projection : projections) {
            if (!names.contains(projection.name()) || generations.rebuild(projection.name()).isPresent()) {
                continue;
            }
            StreamingEventProcessor processor = processor(projection.name());
            processor.shutDown();
            processor.resetTokens(request);
            processor.start();
            log.info("Rebuilding projection {} from the first event up to global index {}", projection.name(),
                    request.headIndex());
        }
        return progress();
    }

    /** The progress of every projection; completes a rebuild that has caught up. */
    public synchronized List<Progress> progress() {
        return projections.stream().map(this::progressOf).toList();
    }

    /** Called every second or so while a rebuild runs: completes it when due and logs how far it is. */
    public void watch() {
        for (Progress progress : progress()) {
            if (progress.rebuilding()) {
                log.info("Rebuilding projection {}: {} of {} events, {} events/s, {} left", progress.projection(),
                        progress.eventsDone(), progress.eventsTotal(), String.format("%.0f", progress.eventsPerSecond()),
                        progress.secondsLeft() == null ? "time unknown" : "about " + progress.secondsLeft() + " s");
            }
        }
    }

    private Progress progressOf(Projection projection) {
        int active = generations.active(projection.name());
        var rebuild = generations.rebuild(projection.name());
        if (rebuild.isEmpty()) {
            return new Progress(projection.name(), false, active, null, 0, 0, 0, null, null);
        }
        // Global indexes count the events (an identity column starting at 1; a rare gap only blurs the estimate).
        long total = Math.max(0, rebuild.get().headIndex());
        long done = Math.min(total, rebuild.get().committedIndex());
        double seconds = Math.max(0.001, Duration.between(rebuild.get().startedAt(), clock.instant()).toMillis() / 1000.0);
        if (done >= total) {
            transactions.executeInTransaction(() -> generations.completeRebuild(projection.name(),
                    projection.tables()));
            log.info("Rebuilt projection {}: {} events in {} s ({} events/s); generation {} is now active",
                    projection.name(), total, String.format("%.1f", seconds), String.format("%.0f", total / seconds),
                    rebuild.get().generation());
            return new Progress(projection.name(), false, rebuild.get().generation(), null, total, total,
                    total / seconds, 0L, rebuild.get().startedAt());
        }
        double rate = done / seconds;
        Long left = rate > 0 ? (long) Math.ceil((total - done) / rate) : null;
        return new Progress(projection.name(), true, active, rebuild.get().generation(), done, total, rate, left,
                rebuild.get().startedAt());
    }

    private long headIndex() {
        TrackingToken head = eventStore.createHeadToken();
        OptionalLong position = head == null ? OptionalLong.empty() : head.position();
        return position.orElse(-1);
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow(
                () -> new IllegalStateException("no streaming event processor " + name));
    }
}
