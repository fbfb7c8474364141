package io.sartracker.kernel.lifecycle;

import io.sartracker.kernel.event.FactReversed;
import io.sartracker.kernel.event.HolderDied;
import io.sartracker.kernel.event.HolderLeftOffice;
import io.sartracker.kernel.event.HolderRoleChanged;
import io.sartracker.kernel.event.HoldingEvent;
import io.sartracker.kernel.event.RightsAcquired;
import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.event.RightsExercised;
import io.sartracker.kernel.event.RightsInherited;
import io.sartracker.kernel.event.RightsLapsed;
import io.sartracker.kernel.lifecycle.HoldingLife.Earlier;
import io.sartracker.kernel.lifecycle.Stage.AwaitingHeir;
import io.sartracker.kernel.lifecycle.Stage.Closed;
import io.sartracker.kernel.lifecycle.Stage.DiedLeavingNothing;
import io.sartracker.kernel.lifecycle.Stage.Ending;
import io.sartracker.kernel.lifecycle.Stage.InOffice;
import io.sartracker.kernel.lifecycle.Stage.Inherited;
import io.sartracker.kernel.lifecycle.Stage.LeftOffice;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.LapseReason;
import io.sartracker.kernel.model.ReversibleFact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The life of one holding, written once (RULES.md 3-5, 9): how each {@link HoldingEvent} changes a
 * {@link HoldingLife}. Plain deterministic code with no framework and no rules: the events were checked
 * when they were recorded, so every event is applied as it says.
 * <p>
 * A reversal ({@link FactReversed}) is defined here once: the holding returns to the stage and counts it
 * had before the reversed fact. Two things are not facts a reversal takes back, so they reach into the
 * earlier states too: a further allotment (its rights are added to every earlier state) and a role
 * change. The lapse on an heir's death belongs to the death: reversing the death restores the rights.
 */
public final class HoldingLifecycle {
    private HoldingLifecycle() {
    }

    /** The holding a first allotment opens: in office, holding what was allotted. */
    public static HoldingLife start(RightsAllotted event) {
        return new HoldingLife(event.holderId(), event.role(), Counts.NONE.allot(event.rights()),
                new InOffice(), List.of(), event.allotmentDate(), null);
    }

