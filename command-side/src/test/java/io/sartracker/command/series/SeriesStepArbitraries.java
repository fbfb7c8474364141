package io.sartracker.command.series;

import io.sartracker.kernel.model.AcquisitionCause;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.Ratio;
import io.sartracker.kernel.model.RestructuringKind;
import io.sartracker.kernel.model.Role;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * Abstract steps for {@link SeriesInvariantsProperties}: each step says which command to send and
 * with which choices (holder index, rights, how far the business date moves, which anchor its date
 * is taken from). The property turns them into concrete commands one after the other, so that a
 * date can be drawn relative to an earlier departure, death or inheritance, and so that jqwik can
 * shrink the list of steps.
 */
final class SeriesStepArbitraries {
    private SeriesStepArbitraries() {
    }

    /** Number of allottees (H1..H5); persons 5 and 6 are heirs that hold no allotment of their own. */
    static final int HOLDERS = 5;
    static final int PERSONS = 7;
    /**
     * A holder index that names the holding the last accepted command concerned, in its series (the
     * step's series index is then not used): consecutive facts about one holding are where the rules
     * interact.
     */
    static final int FOCUS = -1;
    /** The holder that the last accepted command concerned, in the series the step names. */
    static final int FOCUS_HOLDER = -2;

    static final List<Ratio> SPLIT_RATIOS = List.of(Ratio.of(2, 1), Ratio.of(3, 2), Ratio.of(5, 4), Ratio.of(1, 1));
    static final List<Ratio> CONSOLIDATION_RATIOS = List.of(Ratio.of(1, 2), Ratio.of(1, 3), Ratio.of(2, 3),
            Ratio.of(2, 1));
    static final List<Ratio> RESTRUCTURING_RATIOS = List.of(Ratio.of(1, 1), Ratio.of(1, 3), Ratio.of(3, 2),
            Ratio.of(2, 1));

    /** Every step first moves the business date cursor forward by {@code advanceDays}. */
    sealed interface Step permits Allot, Depart, Die, Inherit, Exercise, Split, Consolidate, Adjust, Restructure,
            Acquire, DueLapses, Reverse, Transfer {
        int advanceDays();
    }

    /** {@code dateOffset} null: on the allotment date; otherwise that many days from it (another date). */
    record Allot(int advanceDays, int series, int holder, Role role, int rights, Integer dateOffset) implements Step {
    }

    /** {@code toNewCompany}: addressed to the restructured company instead of the original issuer. */
    record Depart(int advanceDays, int holder, DepartureReason reason, boolean toNewCompany) implements Step {
    }

    /**
     * {@code afterDeparture} null: {@code person} dies at the cursor; otherwise the person whose departure
     * was recorded last dies that many days after it.
     */
    record Die(int advanceDays, int person, Integer afterDeparture) implements Step {
    }

    /**
     * {@code afterDeath} null: the holding of {@code holder} is inherited at the cursor; otherwise the
     * holding of the allottee whose death was recorded last, that many days after the death.
     */
    record Inherit(int advanceDays, int series, int holder, int heir, Integer secondHeir, Integer afterDeath)
            implements Step {
    }

    enum ExerciseMode { RIGHTS, FRACTIONAL_RIGHTS, SHARES, ODD_SHARES }

    /**
     * {@code afterAnchor} null: {@code holder} exercises in {@code series} at the cursor; otherwise the
     * holding whose departure or inheritance was recorded last is exercised that many days after it.
     */
    record Exercise(int advanceDays, int series, int holder, ExerciseMode mode, int rights, Integer afterAnchor)
            implements Step {
    }

    /** {@code meeting}: 0 unconditional, 1 conditional with consistent dates, 2 conditional with wrong dates. */
    record Split(int advanceDays, int ratio, int meeting, boolean toNewCompany) implements Step {
    }

    record Consolidate(int advanceDays, int ratio, boolean toNewCompany) implements Step {
    }

    record Adjust(int advanceDays, int series, int shares, int appliesInDays) implements Step {
    }

