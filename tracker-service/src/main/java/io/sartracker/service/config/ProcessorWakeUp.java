package io.sartracker.service.config;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * Wakes the projections' pooled processors as soon as this node has committed events, instead of
 * their idle look every 500 ms: a command then shows in the views within milliseconds.
 * <p>
 * Axon's pooled coordinator asks its event stream for an "events available" callback; the embedded
 * event store's stream offers none, so the coordinator looks again every 500 ms. The processors read
 * through {@link #source} instead, whose streams accept the callback: it is called after the commit of
 * every unit of work that appended events here, and every {@link #LOOK_AGAIN} (as before) for the events
 * other nodes append. The embedded store hands a commit's events to its streams one by one, from a thread
 * of its own woken by the same commit: a coordinator can read the first of them and find the rest not yet
 * there. For {@link #HAND_OVER} after this node's latest commit, a stream that has nothing to give therefore
 * waits for more in short slices before it says so; otherwise the coordinator would sleep until the next
 * periodic look with a committed event unread (BENCHMARKS.md, change 11).
 */
public final class ProcessorWakeUp implements MessageDispatchInterceptor<EventMessage<?>>, AutoCloseable {
    /** How often idle processors look for other nodes' events: Axon's own idle look. */
    public static final Duration LOOK_AGAIN = Duration.ofMillis(500);
    static final Duration HAND_OVER = Duration.ofMillis(100);
    /** Short, so that a hand-over signalled just before a wait began costs no more than this. */
    private static final int SLICE_MILLIS = 5;
    private static final String REGISTERED = ProcessorWakeUp.class.getName();

    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();
    private final AtomicLong lastCommitNanos = new AtomicLong(System.nanoTime() - 2 * HAND_OVER.toNanos());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "processor-wake-up");
        thread.setDaemon(true);
        return thread;
    });

    public ProcessorWakeUp(Duration lookAgain) {
        timer.scheduleWithFixedDelay(this::wakeAll, lookAgain.toMillis(), lookAgain.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().getOrComputeResource(REGISTERED, key -> {
                CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> {
                    lastCommitNanos.set(System.nanoTime());
                    wakeAll();
                });
                return Boolean.TRUE;
            });
        }
        return (index, event) -> event;
    }

    private void wakeAll() {
        callbacks.forEach(Runnable::run);
    }

    /** The event store as the processors' source: the same events, in streams that accept the callback. */
    public StreamableMessageSource<TrackedEventMessage<?>> source(StreamableMessageSource<TrackedEventMessage<?>> store) {
        return new StreamableMessageSource<>() {
            @Override
            public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
                return new WakingStream(store.openStream(trackingToken));
            }

            @Override
            public TrackingToken createTailToken() {
                return store.createTailToken();
            }

            @Override
            public TrackingToken createHeadToken() {
                return store.createHeadToken();
            }

            @Override
            public TrackingToken createTokenAt(Instant dateTime) {
                return store.createTokenAt(dateTime);
            }

            @Override
            public TrackingToken createTokenSince(Duration duration) {
                return store.createTokenSince(duration);
            }
        };
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private final class WakingStream implements BlockingStream<TrackedEventMessage<?>> {
        private final BlockingStream<TrackedEventMessage<?>> events;
        private Runnable callback;

        WakingStream(BlockingStream<TrackedEventMessage<?>> events) {
            this.events = events;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            callbacks.remove(this.callback);
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public boolean hasNextAvailable() {
            if (events.hasNextAvailable()) {
                return true;
            }
            try {
                while (System.nanoTime() - lastCommitNanos.get() < HAND_OVER.toNanos()) {
                    if (events.hasNextAvailable(SLICE_MILLIS, TimeUnit.MILLISECONDS)) {
                        return true;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return events.hasNextAvailable(timeout, unit);
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return events.peek();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return events.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            callbacks.remove(callback);
            events.close();
        }
    }
}
