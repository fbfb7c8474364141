package io.sartracker.kernel.lifecycle;

import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.ReversibleFact;
import io.sartracker.kernel.model.Role;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A holding's reversible facts, shared by its lives: each life keeps exactly the facts it was made with. */
class ReversibleFactsTest {
    private static HoldingLife.Earlier fact(int day) {
        return new HoldingLife.Earlier(ReversibleFact.EXERCISE, HolderId.of("H1"), LocalDate.of(2020, 1, 1).plusDays(day),
                new Stage.InOffice(), Counts.NONE, null, null);
    }

    @Test
    void eachLifeKeepsTheFactsItWasMadeWith() {
        List<ReversibleFacts> lives = new ArrayList<>();
        List<List<HoldingLife.Earlier>> expected = new ArrayList<>();
        ReversibleFacts facts = ReversibleFacts.of(List.of());
        List<HoldingLife.Earlier> copy = new ArrayList<>();
        for (int day = 0; day < 50; day++) {
            lives.add(facts);
            expected.add(List.copyOf(copy));
            facts = facts.with(fact(day));
            copy.add(fact(day));
        }
        for (int i = 0; i < lives.size(); i++) {
            assertThat(lives.get(i)).as("life " + i).isEqualTo(expected.get(i)).hasSameHashCodeAs(expected.get(i));
        }
        assertThat(facts).containsExactlyElementsOf(copy);
    }

    @Test
    void livesThatGrowFromOneLifeEachKeepTheirOwnFact() {
        ReversibleFacts base = ReversibleFacts.of(List.of(fact(0), fact(1), fact(2)));
        ReversibleFacts first = base.with(fact(10));
        ReversibleFacts second = base.with(fact(20));
        assertThat(base).containsExactly(fact(0), fact(1), fact(2));
        assertThat(first).containsExactly(fact(0), fact(1), fact(2), fact(10));
        assertThat(second).containsExactly(fact(0), fact(1), fact(2), fact(20));

        ReversibleFacts reversed = first.withoutLatest();
        ReversibleFacts afterReversal = reversed.with(fact(30));
        assertThat(reversed).isEqualTo(base);
        assertThat(afterReversal).containsExactly(fact(0), fact(1), fact(2), fact(30));
        assertThat(first).as("the life before the reversal keeps its fact").containsExactly(fact(0), fact(1), fact(2),
                fact(10));
        assertThat(ReversibleFacts.of(List.of(fact(0))).withoutLatest()).isEmpty();
        assertThatThrownBy(() -> ReversibleFacts.of(List.of()).withoutLatest()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void livesGrownAtOnceOnManyThreadsFromOneLifeEachKeepTheirOwnFact() throws Exception {
        ReversibleFacts base = ReversibleFacts.of(List.of(fact(0))).with(fact(1));
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 200; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ReversibleFacts>> grown = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int day = 100 + t;
                    grown.add(pool.submit(() -> {
                        start.await();
                        return base.with(fact(day));
                    }));
                }
                start.countDown();
                for (int t = 0; t < threads; t++) {
                    assertThat(grown.get(t).get(10, TimeUnit.SECONDS)).containsExactly(fact(0), fact(1), fact(100 + t));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(base).containsExactly(fact(0), fact(1));
    }

    @Test
    void theListCannotBeChangedAndALifeMadeFromAnyListEqualsOneMadeFromThese() {
        ReversibleFacts facts = ReversibleFacts.of(List.of(fact(0))).with(fact(1));
        assertThatThrownBy(() -> facts.add(fact(2))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> facts.set(0, fact(2))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> facts.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> facts.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        List<HoldingLife.Earlier> plain = new ArrayList<>(List.of(fact(0), fact(1)));
        HoldingLife fromPlain = new HoldingLife(HolderId.of("H1"), Role.DIRECTOR, Counts.NONE, new Stage.InOffice(), plain,
                null, null);
        plain.add(fact(2));
        assertThat(fromPlain.earlier()).as("copied, not the caller's list").hasSize(2);
        assertThat(fromPlain).isEqualTo(new HoldingLife(HolderId.of("H1"), Role.DIRECTOR, Counts.NONE,
                new Stage.InOffice(), facts, null, null));
        assertThatThrownBy(() -> ReversibleFacts.of(java.util.Arrays.asList(fact(0), null)))
                .isInstanceOf(NullPointerException.class);
    }
}