    /**
     * The holding after one event about it; {@code life} is null before its first allotment.
     *
     * @throws IllegalStateException for an event that needs a holding that is not there, or a reversal with
     *                               nothing to reverse
     */
    public static HoldingLife evolve(HoldingLife life, HoldingEvent event) {
        if (life == null) {
            if (event instanceof RightsAllotted allotted) {
                return start(allotted);
            }
            throw new IllegalStateException(event + " concerns a holding that was never allotted");
        }
        if (!life.holderId().equals(event.holderId())) {
            throw new IllegalArgumentException(event + " is not about the holding of " + life.holderId());
        }
        Stage stage = life.stage();
        Counts counts = life.counts();
        if (event instanceof RightsAllotted e) {
            return new HoldingLife(life.holderId(), life.role(), counts.allot(e.rights()), stage,
                    life.earlier().stream().map(before -> new Earlier(before.fact(), before.person(), before.date(),
                            before.stage(), before.counts().allot(e.rights()), before.latestFactDate(),
                            before.latestExerciseDate())).toList(), life.latestFactDate(), life.latestExerciseDate());
        }
        if (event instanceof HolderRoleChanged e) {
            return new HoldingLife(life.holderId(), e.newRole(), counts, stage, life.earlier(), life.latestFactDate(),
                    life.latestExerciseDate());
        }
        if (event instanceof HolderLeftOffice e) {
            return remember(life, ReversibleFact.DEPARTURE, e.holderId(), e.departureDate(),
                    new LeftOffice(e.departureDate(), e.window(), e.lapseDate()), counts, e.departureDate(),
                    life.latestExerciseDate());
        }
        if (event instanceof HolderDied e) {
            Stage after;
            if (!e.deceasedId().equals(life.holderId())) {
                after = heirDied(stage, e.dateOfDeath());
            } else if (e.outcome() == HolderDied.Outcome.AWAITING_HEIR) {
                after = new AwaitingHeir(stage.departure(), e.dateOfDeath());
            } else {
                after = new DiedLeavingNothing(stage, e.dateOfDeath());
            }
            return remember(life, ReversibleFact.DEATH, e.deceasedId(), e.dateOfDeath(), after, counts,
                    e.dateOfDeath(), life.latestExerciseDate());
        }
        if (event instanceof RightsInherited e) {
            AwaitingHeir from = stage instanceof AwaitingHeir awaiting ? awaiting
                    : new AwaitingHeir(stage.departure(), requireDeath(stage, e));
            return remember(life, ReversibleFact.INHERITANCE, e.heirId(), e.inheritanceDate(),
                    new Inherited(from, e.heirId(), e.inheritanceDate(), e.window(), e.lapseDate(), null), counts,
                    e.inheritanceDate(), life.latestExerciseDate());
        }
        if (event instanceof RightsExercised e) {
            Counts left = counts.exercise(e.rights());
            return remember(life, ReversibleFact.EXERCISE, e.exercisedBy(), e.exerciseDate(),
                    left.held().isZero() ? new Closed(Ending.FULLY_EXERCISED, e.exerciseDate(), null, stage) : stage, left,
                    laterOf(life.latestFactDate(), e.exerciseDate()), laterOf(life.latestExerciseDate(), e.exerciseDate()));
        }
        if (event instanceof RightsLapsed e) {
            HoldingLife lapsed = new HoldingLife(life.holderId(), life.role(), counts.lapseAll(),
                    new Closed(Ending.LAPSED, e.lapseDate(), e.reason(), stage), life.earlier(),
                    laterOf(life.latestFactDate(), e.lapseDate()), life.latestExerciseDate());
            // the lapse on an heir's death belongs to the death; any other lapse blocks every reversal before it
            return belongsToLatestFact(e) ? lapsed : withoutReversibles(lapsed);
        }
        if (event instanceof RightsAcquired e) {
            return withoutReversibles(new HoldingLife(life.holderId(), life.role(), counts.acquireAll(),
                    new Closed(Ending.ACQUIRED, e.acquisitionDate(), null, stage), life.earlier(),
                    laterOf(life.latestFactDate(), e.acquisitionDate()), life.latestExerciseDate()));
        }
        if (event instanceof FactReversed) {
            Earlier before = life.latestReversible().orElseThrow(() -> new IllegalStateException(
                    "the holding of " + life.holderId() + " has no fact to reverse: " + event));
            return new HoldingLife(life.holderId(), life.role(), before.counts(), before.stage(),
                    ReversibleFacts.of(life.earlier()).withoutLatest(), before.latestFactDate(),
                    before.latestExerciseDate());
        }
        throw new IllegalArgumentException("the holding lifecycle does not know the event " + event);
    }

    /** Every holding of a series, folded from the series' events in order; events of other kinds are skipped. */
    public static Map<String, HoldingLife> fold(List<?> events) {
        Map<String, HoldingLife> holdings = new LinkedHashMap<>();
        for (Object event : events) {
            if (event instanceof HoldingEvent e) {
                holdings.put(e.holderId().value(), evolve(holdings.get(e.holderId().value()), e));
            }
        }
        return holdings;
    }

