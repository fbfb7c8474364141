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
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The rights one holder was allotted in the series: an entity of the {@link StockAcquisitionRight}
 * aggregate. It keeps the shared kernel's {@link HoldingLife} and changes only by
 * {@link HoldingLifecycle#evolve} in its event sourcing handlers; the rules live in the aggregate root,
 * which sees the series' terms, and the holding's own decisions are named here beside its state. The
 * figures below are read from the life.
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

    // ---- the holding's own decisions (the series' figures they need are passed in)

    /** The first day a live holding's rights can no longer be exercised, and why. */
    record Lapse(LocalDate date, LapseReason reason) {
    }

    /** RULES.md 9: when the rights lapse, given the day after the series' exercise period. */
    Lapse lapseOf(LocalDate periodOver) {
        return switch (status()) {
            case LEFT_OFFICE -> lapseDate().isBefore(periodOver)
                    ? new Lapse(lapseDate(), LapseReason.WINDOW_AFTER_LEAVING_OFFICE_CLOSED)
                    : new Lapse(periodOver, LapseReason.EXERCISE_PERIOD_ENDED);
            case INHERITED -> lapseDate().isBefore(periodOver)
                    ? new Lapse(lapseDate(), LapseReason.HEIR_WINDOW_CLOSED)
                    : new Lapse(periodOver, LapseReason.EXERCISE_PERIOD_ENDED);
            default -> new Lapse(periodOver, LapseReason.EXERCISE_PERIOD_ENDED);
        };
    }

    /** A fact is recorded in the order it happened: not before the holding's latest fact. */
    void requireNotBeforeLatestFact(LocalDate date, String what) {
        if (date.isBefore(latestFactDate())) {
            throw RuleViolation.of(RuleCode.FACT_OUT_OF_ORDER,
                    "The " + what + " on " + date + " is dated before a fact already recorded for "
                            + holderId() + " on " + latestFactDate()
                            + "; reverse the later fact first if the order is wrong.",
                    "holderId", holderId(), "date", date, "latestFactDate", latestFactDate());
        }
    }

    /**
     * The holder exercised in the window after losing office and died later, but the death was
     * recorded first: the exercise was valid when made (RULES.md 9: accepted until the lapse is
     * recorded), and the heir inherits only what it left.
     */
    boolean exerciseMadeBeforeRecordedDeath(LocalDate date) {
        return allotteeDied() && date.isBefore(dateOfDeath()) && departureWindow() != null
                && departureWindow().contains(date)
                && (status() == HoldingStatus.AWAITING_HEIR || status() == HoldingStatus.INHERITED);
    }

    /** RULES.md 6: who may exercise now, by where the holding stands. */
    void requireExercisable(HolderId holderId, int windowAfterLeavingOfficeDays) {
        switch (status()) {
            case IN_OFFICE -> throw RuleViolation.of(RuleCode.HOLDER_IN_OFFICE,
                    "Holder " + holderId + " still holds office; rights can be exercised only in the "
                            + windowAfterLeavingOfficeDays + " days after losing office (11)-2."
                            + " Record the departure first.",
                    "holderId", holderId, "rightsHeld", held());
            case AWAITING_HEIR -> throw RuleViolation.of(RuleCode.AWAITING_HEIR,
                    "Holder " + holderId + " died on " + dateOfDeath()
                            + "; the rights can be exercised only by the heir once the inheritance is recorded.",
                    "holderId", holderId, "dateOfDeath", dateOfDeath());
            case LAPSED -> throw RuleViolation.of(RuleCode.RIGHTS_LAPSED,
                    "The rights of " + holderId + " lapsed; nothing can be exercised.",
                    "holderId", holderId, "rightsLapsed", lapsed());
            case ACQUIRED -> throw RuleViolation.of(RuleCode.RIGHTS_ACQUIRED,
                    "The company acquired the rights of " + holderId + " (8); nothing can be exercised.",
                    "holderId", holderId, "rightsAcquired", acquired());
            case FULLY_EXERCISED -> throw RuleViolation.of(RuleCode.NO_RIGHTS_LEFT,
                    "Every right of " + holderId + " was already exercised.",
                    "holderId", holderId, "rightsExercised", exercised());
            default -> {
            }
        }
    }

    /** RULES.md 5: the person who holds the rights now (allottee or heir) is not already recorded as deceased. */
    void requireNotRecordedDeceased(HolderId personId, SeriesId seriesId) {
        boolean isHeir = heirId() != null;
        if (isHeir && dateOfHeirsDeath() != null) {
            throw RuleViolation.of(RuleCode.HOLDER_ALREADY_DECEASED,
                    "The heir " + personId + " is already recorded as deceased on "
                            + dateOfHeirsDeath() + "; reverse that record first if it was wrong.",
                    "holderId", holderId(), "heirId", personId,
                    "dateOfDeath", dateOfHeirsDeath(), "seriesId", seriesId);
        }
        if (!isHeir && allotteeDied()) {
            throw RuleViolation.of(RuleCode.HOLDER_ALREADY_DECEASED,
                    "Holder " + personId + " is already recorded as deceased on " + dateOfDeath()
                            + "; reverse that record first if it was wrong.",
                    "holderId", personId, "dateOfDeath", dateOfDeath(), "seriesId", seriesId);
        }
    }

    /** RULES.md 5, (11)-3: not inherited yet, by one heir only, and the allottee recorded as deceased. */
    void requireOpenToInheritance(HolderId named) {
        if (heirId() != null) {
            if (dateOfHeirsDeath() != null) {
                throw RuleViolation.of(RuleCode.HEIR_CANNOT_PASS_ON,
                        "The heir " + heirId() + " died on " + dateOfHeirsDeath()
                                + "; rights inherited once cannot pass to the heir's heir (11)-3.",
                        "heirId", heirId(), "dateOfHeirsDeath", dateOfHeirsDeath());
            }
            throw RuleViolation.of(RuleCode.ALREADY_INHERITED,
                    "The holding was already inherited by " + heirId() + " on " + inheritanceDate()
                            + "; only one heir may inherit (11)-3.",
                    "heirId", heirId(), "inheritanceDate", inheritanceDate());
        }
        if (!allotteeDied()) {
            throw RuleViolation.of(RuleCode.HOLDER_NOT_DECEASED,
                    "Holder " + named + " is not recorded as deceased; record the death first.",
                    "holderId", named, "status", status());
        }
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
