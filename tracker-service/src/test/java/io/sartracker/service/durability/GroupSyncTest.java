package io.sartracker.service.durability;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The group commit: who waits for which sync, how waiters share one, and what a failed sync means. */
class GroupSyncTest {
    private static final Duration BOUND = Duration.ofSeconds(10);

    @Test
    void aCallerIsReleasedOnlyByASyncThatStartedAfterItAskedAndWaitersShareTheNextOne() throws Exception {
        CountDownLatch firstSyncStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstSync = new CountDownLatch(1);
        AtomicInteger syncs = new AtomicInteger();
        try (GroupSync groupSync = new GroupSync(() -> {
            if (syncs.incrementAndGet() == 1) {
                firstSyncStarted.countDown();
                releaseFirstSync.await();
            }
        }, BOUND, Duration.ofHours(1), new SimpleMeterRegistry())) {
            ExecutorService pool = Executors.newFixedThreadPool(9);
            Future<?> first = pool.submit(groupSync::awaitDurable);
            assertThat(firstSyncStarted.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();

            // Eight commits made while the first sync runs: that sync may not cover them.
            CountDownLatch asked = new CountDownLatch(8);
            List<Future<?>> later = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                later.add(pool.submit(() -> {
                    asked.countDown();
                    groupSync.awaitDurable();
                }));
            }
            assertThat(asked.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
            releaseFirstSync.countDown();
            first.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            for (Future<?> waiter : later) {
                waiter.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(syncs.get()).as("the eight later commits needed a sync of their own, and shared it")
                    .isBetween(2, 9);
        }
    }

    @Test
    void aFailedSyncFailsTheCallersItCoversAndALaterSuccessfulOneServesTheNext() {
        AtomicInteger syncs = new AtomicInteger();
        try (GroupSync groupSync = new GroupSync(() -> {
            if (syncs.incrementAndGet() == 1) {
                throw new IOException("disk full");
            }
        }, BOUND, Duration.ofHours(1), new SimpleMeterRegistry())) {
            assertThatThrownBy(groupSync::awaitDurable).isInstanceOf(GroupSync.NotDurableException.class)
                    .hasMessageContaining("failed to write").hasRootCauseMessage("disk full");
            groupSync.awaitDurable();
            assertThat(syncs.get()).isEqualTo(2);
        }
    }

    @Test
    void aSyncThatDoesNotFinishWithinTheBoundFailsTheCaller() {
        CountDownLatch never = new CountDownLatch(1);
        try (GroupSync groupSync = new GroupSync(never::await, Duration.ofMillis(200), Duration.ofHours(1),
                new SimpleMeterRegistry())) {
            assertThatThrownBy(groupSync::awaitDurable).isInstanceOf(GroupSync.NotDurableException.class)
                    .hasMessageContaining("did not confirm");
        } finally {
            never.countDown();
        }
    }

    @Test
    void withNoCommandWaitingTheStoreIsStillSyncedOncePerFlushInterval() {
        AtomicInteger syncs = new AtomicInteger();
        try (GroupSync groupSync = new GroupSync(syncs::incrementAndGet, BOUND, Duration.ofMillis(20),
                new SimpleMeterRegistry())) {
            Awaitility.await("three idle syncs").atMost(BOUND).until(() -> syncs.get() >= 3);
        }
    }
}
