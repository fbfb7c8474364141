package io.sartracker.service.config;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coordinator's wait for room in its work packages ends when a batch begins; its longer waits do not,
 * and no wait's task runs twice.
 */
class CoordinatorExecutorTest {
    private final CoordinatorExecutor executor = new CoordinatorExecutor("test");
    private final AtomicInteger runs = new AtomicInteger();

    @AfterEach
    void stop() throws InterruptedException {
        executor.shutdownNow();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theWaitForRoomEndsWhenABatchBegins() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        ScheduledFuture<?> waiting = executor.schedule(() -> {
            runs.incrementAndGet();
            ran.countDown();
        }, 400, TimeUnit.MILLISECONDS);

        executor.roomAgain();

        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(waiting.isCancelled()).as("its scheduled run is called off: it runs once").isTrue();
        executor.roomAgain();
        drain();
        assertThat(runs).hasValue(1);
    }

    @Test
    void theProcessorsInterceptorEndsTheWaitOnceABatchAtItsFirstEvent() throws Exception {
        MessageHandlerInterceptor<EventMessage<?>> interceptor = executor.roomAsEachBatchBegins();
        CountDownLatch firstWaitRan = new CountDownLatch(1);
        executor.schedule(firstWaitRan::countDown, 400, TimeUnit.MILLISECONDS);
        List<EventMessage<?>> events = List.of(GenericEventMessage.asEventMessage("a"),
                GenericEventMessage.asEventMessage("b"));
        AtomicInteger handled = new AtomicInteger();
        AtomicReference<ScheduledFuture<?>> laterWait = new AtomicReference<>();

        // the unit of work runs the task once for each of its events
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        batch.executeWithResult(() -> {
            Object result = interceptor.handle(batch, handled::incrementAndGet);
            if (handled.get() == 1) {
                assertThat(firstWaitRan.await(5, TimeUnit.SECONDS)).as("the wait ended at the batch's first event")
                        .isTrue();
                // the coordinator filled the queue again and waits for room once more, while the batch is handled
                laterWait.set(executor.schedule(runs::incrementAndGet, 400, TimeUnit.MILLISECONDS));
            }
            return result;
        });

        assertThat(handled).as("every event went on to its handler").hasValue(2);
        assertThat(laterWait.get().isCancelled()).as("the same batch's later events leave the new wait alone")
                .isFalse();
    }

    @Test
    void theIdleLookAndTheBackOffAfterAnErrorKeepTheirDelay() {
        ScheduledFuture<?> idle = executor.schedule(runs::incrementAndGet,
                CoordinatorExecutor.WAIT_FOR_ROOM.toMillis(), TimeUnit.MILLISECONDS);
        ScheduledFuture<?> backOff = executor.schedule(runs::incrementAndGet, 2, TimeUnit.SECONDS);

        executor.roomAgain();

        assertThat(idle.isCancelled()).isFalse();
        assertThat(backOff.isCancelled()).isFalse();
        assertThat(idle.isDone()).isFalse();
        assertThat(runs).hasValue(0);
    }

    @Test
    void aWaitThatHasEndedIsNotRunAgain() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        executor.schedule(() -> {
            runs.incrementAndGet();
            ran.countDown();
        }, 1, TimeUnit.MILLISECONDS);
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();

        executor.roomAgain();
        drain();

        assertThat(runs).hasValue(1);
    }

    @Test
    void roomWithNothingWaitingChangesNothing() {
        executor.roomAgain();
        // counted when a task is handed over (the completed count trails a task's end: it raced a drain's answer)
        assertThat(executor.getTaskCount()).as("nothing was handed to the coordinator's thread").isZero();
    }

    /** Waits until every task handed to the single coordinator thread before this one has run. */
    private void drain() throws Exception {
        executor.submit(() -> { }).get(5, TimeUnit.SECONDS);
    }
}