    record Restructure(int advanceDays, int series, RestructuringKind kind, int ratio, boolean providesReplacement)
            implements Step {
    }

    /** {@code acquisitionDelay} may be negative: an acquisition before its approval. */
    record Acquire(int advanceDays, int series, AcquisitionCause cause, int acquisitionDelay) implements Step {
    }

    record DueLapses(int advanceDays, int series, int lookAheadDays) implements Step {
    }

    record Reverse(int advanceDays, int series, int holder) implements Step {
    }

    record Transfer(int advanceDays, int series, int holder, int transferee, int rights, boolean withApproval)
            implements Step {
    }

    // ---- generators

    /** Mostly a few days, sometimes weeks or months, rarely years. */
    static Arbitrary<Integer> advance() {
        return Arbitraries.frequencyOf(
                Tuple.of(50, Arbitraries.integers().between(0, 2)),
                Tuple.of(27, Arbitraries.integers().between(3, 15)),
                Tuple.of(15, Arbitraries.integers().between(16, 120)),
                Tuple.of(5, Arbitraries.integers().between(121, 500)),
                Tuple.of(3, Arbitraries.integers().between(365, 1800)));
    }

    static Arbitrary<Integer> series() {
        return Arbitraries.integers().between(0, 1);
    }

    /** Negative indices stand for the holder that the last accepted command concerned (see {@link #FOCUS}). */
    static Arbitrary<Integer> holder() {
        return Arbitraries.frequencyOf(
                Tuple.of(60, Arbitraries.integers().between(0, HOLDERS - 1)),
                Tuple.of(25, Arbitraries.just(FOCUS)),
                Tuple.of(15, Arbitraries.just(FOCUS_HOLDER)));
    }

    static Arbitrary<Integer> rights() {
        return Arbitraries.integers().between(1, 15);
    }

    static Arbitrary<Integer> smallRights() {
        return Arbitraries.frequencyOf(
                Tuple.of(60, Arbitraries.integers().between(1, 5)),
                Tuple.of(40, Arbitraries.integers().between(1, 15)));
    }

    /** true with the given percentage (not an integer range: its edge cases would make it true far too often). */
    static Arbitrary<Boolean> rarely(int percent) {
        return Arbitraries.frequency(Tuple.of(100 - percent, false), Tuple.of(percent, true));
    }

    /**
     * The allotments made on the allotment date before the random sequence: each holder is allotted
     * 1..8 rights in the first series (mostly) and in the second (often); 0 means no allotment.
     */
    static Arbitrary<List<Step>> setup() {
        Arbitrary<Integer> first = Arbitraries.frequencyOf(
                Tuple.of(15, Arbitraries.just(0)), Tuple.of(85, Arbitraries.integers().between(1, 8)));
        Arbitrary<Integer> second = Arbitraries.frequencyOf(
                Tuple.of(40, Arbitraries.just(0)), Tuple.of(60, Arbitraries.integers().between(1, 8)));
        Arbitrary<Role> role = Arbitraries.of(Role.class);
        return Combinators.combine(first.list().ofSize(HOLDERS), second.list().ofSize(HOLDERS),
                role.list().ofSize(HOLDERS)).as((a, b, roles) -> {
            List<Step> allotments = new ArrayList<>();
            for (int h = 0; h < HOLDERS; h++) {
                if (a.get(h) > 0) {
                    allotments.add(new Allot(0, 0, h, roles.get(h), a.get(h), null));
                }
                if (b.get(h) > 0) {
                    allotments.add(new Allot(0, 1, h, roles.get(h), b.get(h), null));
                }
            }
            return allotments;
        });
    }

    static Arbitrary<List<Step>> steps() {
        return step().list().ofMinSize(1).ofMaxSize(40).withSizeDistribution(RandomDistribution.uniform());
    }

