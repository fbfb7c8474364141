package io.sartracker.query.store;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventPositionsTest {

    @Test
    void holdsTheLatestEventsReadAndPushesOutTheOldest() {
        EventPositions positions = new EventPositions(3);
        positions.read("a", 1);
        positions.read("b", 2);
        positions.read("c", 3);
        positions.read("d", 4);

        assertThat(positions.indexOf("a")).as("pushed out by the fourth").isNull();
        assertThat(positions.indexOf("b")).isEqualTo(2);
        assertThat(positions.indexOf("d")).isEqualTo(4);
    }

    @Test
    void anEventReadAgainByAnotherStreamKeepsItsPlace() {
        EventPositions positions = new EventPositions(2);
        positions.read("a", 1);
        positions.read("a", 1);
        positions.read("b", 2);

        assertThat(positions.indexOf("a")).as("read twice, held once").isEqualTo(1);
        assertThat(positions.indexOf("b")).isEqualTo(2);
    }

    @Test
    void streamsReadingAtOnceLoseNothingTheyStillHold() throws Exception {
        int capacity = 1_000;
        EventPositions positions = new EventPositions(capacity);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(threads.submit(() -> IntStream.range(0, 5_000).forEach(i -> {
                    positions.read("e" + i, i);
                    positions.read("t" + thread + "-" + i, i);
                })));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            threads.shutdown();
        }
        long held = IntStream.range(0, 5_000).filter(i -> positions.indexOf("e" + i) != null).count()
                + IntStream.range(0, 8).mapToLong(t -> IntStream.range(0, 5_000)
                .filter(i -> positions.indexOf("t" + t + "-" + i) != null).count()).sum();
        assertThat(held).as("never more than its capacity").isLessThanOrEqualTo(capacity);
        IntStream.range(0, 5_000).forEach(i -> {
            Long index = positions.indexOf("e" + i);
            assertThat(index == null || index == i).as("a held index is the one read").isTrue();
        });
    }

    @Test
    void aCapacityOfNothingIsRefused() {
        assertThatThrownBy(() -> new EventPositions(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
