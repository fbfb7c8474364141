package io.sartracker.service.config;

import org.axonframework.common.AxonThreadFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The thread of a pooled processor's coordinator, which reads the event store and hands each event to the
 * processor's work packages. When one of its work packages already holds 1,024 events, Axon's coordinator (4.13)
 * looks again after 100 ms, and a work package done with its batch does not tell it: catching up or
 * rebuilding a store whose series interleave (both segments busy), each projection took about 1,024 events a round
 * (BENCHMARKS.md, changes 33 and 49). Here that short wait ends as soon as a work package begins a batch
 * ({@link #roomAgain()}): it has taken the batch's events out of its queue, so the coordinator can fill it
 * again while the batch is handled. Longer waits (the idle look, the back-off after an error, 500 ms and
 * more) keep their delay.
 */
public final class CoordinatorExecutor extends ScheduledThreadPoolExecutor {
    /** Waits shorter than this are the coordinator's wait for room in its work packages. */
    static final Duration WAIT_FOR_ROOM = Duration.ofMillis(500);

    /** A wait for room: its task runs once, at its time or when room is found, whichever claims it first. */
    private record Waiting(Runnable task, AtomicBoolean claimed, ScheduledFuture<?> scheduled) {
    }

    private final AtomicReference<Waiting> waitingForRoom = new AtomicReference<>();

    /** @param processor the processor's name, for the thread's ("Coordinator[name]-0", as Axon names it) */
    public CoordinatorExecutor(String processor) {
        super(1, new AxonThreadFactory("Coordinator[" + processor + "]"));
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        if (delay <= 0 || unit.toNanos(delay) >= WAIT_FOR_ROOM.toNanos()) {
            return super.schedule(task, delay, unit);
        }
        AtomicBoolean claimed = new AtomicBoolean();
        ScheduledFuture<?> scheduled = super.schedule(() -> {
            if (claimed.compareAndSet(false, true)) {
                task.run();
            }
        }, delay, unit);
        waitingForRoom.set(new Waiting(task, claimed, scheduled));
        return scheduled;
    }

    /** An interceptor of the processor's handlers that calls {@link #roomAgain()} as each batch begins. */
    public MessageHandlerInterceptor<EventMessage<?>> roomAsEachBatchBegins() {
        String begun = CoordinatorExecutor.class.getName() + "@" + System.identityHashCode(this);
        return (unitOfWork, chain) -> {
            unitOfWork.root().getOrComputeResource(begun, key -> {
                roomAgain();
                return Boolean.TRUE;
            });
            return chain.proceed();
        };
    }

    /** A work package has taken a batch out of its queue: a coordinator waiting for room looks again now. */
    public void roomAgain() {
        Waiting waiting = waitingForRoom.getAndSet(null);
        if (waiting != null && waiting.claimed().compareAndSet(false, true)) {
            waiting.scheduled().cancel(false);
            execute(waiting.task());
        }
    }
}