    static Arbitrary<Step> step() {
        return Arbitraries.frequencyOf(
                Tuple.of(7, allot()),
                Tuple.of(15, depart()),
                Tuple.of(7, die()),
                Tuple.of(7, inherit()),
                Tuple.of(30, exercise()),
                Tuple.of(4, split()),
                Tuple.of(3, consolidate()),
                Tuple.of(3, adjust()),
                Tuple.of(2, restructure()),
                Tuple.of(1, acquire()),
                Tuple.of(8, dueLapses()),
                Tuple.of(7, reverse()),
                Tuple.of(3, transfer()));
    }

    /** Allotments for the two holders of {@link #lifecycleSteps()}: 0..4 rights each in each series. */
    static Arbitrary<List<Step>> lifecycleSetup() {
        Arbitrary<Integer> rights = Arbitraries.integers().between(0, 4);
        return Combinators.combine(rights.list().ofSize(4), Arbitraries.of(Role.class).list().ofSize(2))
                .as((counts, roles) -> {
                    List<Step> allotments = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        if (counts.get(i) > 0) {
                            allotments.add(new Allot(0, i / 2, i % 2, roles.get(i % 2), counts.get(i), null));
                        }
                    }
                    return allotments;
                });
    }

    /**
     * A narrower mix for the life of holdings across the end of a short exercise period: two holders,
     * allotments, departures, deaths, inheritances, exercises, reversals and lapse sweeps, with
     * advances of up to a year and a half so that most sequences cross the end of the period.
     */
    static Arbitrary<List<Step>> lifecycleSteps() {
        Arbitrary<Integer> advance = Arbitraries.frequencyOf(
                Tuple.of(50, Arbitraries.integers().between(0, 2)),
                Tuple.of(30, Arbitraries.integers().between(3, 30)),
                Tuple.of(20, Arbitraries.integers().between(100, 500)));
        Arbitrary<Integer> holder = Arbitraries.frequencyOf(
                Tuple.of(70, Arbitraries.integers().between(0, 1)),
                Tuple.of(30, Arbitraries.just(FOCUS)));
        Arbitrary<Integer> offset = Arbitraries.integers().between(0, 12);
        Arbitrary<Step> allot = Combinators.combine(advance, series(), holder, Arbitraries.of(Role.class),
                Arbitraries.integers().between(1, 6)).as((a, s, h, role, r) -> new Allot(a, s, h, role, r, null));
        Arbitrary<Step> depart = Combinators.combine(advance, holder, Arbitraries.of(DepartureReason.class))
                .as((a, h, reason) -> new Depart(a, h, reason, false));
        Arbitrary<Step> die = Combinators.combine(advance, holder, offset.injectNull(0.6)).as(Die::new);
        Arbitrary<Step> inherit = Combinators.combine(advance, series(), holder,
                Arbitraries.integers().between(HOLDERS, PERSONS - 1), offset.injectNull(0.3))
                .as((a, s, h, heir, o) -> new Inherit(a, s, h, heir, null, o));
        Arbitrary<Step> exercise = Combinators.combine(advance, series(), holder, Arbitraries.integers().between(1, 3),
                offset.injectNull(0.2)).as((a, s, h, r, o) -> new Exercise(a, s, h, ExerciseMode.RIGHTS, r, o));
        Arbitrary<Step> reverse = Combinators.combine(advance, series(), holder).as(Reverse::new);
        Arbitrary<Step> lapses = Combinators.combine(advance, series()).as((a, s) -> new DueLapses(a, s, 0));
        return Arbitraries.frequencyOf(
                        Tuple.of(12, allot), Tuple.of(12, depart), Tuple.of(10, die), Tuple.of(8, inherit),
                        Tuple.of(15, exercise), Tuple.of(15, reverse), Tuple.of(5, lapses))
                .list().ofMinSize(1).ofMaxSize(30).withSizeDistribution(RandomDistribution.uniform());
    }

    static Arbitrary<Step> allot() {
        Arbitrary<Integer> offset = Arbitraries.integers().between(-3, 400).injectNull(0.85);
        return Combinators.combine(advance(), series(), holder(), Arbitraries.of(Role.class), rights(), offset)
                .as((a, s, h, role, r, o) -> new Allot(a, s, h, role, r, o));
    }

    static Arbitrary<Step> depart() {
        return Combinators.combine(advance(), holder(), Arbitraries.of(DepartureReason.class), rarely(8))
                .as(Depart::new);
    }

    static Arbitrary<Step> die() {
        Arbitrary<Integer> anchor = Arbitraries.integers().between(0, 15).injectNull(0.5);
        return Combinators.combine(advance(), Arbitraries.integers().between(0, PERSONS - 1), anchor)
                .as(Die::new);
    }

    static Arbitrary<Step> inherit() {
        Arbitrary<Integer> second = Arbitraries.integers().between(0, PERSONS - 1).injectNull(0.85);
        Arbitrary<Integer> anchor = Arbitraries.integers().between(0, 60).injectNull(0.4);
        // heirs are mostly the two persons without an allotment, sometimes an allottee
        Arbitrary<Integer> heir = Arbitraries.frequencyOf(
                Tuple.of(80, Arbitraries.integers().between(HOLDERS, PERSONS - 1)),
                Tuple.of(20, Arbitraries.integers().between(0, HOLDERS - 1)));
        return Combinators.combine(advance(), series(), holder(), heir, second, anchor).as(Inherit::new);
    }

    static Arbitrary<Step> exercise() {
        Arbitrary<ExerciseMode> mode = Arbitraries.frequencyOf(
                Tuple.of(60, Arbitraries.just(ExerciseMode.RIGHTS)),
                Tuple.of(20, Arbitraries.just(ExerciseMode.SHARES)),
                Tuple.of(10, Arbitraries.just(ExerciseMode.FRACTIONAL_RIGHTS)),
                Tuple.of(10, Arbitraries.just(ExerciseMode.ODD_SHARES)));
        Arbitrary<Integer> anchor = Arbitraries.frequencyOf(
                Tuple.of(78, Arbitraries.integers().between(0, 12)),
                Tuple.of(22, Arbitraries.integers().between(0, 200))).injectNull(0.1);
        return Combinators.combine(advance(), series(), holder(), mode, smallRights(), anchor).as(Exercise::new);
    }

    static Arbitrary<Step> split() {
        return Combinators.combine(advance(), Arbitraries.integers().between(0, SPLIT_RATIOS.size() - 1),
                        Arbitraries.frequencyOf(Tuple.of(70, Arbitraries.just(0)), Tuple.of(20, Arbitraries.just(1)),
                                Tuple.of(10, Arbitraries.just(2))),
                        rarely(8))
                .as(Split::new);
    }

    static Arbitrary<Step> consolidate() {
        return Combinators.combine(advance(), Arbitraries.integers().between(0, CONSOLIDATION_RATIOS.size() - 1),
                rarely(8)).as(Consolidate::new);
    }

    static Arbitrary<Step> adjust() {
        return Combinators.combine(advance(), series(), Arbitraries.integers().between(1, 500),
                Arbitraries.integers().between(0, 5)).as(Adjust::new);
    }

    static Arbitrary<Step> restructure() {
        return Combinators.combine(advance(), series(), Arbitraries.of(RestructuringKind.class),
                        Arbitraries.integers().between(0, RESTRUCTURING_RATIOS.size() - 1), rarely(80))
                .as(Restructure::new);
    }

    static Arbitrary<Step> acquire() {
        return Combinators.combine(advance(), series(), Arbitraries.of(AcquisitionCause.class),
                Arbitraries.integers().between(-5, 60)).as(Acquire::new);
    }

    static Arbitrary<Step> dueLapses() {
        return Combinators.combine(advance(), series(),
                Arbitraries.frequencyOf(Tuple.of(70, Arbitraries.just(0)),
                        Tuple.of(30, Arbitraries.integers().between(1, 400)))).as(DueLapses::new);
    }

    static Arbitrary<Step> reverse() {
        return Combinators.combine(advance(), series(), holder()).as(Reverse::new);
    }

    static Arbitrary<Step> transfer() {
        return Combinators.combine(advance(), series(), holder(), Arbitraries.integers().between(0, PERSONS - 1),
                rights(), Arbitraries.of(true, false)).as(Transfer::new);
    }
}
