package io.sartracker.kernel.lifecycle;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A holding's reversible facts, oldest first ({@link HoldingLife#earlier}): an immutable list that a life and the
 * lives after it share. Each fact a holding records makes a new life whose list is the old one and one more fact;
 * copying the whole list for each made a fold of a series quadratic in a holding's facts, and about a fifth of what
 * an as-of register's first read allocated (BENCHMARKS.md, change 63). The lists of one holding's lives are views of
 * one array of different lengths: the first list to grow past the end of the used part writes its fact there, any
 * other copies.
 */
final class ReversibleFacts extends AbstractList<HoldingLife.Earlier> implements RandomAccess {
    private static final ReversibleFacts NONE = new ReversibleFacts(new Shared(new HoldingLife.Earlier[0], 0), 0);

    /** The array the lists of one holding's lives read, and how much of it some list has taken. */
    private record Shared(HoldingLife.Earlier[] facts, AtomicInteger taken) {
        Shared(HoldingLife.Earlier[] facts, int taken) {
            this(facts, new AtomicInteger(taken));
        }
    }

    private final Shared shared;
    private final int size;

    private ReversibleFacts(Shared shared, int size) {
        this.shared = shared;
        this.size = size;
    }

    /** These facts as such a list: the list itself if it is one, else a copy. */
    static ReversibleFacts of(List<HoldingLife.Earlier> facts) {
        if (facts instanceof ReversibleFacts kept) {
            return kept;
        }
        if (facts.isEmpty()) {
            return NONE;
        }
        HoldingLife.Earlier[] copy = facts.toArray(new HoldingLife.Earlier[0]);
        for (HoldingLife.Earlier fact : copy) {
            Objects.requireNonNull(fact, "a reversible fact");
        }
        return new ReversibleFacts(new Shared(copy, copy.length), copy.length);
    }

    /** This list and one more fact after it. */
    ReversibleFacts with(HoldingLife.Earlier fact) {
        Objects.requireNonNull(fact, "a reversible fact");
        HoldingLife.Earlier[] facts = shared.facts();
        if (size < facts.length && shared.taken().compareAndSet(size, size + 1)) {
            facts[size] = fact;
            return new ReversibleFacts(shared, size + 1);
        }
        HoldingLife.Earlier[] grown = Arrays.copyOf(facts, Math.max(4, 2 * (size + 1)));
        Arrays.fill(grown, size, grown.length, null);
        grown[size] = fact;
        return new ReversibleFacts(new Shared(grown, size + 1), size + 1);
    }

    /** This list without its latest fact (a reversal took it back). */
    ReversibleFacts withoutLatest() {
        if (size == 0) {
            throw new IllegalStateException("no reversible fact to take back");
        }
        return size == 1 ? NONE : new ReversibleFacts(shared, size - 1);
    }

    @Override
    public HoldingLife.Earlier get(int index) {
        Objects.checkIndex(index, size);
        return shared.facts()[index];
    }

    @Override
    public int size() {
        return size;
    }
}
