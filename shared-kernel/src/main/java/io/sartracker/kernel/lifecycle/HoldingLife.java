package io.sartracker.kernel.lifecycle;

import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.ReversibleFact;
import io.sartracker.kernel.model.Role;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One holding as its events made it: an immutable value that only {@link HoldingLifecycle#evolve} changes.
 *
 * @param role    the allottee's role; a role change is not a fact a reversal takes back
 * @param earlier the reversible facts that could still be reversed, oldest first, each with the stage,
 *                counts and dates from before it; a lapse or an acquisition empties it, as it blocks any
 *                reversal before it
 * @param latestFactDate     the date of the latest fact recorded on the holding: the allotment date at first;
 *                           a departure, a death or an inheritance sets it; an exercise, a lapse or an
 *                           acquisition takes the later of it and its own date; a further allotment and a role
 *                           change leave it
 * @param latestExerciseDate the latest date an exercise on record was made on; null if none is
 */
public record HoldingLife(HolderId holderId, Role role, Counts counts, Stage stage, List<Earlier> earlier,
                          LocalDate latestFactDate, LocalDate latestExerciseDate) {

    public HoldingLife {
        Objects.requireNonNull(holderId, "holderId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(stage, "stage");
        // immutable, and shared with the lives after this one (ReversibleFacts)
        earlier = ReversibleFacts.of(earlier);
    }

    /**
     * A reversible fact recorded on the holding, with the holding's stage, counts and dates before it.
     *
     * @param person whom the fact is about: the holder who left office, the one who died, the heir who
     *               inherited, the one who exercised
     */
    public record Earlier(ReversibleFact fact, HolderId person, LocalDate date, Stage stage, Counts counts,
                          LocalDate latestFactDate, LocalDate latestExerciseDate) {
        public Earlier {
            Objects.requireNonNull(fact, "fact");
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(counts, "counts");
        }
    }

    /** The person who holds the rights now: the heir once one inherited. */
    public HolderId currentHolder() {
        HolderId heir = stage.heirId();
        return heir != null ? heir : holderId;
    }

    /** The fact a reversal of this holding would take back, if any. */
    public Optional<Earlier> latestReversible() {
        return earlier.isEmpty() ? Optional.empty() : Optional.of(earlier.get(earlier.size() - 1));
    }

    /**
     * This life with only its latest {@code kept} reversible facts: as a snapshot or a stored document keeps
     * it, so that its size follows the holding and not its history. A reversal that reaches further back
     * needs the whole life again ({@link #isLatestPartOf}).
     */
    public HoldingLife keepingLatestReversible(int kept) {
        int from = earlier.size() - Math.min(earlier.size(), kept);
        return from == 0 ? this : new HoldingLife(holderId, role, counts, stage, earlier.subList(from, earlier.size()),
                latestFactDate, latestExerciseDate);
    }

    /**
     * Whether {@code whole}, folded again from the events, is this life with {@code leftOut} older reversible
     * facts before the ones this life kept: the same holding, only more of its past.
     */
    public boolean isLatestPartOf(HoldingLife whole, int leftOut) {
        List<Earlier> all = whole.earlier();
        return whole.holderId().equals(holderId) && whole.role() == role && whole.counts().equals(counts)
                && whole.stage().equals(stage) && Objects.equals(whole.latestFactDate(), latestFactDate)
                && Objects.equals(whole.latestExerciseDate(), latestExerciseDate)
                && all.size() == earlier.size() + leftOut && all.subList(leftOut, all.size()).equals(earlier);
    }

    /** Whether the person's fact of that kind could still be reversed. */
    public boolean hasReversible(ReversibleFact fact, HolderId person) {
        return earlier.stream().anyMatch(e -> e.fact() == fact && e.person().equals(person));
    }
}
