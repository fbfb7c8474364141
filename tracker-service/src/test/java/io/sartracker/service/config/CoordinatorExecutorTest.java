package io.sartracker.service.config;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
    void roomWithNothingWaitingChangesNothing() throws Exception {
        executor.roomAgain();
        drain();
        assertThat(executor.getCompletedTaskCount()).as("only the drain itself ran").isEqualTo(1);
    }

    /** Waits until every task handed to the single coordinator thread before this one has run. */
    private void drain() throws Exception {
        executor.submit(() -> { }).get(5, TimeUnit.SECONDS);
    }
}
