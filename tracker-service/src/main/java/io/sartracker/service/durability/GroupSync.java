package io.sartracker.service.durability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Group commit for a store whose commits reach the disk only when told to (H2's MVStore writes every
 * half second by default). A command thread whose transaction has committed calls
 * {@link #awaitDurable()} before its answer leaves; one syncer thread forces the store to disk for
 * every thread waiting at that moment, so concurrent commands share one write and one fsync.
 * <p>
 * A caller is released only by a sync that <em>started</em> after its own commit, so the sync it
 * waits for covers that commit. With no command waiting, the thread still syncs once per flush
 * interval, so that every write H2 makes reaches the disk within that interval.
 */
public final class GroupSync implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupSync.class);

    /** Forces everything committed so far to stable storage. */
    @FunctionalInterface
    public interface StoreSync {
        void sync() throws Exception;
    }

    /**
     * The commit was made but the disk did not confirm it: it may be lost on a power failure, so the
     * request must not be answered as recorded. A retry with the same Idempotency-Key tells.
     */
    public static final class NotDurableException extends RuntimeException {
        NotDurableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final StoreSync store;
    private final Duration bound;
    private final Duration flushInterval;
    private final Thread syncer;
    private final Counter syncs;
    private final Counter waits;
    private final Timer syncTime;

    private long requested;
    private long started;
    private long completed;
    private long failedFrom = Long.MAX_VALUE;
    private Exception failure;
    private boolean closed;

    public GroupSync(StoreSync store, Duration bound, Duration flushInterval, MeterRegistry meters) {
        this.store = store;
        this.bound = bound;
        this.flushInterval = flushInterval;
        this.syncs = Counter.builder("tracker.store.syncs").description("forced writes of the store to disk")
                .register(meters);
        this.waits = Counter.builder("tracker.store.sync.waits")
                .description("commands that waited for their commit to reach the disk").register(meters);
        this.syncTime = Timer.builder("tracker.store.sync.time").description("time of one forced write")
                .register(meters);
        this.syncer = new Thread(this::run, "store-group-sync");
        this.syncer.setDaemon(true);
        this.syncer.start();
    }

    /**
     * Returns once everything this thread has committed is on disk.
     *
     * @throws NotDurableException when the store could not be synced within the bound
     */
    public void awaitDurable() {
        waits.increment();
        long deadline = System.nanoTime() + bound.toNanos();
        synchronized (this) {
            long ticket = started + 1;
            requested = Math.max(requested, ticket);
            notifyAll();
            while (completed < ticket) {
                long left = deadline - System.nanoTime();
                if (closed || left <= 0) {
                    throw new NotDurableException("the store did not confirm the commit on disk within " + bound, null);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new NotDurableException("interrupted while waiting for the commit to reach the disk", e);
                }
            }
            if (ticket >= failedFrom && failure != null) {
                throw new NotDurableException("the store failed to write the commit to disk", failure);
            }
        }
    }

    private void run() {
        while (true) {
            long generation;
            synchronized (this) {
                // Wait for a command, but sync at least every flush interval: what H2's background writer
                // wrote (the projections, say) then reaches the disk well within H2's retention time, the
                // delay after which H2 may write over the space of chunks no longer used.
                long idleUntil = System.nanoTime() + flushInterval.toNanos();
                while (requested <= started && !closed && System.nanoTime() < idleUntil) {
                    try {
                        TimeUnit.NANOSECONDS.timedWait(this, idleUntil - System.nanoTime());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                generation = ++started;
            }
            Exception error = null;
            long begin = System.nanoTime();
            try {
                store.sync();
            } catch (Exception e) {
                error = e;
                log.error("Forcing the store to disk failed", e);
            }
            syncTime.record(System.nanoTime() - begin, TimeUnit.NANOSECONDS);
            syncs.increment();
            synchronized (this) {
                completed = generation;
                if (error != null) {
                    failure = error;
                    failedFrom = Math.min(failedFrom, generation);
                } else if (generation > failedFrom) {
                    // A later sync succeeded: what the failed one covered is on disk now.
                    failure = null;
                    failedFrom = Long.MAX_VALUE;
                }
                notifyAll();
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
    }
}