    /**
     * The positions of the events that reversals took back, the reversals included: what a view of what was
     * true on a date leaves out (a fact known now to be wrong never was). Each reversal takes back the fact
     * {@link #evolve} returns from, with the lapse that belonged to it (an heir's death); every other event
     * stays. Events that are not about a holding are never taken back, nor is a reversal with nothing to
     * take back (the aggregate rejects one, so a recorded history has none): it stays and changes nothing.
     */
    public static Set<Integer> reversedEvents(List<?> events) {
        if (events.stream().noneMatch(FactReversed.class::isInstance)) {
            // only a reversal takes anything back; most histories have none, and the fold below was a sixth
            // of an as-of register's first read
            return Set.of();
        }
        Map<String, HoldingLife> holdings = new HashMap<>();
        // per holding, the positions of each fact that could still be reversed, in step with HoldingLife.earlier
        Map<String, List<List<Integer>>> positions = new HashMap<>();
        Set<Integer> reversed = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            if (!(events.get(i) instanceof HoldingEvent event)) {
                continue;
            }
            String holder = event.holderId().value();
            HoldingLife before = holdings.get(holder);
            List<List<Integer>> facts = positions.computeIfAbsent(holder, k -> new ArrayList<>());
            if (event instanceof FactReversed && facts.isEmpty()) {
                // nothing it could take back (the aggregate rejects such a reversal): it stays, and changes nothing
                continue;
            }
            HoldingLife after = evolve(before, event);
            holdings.put(holder, after);
            int was = before == null ? 0 : before.earlier().size();
            if (event instanceof FactReversed) {
                reversed.addAll(facts.remove(facts.size() - 1));
                reversed.add(i);
            } else if (after.earlier().size() > was) {
                facts.add(new ArrayList<>(List.of(i)));
            } else if (after.earlier().isEmpty()) {
                facts.clear();
            } else if (belongsToLatestFact(event)) {
                facts.get(facts.size() - 1).add(i);
            }
        }
        return reversed;
    }

    /** The lapse on an heir's death belongs to the death: a reversal of the death takes it back too. */
    private static boolean belongsToLatestFact(HoldingEvent event) {
        return event instanceof RightsLapsed lapse && lapse.reason() == LapseReason.HEIR_DIED;
    }

    private static HoldingLife remember(HoldingLife life, ReversibleFact fact, HolderId person,
                                        LocalDate date, Stage after, Counts counts, LocalDate latestFactDate,
                                        LocalDate latestExerciseDate) {
        Earlier before = new Earlier(fact, person, date, life.stage(), life.counts(), life.latestFactDate(),
                life.latestExerciseDate());
        return new HoldingLife(life.holderId(), life.role(), counts, after,
                ReversibleFacts.of(life.earlier()).with(before), latestFactDate, latestExerciseDate);
    }

    /**
     * Whether the event, folded into the life {@code after} it, closed every reversal before it: a lapse
     * (other than the one belonging to an heir's death) or an acquisition. Reversible facts a snapshot or a
     * stored document left out are then past reversing too. (A reversal or a role change can leave the kept
     * facts empty as well, and closes nothing.)
     */
    public static boolean closedEveryReversal(HoldingEvent event, HoldingLife after) {
        return (event instanceof RightsLapsed || event instanceof RightsAcquired) && after.earlier().isEmpty();
    }

    private static HoldingLife withoutReversibles(HoldingLife life) {
        return new HoldingLife(life.holderId(), life.role(), life.counts(), life.stage(), List.of(),
                life.latestFactDate(), life.latestExerciseDate());
    }

    private static LocalDate laterOf(LocalDate a, LocalDate b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    /** The heir's death: recorded on the inheritance, wherever the holding went since. */
    private static Stage heirDied(Stage stage, LocalDate date) {
        if (stage instanceof Inherited inherited) {
            return inherited.heirDied(date);
        }
        if (stage instanceof Closed closed) {
            return new Closed(closed.ending(), closed.on(), closed.lapseReason(), heirDied(closed.from(), date));
        }
        if (stage instanceof DiedLeavingNothing died) {
            return new DiedLeavingNothing(heirDied(died.stage(), date), died.dateOfDeath());
        }
        throw new IllegalStateException("an heir died, but the holding was never inherited: " + stage);
    }

    private static LocalDate requireDeath(Stage stage, RightsInherited event) {
        if (stage.dateOfDeath() == null) {
            throw new IllegalStateException(event + ": an inheritance of a holder not recorded as deceased");
        }
        return stage.dateOfDeath();
    }
}
