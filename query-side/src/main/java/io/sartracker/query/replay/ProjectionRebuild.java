package io.sartracker.query.replay;

import io.sartracker.query.store.ProjectionGenerations;
import io.sartracker.query.store.ProjectionTable;
import io.sartracker.query.store.RebuildRequest;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * Rebuilds projections from the event store: a new generation of rows is written from the first
 * event while queries keep reading the active one; once the processor has reached the head of the
 * store as it was when the rebuild began, the new generation becomes active. Progress compares the
 * least position of the projection's stored tokens (one per segment, each stored in the transaction that
 * writes its batch's rows) to that head: not Axon's replay flag, which stays set until a newer event
 * arrives, nor a processor's in-memory position, which moves before its batch commits.
 */
public class ProjectionRebuild implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    /** Rows of a retired generation deleted per transaction. */
    static final int RETIRED_ROWS_PER_TRANSACTION = 10_000;

    /** A projection: its processing group (= processor name) and its tables. */
    public record Projection(String name, List<ProjectionTable> tables) {
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
    private final TokenStore tokens;
    private final boolean keepsProjections;
    private final ToLongFunction<String> committedPosition;
    /** Projections whose processor this node stopped for a requested rebuild, to start again once it is begun. */
    private final Set<String> pausedHere = new HashSet<>();
    /** Projections this node switched to their new generation, whose retired rows wait for every rebuild to end. */
    private final Set<Projection> retiredRowsDue = new LinkedHashSet<>();
    /**
     * Deletes a retired generation's rows after the switch, away from whoever asked for the progress: at 75,000
     * events it took H2 about 5 s, which a progress request (and the lock it holds) would otherwise wait out.
     */
    private final ExecutorService retiredRows = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "retired-rows");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closing;

    public ProjectionRebuild(List<Projection> projections, EventProcessingConfiguration processing,
                             EventStore eventStore, ProjectionGenerations generations,
                             TransactionManager transactions, Clock clock, TokenStore tokens,
                             boolean keepsProjections, ToLongFunction<String> committedPosition) {
        this.projections = List.copyOf(projections);
        this.processing = processing;
        this.eventStore = eventStore;
        this.generations = generations;
        this.transactions = transactions;
        this.clock = clock;
        this.tokens = tokens;
        this.keepsProjections = keepsProjections;
        this.committedPosition = committedPosition;
    }

    /**
     * Starts rebuilding every projection not already being rebuilt, on every node: see
     * {@link #start(Collection)}.
     */
    public List<Progress> start() {
        return start(projections.stream().map(Projection::name).toList());
    }

    /**
     * Asks for a rebuild of the named projections (those not already asked for or being rebuilt), on
     * whichever node the request arrives. The request is a row in the database that every node reads
     * within a second ({@link #coordinate()}): each node stops its processor of the projection, which
     * releases its token claims; the first node that can then claim every segment resets the tokens
     * with a {@link RebuildRequest} (each projection's reset handler opens its next generation in the
     * same transaction, which also takes the request, so the tokens are reset once), releases the
     * claims, and every node starts its processor again.
     */
    public List<Progress> start(Collection<String> names) {
        long head = headIndex();
        Instant now = clock.instant();
        for (Projection projection : projections) {
            if (names.contains(projection.name()) && generations.requestRebuild(projection.name(), now, head)) {
                log.info("Rebuild of projection {} requested, from the first event up to global index {}",
                        projection.name(), head);
            }
        }
        coordinate();
        return progress();
    }

    /**
     * Carries out requested rebuilds as far as this node can: stops its processor of each projection
     * with a request waiting, resets the tokens once no node claims them any more, and starts the
     * processor again once the request is taken (here or on another node). Run every half second.
     */
    public synchronized void coordinate() {
        if (!keepsProjections) {
            return;
        }
        for (Projection projection : projections) {
            Optional<ProjectionGenerations.RebuildRequested> requested = generations.rebuildRequested(projection.name());
            StreamingEventProcessor processor = processor(projection.name());
            if (requested.isPresent()) {
                if (processor.isRunning()) {
                    // lets go of its claims, so that one node can claim every segment and reset them
                    processor.shutDown();
                    pausedHere.add(projection.name());
                }
                if (reset(projection, processor, requested.get())) {
                    log.info("Rebuilding projection {} from the first event up to global index {}", projection.name(),
                            requested.get().headIndex());
                } else {
                    continue;
                }
            }
            if (pausedHere.remove(projection.name()) && !processor.isRunning()) {
                processor.start();
            }
        }
    }

    /** Whether this node has stopped the projection's processor for a rebuild that is about to begin. */
    public synchronized boolean pausedForRebuild(String projection) {
        return pausedHere.contains(projection);
    }

    /** Resets the tokens, taking the request in the same transaction; false when another node holds a claim. */
    private boolean reset(Projection projection, StreamingEventProcessor processor,
                          ProjectionGenerations.RebuildRequested requested) {
        try {
            return transactions.fetchInTransaction(() -> {
                if (!generations.takeRebuildRequest(projection.name(), requested)) {
                    return false;
                }
                processor.resetTokens(new RebuildRequest(requested.requestedAt(), requested.headIndex()));
                // resetTokens claimed every segment for this node: let any node take them
                for (int segment : tokens.fetchSegments(projection.name())) {
                    tokens.releaseClaim(projection.name(), segment);
                }
                return true;
            });
        } catch (UnableToClaimTokenException stillClaimed) {
            log.debug("Rebuild of {} waits: another node still claims a segment ({})", projection.name(),
                    stillClaimed.getMessage());
            return false;
        }
    }

    /**
     * The progress of every projection; completes a rebuild that has caught up. Once none is rebuilding, the
     * retired rows of those this node completed are deleted: on H2 deleting one projection's rows took the CPU and
     * the store's writer from another's rebuild still under way (BENCHMARKS.md, change 66).
     */
    public synchronized List<Progress> progress() {
        List<Progress> progress = projections.stream().map(this::progressOf).toList();
        if (!retiredRowsDue.isEmpty() && progress.stream().noneMatch(Progress::rebuilding)) {
            retiredRowsDue.forEach(projection -> retiredRows.execute(() -> deleteRetiredRows(projection)));
            retiredRowsDue.clear();
        }
        return progress;
    }

    /** Whether this node completed a rebuild whose retired rows wait for the others to end (see {@link #progress()}). */
    public synchronized boolean retiredRowsWaiting() {
        return !retiredRowsDue.isEmpty();
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
            Optional<ProjectionGenerations.RebuildRequested> requested = generations.rebuildRequested(projection.name());
            if (requested.isPresent()) {
                // asked for, waiting for the nodes to let go of the projection: nothing done yet
                return new Progress(projection.name(), true, active, active + 1, 0,
                        Math.max(0, requested.get().headIndex()), 0, null, requested.get().requestedAt());
            }
            return new Progress(projection.name(), false, active, null, 0, 0, 0, null, null);
        }
        // Global indexes count the events (an identity column starting at 1; a rare gap only blurs the estimate).
        long total = Math.max(0, rebuild.get().headIndex());
        // Every segment's stored token: Axon stores it in the transaction that writes the batch's rows, so
        // the least position over the segments is how far every row is committed, however many segments.
        long done = Math.min(total, Math.max(0, committedPosition.applyAsLong(projection.name())));
        double seconds = Math.max(0.001, Duration.between(rebuild.get().startedAt(), clock.instant()).toMillis() / 1000.0);
        if (done >= total) {
            if (transactions.fetchInTransaction(() -> generations.completeRebuild(projection.name()))) {
                log.info("Rebuilt projection {}: {} events in {} s ({} events/s); generation {} is now active",
                    projection.name(), total, String.format("%.1f", seconds), String.format("%.0f", total / seconds),
                    rebuild.get().generation());
                retiredRowsDue.add(projection);
            }
            return new Progress(projection.name(), false, rebuild.get().generation(), null, total, total,
                    total / seconds, 0L, rebuild.get().startedAt());
        }
        double rate = done / seconds;
        Long left = rate > 0 ? (long) Math.ceil((total - done) / rate) : null;
        return new Progress(projection.name(), true, active, rebuild.get().generation(), done, total, rate, left,
                rebuild.get().startedAt());
    }

    /**
     * The rows of the generation just retired, deleted a batch per transaction: one delete of every row
     * (a million audit rows at a million events) made H2 write a single 280 MB chunk and run out of memory.
     * Rows a node leaves behind when it stops halfway are older than the active generation still, and go
     * with the next rebuild's.
     */
    private void deleteRetiredRows(Projection projection) {
        long deleted = 0;
        for (ProjectionTable table : projection.tables()) {
            int batch;
            do {
                if (closing) {
                    log.info("Stopped deleting projection {}'s retired rows after {}: the next rebuild deletes the rest",
                            projection.name(), deleted);
                    return;
                }
                batch = transactions.fetchInTransaction(() -> generations.deleteRetiredRows(projection.name(), table,
                        RETIRED_ROWS_PER_TRANSACTION));
                deleted += batch;
            } while (batch > 0);
        }
        log.info("Deleted the {} rows of projection {}'s retired generation", deleted, projection.name());
    }

    /**
     * Stops deleting retired rows after the transaction under way (not by an interrupt, which would close H2's
     * file channel under it); the rows left go with the next rebuild's.
     */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        retiredRows.shutdown();
        if (!retiredRows.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("Retired rows were still being deleted when the service stopped");
        }
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
