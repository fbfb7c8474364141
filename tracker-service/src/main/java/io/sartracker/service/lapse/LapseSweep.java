package io.sartracker.service.lapse;

import io.sartracker.command.directory.SeriesDirectory;
import io.sartracker.kernel.command.RecordDueLapses;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.service.cluster.ClusterTasks;
import io.sartracker.service.cluster.TrackerNode;
import io.sartracker.service.config.AuditMetadata;
import io.sartracker.service.security.Recorder;
import io.sartracker.service.config.RecordedEvents;
import org.axonframework.commandhandling.GenericCommandMessage;
import io.sartracker.service.durability.DurableAnswers;
import io.sartracker.service.durability.GroupSync;
import org.axonframework.commandhandling.gateway.CommandGateway;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Map;
import java.util.Optional;

/**
 * Records the lapse of rights whose window has closed, by itself (RULES.md 9). It runs at start-up,
 * so nothing is missed while the service was down, and then once per business day of the injected
 * clock. The state it needs is in the event store, not here: a restart loses nothing, and running
 * it twice records nothing twice.
 */
@Component
public class LapseSweep {
    private static final Logger log = LoggerFactory.getLogger(LapseSweep.class);
    /** Its row in cluster_task: the node sweeping holds its lock. */
    static final String TASK = "lapse-sweep";

    private final CommandGateway gateway;
    private final SeriesDirectory directory;
    private final Clock clock;
    private final int graceDays;
    private final DurableAnswers durable;
    private final ClusterTasks tasks;
    private final TrackerNode node;
    private final MeterRegistry meters;
    private final int parallelSeries;

    public LapseSweep(CommandGateway gateway, SeriesDirectory directory, Clock clock,
                      @Value("${tracker.lapse-sweep.grace-days}") int graceDays, DurableAnswers durable,
                      ClusterTasks tasks, TrackerNode node, MeterRegistry meters,
                      @Value("${tracker.lapse-sweep.parallel-series}") int parallelSeries) {
        if (graceDays < 0) {
            throw new IllegalArgumentException("tracker.lapse-sweep.grace-days must not be negative");
        }
        if (parallelSeries < 1) {
            throw new IllegalArgumentException("tracker.lapse-sweep.parallel-series must be at least 1");
        }
        this.gateway = gateway;
        this.directory = directory;
        this.clock = clock;
        this.graceDays = graceDays;
        this.durable = durable;
        this.tasks = tasks;
        this.node = node;
        this.meters = meters;
        this.parallelSeries = parallelSeries;
    }

    /** The outcome of one sweep: lapses recorded per series. */
    public record SweepReport(LocalDate today, LocalDate lapsesDueBy, Map<String, Integer> lapsesRecorded) {
        public int total() {
            return lapsesRecorded.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStartUp() {
        try {
            // even when swept today: facts recorded since (a departure dated in the past, say) may be due now
            sweepUnlessBusy(false, "start-up");
        } catch (GroupSync.NotDurableException e) {
            // The service still starts; the day is not marked swept, so the next check sweeps again.
            log.error("The lapses recorded at start-up were not confirmed on disk; the sweep runs again", e);
        }
    }

    @Scheduled(fixedDelayString = "${tracker.lapse-sweep.check-interval}",
            initialDelayString = "${tracker.lapse-sweep.check-interval}")
    public void whenTheDayChanges() {
        sweepIfDue();
    }

    /**
     * Sweeps unless another node is sweeping now or the sweep of today's business date is done (by any
     * node): of several nodes, exactly one sweeps each day. Nodes without the command role never do.
     */
    public Optional<SweepReport> sweepIfDue() {
        return sweepUnlessBusy(true, "schedule");
    }

    private Optional<SweepReport> sweepUnlessBusy(boolean onlyIfNotSweptToday, String trigger) {
        if (!node.takesCommands()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        return tasks.runAlone(TASK, ClusterTasks.IfBusy.SKIP, today, onlyIfNotSweptToday, () -> sweepOn(today, trigger));
    }

    /** Sweeps now (an operator asked): waits while another node sweeps, then sweeps, alone. */
    public SweepReport sweep() {
        LocalDate today = LocalDate.now(clock);
        return tasks.runAlone(TASK, ClusterTasks.IfBusy.WAIT, today, false, () -> sweepOn(today, "request")).orElseThrow();
    }

    /**
     * Sweeps; counted as {@code tracker.lapse.sweeps{trigger}}: start-up, schedule (a new day) or request.
     * Each series is its own command, so several are swept at once: a series read from its snapshot waits
     * on the database, and the lapses of several series share one sync.
     */
    private synchronized SweepReport sweepOn(LocalDate today, String trigger) {
        meters.counter("tracker.lapse.sweeps", "trigger", trigger).increment();
        long began = System.nanoTime();
        LocalDate dueBy = today.minusDays(graceDays);
        List<SeriesId> series = directory.allSeries();
        ExecutorService sweepers = Executors.newFixedThreadPool(Math.min(parallelSeries, Math.max(1, series.size())),
                runnable -> {
                    Thread sweeper = new Thread(runnable, "lapse-sweep");
                    sweeper.setDaemon(true);
                    return sweeper;
                });
        Map<String, Integer> recorded = new LinkedHashMap<>();
        try {
            List<Future<Integer>> lapses = series.stream()
                    .map(seriesId -> sweepers.submit(() -> sweep(seriesId, dueBy))).toList();
            for (int i = 0; i < series.size(); i++) {
                int count = lapsesOf(lapses.get(i));
                if (count > 0) {
                    recorded.put(series.get(i).value(), count);
                }
            }
        } finally {
            sweepers.shutdown();
        }
        durable.confirm();
        SweepReport report = new SweepReport(today, dueBy, recorded);
        log.info("Lapse sweep on {} (lapses due by {}) by node {}: {} lapse(s) recorded in {} series of {}, {} ms {}",
                today, dueBy, node.id(), report.total(), recorded.size(), series.size(),
                (System.nanoTime() - began) / 1_000_000, recorded);
        return report;
    }

    private static int lapsesOf(Future<Integer> series) {
        try {
            return series.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The lapse sweep was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        }
    }

    /** The lapses recorded in one series; none when it fails (a concurrent writer, say): the next run retries. */
    private int sweep(SeriesId seriesId, LocalDate dueBy) {
        try {
            RecordDueLapses command = new RecordDueLapses(seriesId, dueBy);
            RecordedEvents.Outcome outcome = gateway.sendAndWait(GenericCommandMessage
                    .asCommandMessage(command)
                    .andMetaData(AuditMetadata.of(command, Recorder.SYSTEM, null)));
            return outcome.events().size();
        } catch (RuntimeException e) {
            log.warn("Lapse sweep of series {} failed; it is retried on the next run", seriesId, e);
            return 0;
        }
    }
}
