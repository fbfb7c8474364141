package io.sartracker.command.series;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
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
import io.sartracker.kernel.lifecycle.HoldingLife;
import io.sartracker.kernel.lifecycle.HoldingLifecycle;
import io.sartracker.kernel.lifecycle.Stage;
import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.HoldingStatus;
import io.sartracker.kernel.model.LapseReason;
import io.sartracker.kernel.model.ReversibleFact;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The rights one holder was allotted in the series: an entity of the {@link StockAcquisitionRight}
 * aggregate. It keeps the shared kernel's {@link HoldingLife} and changes only by
 * {@link HoldingLifecycle#evolve} in its event sourcing handlers; the rules live in the aggregate root,
 * which sees the series' terms. The figures below are read from the life.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Holding {
    @EntityId
    private HolderId holderId;
    private HoldingLife life;

    @SuppressWarnings("unused")
    private Holding() {
        // for snapshots
    }

    /** The holding a first allotment opens. */
    Holding(RightsAllotted first) {
        this.holderId = first.holderId();
        this.life = HoldingLifecycle.evolve(null, first);
    }

    /** A further allotment: not a fact a reversal takes back (the lifecycle adds it to every earlier state). */
    void allotMore(RightsAllotted event) {
        evolve(event);
    }

    @EventSourcingHandler
    void on(HolderRoleChanged event) {
        evolve(event);
    }

    @EventSourcingHandler
    void on(HolderLeftOffice event) {
        evolve(event);
    }

    @EventSourcingHandler
    void on(HolderDied event) {
        evolve(event);
    }

    @EventSourcingHandler
    void on(RightsInherited event) {
        evolve(event);
    }

    @EventSourcingHandler
    void on(RightsExercised event) {
        evolve(event);
    }

    @EventSourcingHandler
    void on(RightsLapsed event) {
        evolve(event);
    }

    @EventSourcingHandler
    void on(RightsAcquired event) {
        evolve(event);
    }

    @EventSourcingHandler
    void on(FactReversed event) {
        evolve(event);
    }

    private void evolve(HoldingEvent event) {
        life = HoldingLifecycle.evolve(life, event);
    }

    HoldingLife life() {
        return life;
    }

    // ---- the figures the rules read, from the life

    HolderId holderId() {
        return holderId;
    }

    Role role() {
        return life.role();
    }

    HoldingStatus status() {
        return life.stage().status();
    }

    Rights allotted() {
        return life.counts().allotted();
    }

    Rights held() {
        return life.counts().held();
    }

    Rights exercised() {
        return life.counts().exercised();
    }

    Rights lapsed() {
        return life.counts().lapsed();
    }

    Rights acquired() {
        return life.counts().acquired();
    }

    LocalDate departureDate() {
        return life.stage().departureDate();
    }

    LocalDate dateOfDeath() {
        return life.stage().dateOfDeath();
    }

    HolderId heirId() {
        return life.stage().heirId();
    }

    LocalDate inheritanceDate() {
        return life.stage().inheritanceDate();
    }

    LocalDate dateOfHeirsDeath() {
        return life.stage().dateOfHeirsDeath();
    }

    /** The window that applies after losing office or inheriting, cut to the period; null if none. */
    ExerciseWindow window() {
        return life.stage().window();
    }

    /** The first day the rights can no longer be exercised in that window; null in office or awaiting an heir. */
    LocalDate lapseDate() {
        return life.stage().lapseDate();
    }

    LocalDate latestFactDate() {
        return life.latestFactDate();
    }

    LocalDate latestExerciseDate() {
        return life.latestExerciseDate();
    }

    /**
     * The allottee's own window after losing office, kept after a death so that an exercise made before
     * the death and recorded after it can still be checked; null if the allottee never left office.
     */
    ExerciseWindow departureWindow() {
        Stage.LeftOffice departure = life.stage().departure();
        return departure == null ? null : departure.window();
    }

    /** The person who holds the rights now: the heir once one inherited. */
    HolderId currentHolder() {
        return life.currentHolder();
    }

    boolean isLive() {
        return !held().isZero() && switch (status()) {
            case IN_OFFICE, LEFT_OFFICE, AWAITING_HEIR, INHERITED -> true;
            case FULLY_EXERCISED, LAPSED, ACQUIRED -> false;
        };
    }

    boolean allotteeDied() {
        return dateOfDeath() != null;
    }

    // ---- the latest fact, read from the life's reversible facts

    /**
     * The latest fact recorded on the holding after the allotment, as a reversal would name it.
     * {@code reversible} is null for a lapse or an acquisition: it blocks the reversal of anything before it.
     *
     * @param person        whom the fact is about: the holder who left office, the one who died, the heir who
     *                      inherited, the one who exercised
     * @param exercised     the rights an exercise exercised
     * @param lapsedWithIt  the rights that lapsed with a death (an heir's)
     */
    record LatestFact(ReversibleFact reversible, HolderId person, String description, LocalDate date,
                      Rights exercised, Rights lapsedWithIt) {

        boolean is(ReversibleFact kind, HolderId about) {
            return reversible == kind && about.equals(person);
        }
    }

    Optional<LatestFact> latestFact() {
        Optional<HoldingLife.Earlier> reversible = life.latestReversible();
        if (reversible.isPresent()) {
            HoldingLife.Earlier fact = reversible.get();
            // nothing after the latest reversible fact changed these counts but the lapse that belonged to it
            Rights exercised = fact.fact() == ReversibleFact.EXERCISE
                    ? life.counts().exercised().minus(fact.counts().exercised()) : Rights.NONE;
            Rights lapsedWithIt = fact.fact() == ReversibleFact.DEATH
                    ? life.counts().lapsed().minus(fact.counts().lapsed()) : Rights.NONE;
            String description = switch (fact.fact()) {
                case DEPARTURE -> "departure from office on " + fact.date();
                case DEATH -> "death of " + fact.person() + " on " + fact.date();
                case INHERITANCE -> "inheritance by " + fact.person() + " on " + fact.date();
                case EXERCISE -> "exercise of " + exercised + " rights on " + fact.date();
            };
            return Optional.of(new LatestFact(fact.fact(), fact.person(), description, fact.date(), exercised,
                    lapsedWithIt));
        }
        if (life.stage() instanceof Stage.Closed closed) {
            if (closed.ending() == Stage.Ending.LAPSED && closed.lapseReason() != LapseReason.HEIR_DIED) {
                return Optional.of(new LatestFact(null, holderId, "lapse on " + closed.on(), closed.on(),
                        Rights.NONE, Rights.NONE));
            }
            if (closed.ending() == Stage.Ending.ACQUIRED) {
                return Optional.of(new LatestFact(null, holderId, "acquisition by the company on " + closed.on(),
                        closed.on(), Rights.NONE, Rights.NONE));
            }
        }
        return Optional.empty();
    }

    /** Whether the person's fact of that kind is among the holding's facts that could still be reversed. */
    boolean hasReversible(ReversibleFact kind, HolderId person) {
        return life.hasReversible(kind, person);
    }

    /** Value equality, so that Axon's fixtures can check that sourcing rebuilds the same holding. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Holding that && holderId.equals(that.holderId) && life.equals(that.life);
    }

    @Override
    public int hashCode() {
        return Objects.hash(holderId, life);
    }
}
