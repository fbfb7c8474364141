package io.sartracker.command.series;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.sartracker.kernel.command.ExerciseRights;
import io.sartracker.kernel.command.InheritRights;
import io.sartracker.kernel.command.RecordDeath;
import io.sartracker.kernel.command.RecordDepartureFromOffice;
import io.sartracker.kernel.command.RecordRoleChange;
import io.sartracker.kernel.command.ReverseFactOfPerson;
import io.sartracker.kernel.command.ReverseLatestFact;
import io.sartracker.kernel.event.FactReversed;
import io.sartracker.kernel.event.HolderDied;
import io.sartracker.kernel.event.HolderLeftOffice;
import io.sartracker.kernel.event.HolderRoleChanged;
import io.sartracker.kernel.event.HoldingEvent;
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
import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.rule.RuleViolation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static io.sartracker.command.series.HoldingRejections.*;

/**
 * The rights one holder was allotted in the series: an entity of the {@link StockAcquisitionRight}
 * aggregate. It keeps the shared kernel's {@link HoldingLife} and changes only by
 * {@link HoldingLifecycle#evolve}, when the series' event sourcing handler hands it its event. The
 * decisions about one holding (role change, departure, death, inheritance, exercise, lapse, reversal) are
 * made here, beside the state they read, with the series' figures passed in as a {@link SeriesContext}:
 * each checks, then returns the events to record, and the root applies them. Their rejections are built
 * by {@link HoldingRejections}.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
class Holding {
    /**
     * How many of the latest reversible facts a snapshot keeps with their earlier states. A snapshot holds
     * the live state, not the history: the older states are read again from the events only for a
     * reversal that reaches them (rare), so a snapshot's size follows the holdings, not their events.
     */
    static final int REVERSIBLE_FACTS_IN_SNAPSHOT = 1;

    @JsonProperty("holderId")
    private HolderId holderId;
    private HoldingLife life;
    /**
     * The reversible facts older than those in {@code life.earlier()} that the snapshot this holding was
     * read from left out; 0 when the life is whole. Such a holding answers every rule but a reversal,
     * which first restores the whole life from the events ({@link #restoreWholeLife}).
     */
    private int earlierLeftOut;

    @SuppressWarnings("unused")
    private Holding() {
        // for snapshots
    }

    /** The life as a snapshot keeps it: the latest reversible facts only. */
    @JsonProperty("life")
    private HoldingLife lifeForSnapshot() {
        return life.keepingLatestReversible(REVERSIBLE_FACTS_IN_SNAPSHOT);
    }

    @JsonProperty("life")
    private void lifeFromSnapshot(HoldingLife kept) {
        life = kept;
    }

    @JsonProperty("earlierLeftOut")
    private int earlierLeftOutOfSnapshot() {
        return earlierLeftOut + life.earlier().size() - Math.min(life.earlier().size(), REVERSIBLE_FACTS_IN_SNAPSHOT);
    }

    @JsonProperty("earlierLeftOut")
    private void earlierLeftOutFromSnapshot(int leftOut) {
        earlierLeftOut = leftOut;
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

    /** A later event of this holding, as the series' event sourcing handler routes it (not a first allotment). */
    void evolve(HoldingEvent event) {
        if (event instanceof FactReversed && life.earlier().isEmpty() && earlierLeftOut > 0) {
            // SeriesEventStore reads such a series from its first event instead of its snapshot
            throw new IllegalStateException(event + " takes back a fact the snapshot of the series left out");
        }
        life = HoldingLifecycle.evolve(life, event);
        if (HoldingLifecycle.closedEveryReversal(event, life)) {
            earlierLeftOut = 0;
        }
    }

    // ---- the whole life, for a reversal

    /**
     * Whether the person's own facts can be recorded on this holding: the allottee's, or an heir's once they
     * inherited (an heir's death is recorded on the holding they inherited, and is reversed before the
     * inheritance can be).
     */
    boolean concerns(HolderId person) {
        return holderId.equals(person) || person.equals(heirId());
    }

    /** Whether a snapshot left out reversible facts of the holding that its whole life holds. */
    boolean lacksEarlierStates() {
        return earlierLeftOut > 0;
    }

    /**
     * Puts back the reversible facts a snapshot left out, from the holding's life folded again from the
     * recorded events: the same holding, only more of its past in memory.
     *
     * @throws IllegalStateException when the events fold to another holding than this one
     */
    void restoreWholeLife(HoldingLife whole) {
        if (!life.isLatestPartOf(whole, earlierLeftOut)) {
            throw new IllegalStateException("the recorded events of " + holderId + " fold to " + whole
                    + ", not to the holding in memory " + life + " with " + earlierLeftOut + " facts left out");
        }
        life = whole;
        earlierLeftOut = 0;
    }

    /** A reversal reads the reversible facts; those of a holding read from a snapshot are restored first. */
    private HoldingLife wholeLife() {
        if (earlierLeftOut > 0) {
            throw new IllegalStateException("the holding of " + holderId + " was read from a snapshot that left out "
                    + earlierLeftOut + " reversible facts: restore its whole life before a reversal");
        }
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

    // ---- the holding's decisions: each checks, then returns the events to record; the root applies them

    /** RULES.md 2: a further allotment goes only to a holder still in office. */
    void requireOpenToAllotment() {
        if (status() != HoldingStatus.IN_OFFICE) {
            throw holderNotInOffice(holderId, status());
        }
        if (allotteeDied()) {
            // a death that left nothing to inherit keeps the status; the holder is still not in office
            throw holderAlreadyDeceasedAtAllotment(holderId, dateOfDeath());
        }
    }

    /** RULES.md 3: a move between the two offices, where the holder still holds office in another role. */
    Optional<HolderRoleChanged> changeRole(RecordRoleChange command, SeriesContext series) {
        if (status() != HoldingStatus.IN_OFFICE || allotteeDied() || role() == command.newRole()) {
            return Optional.empty();
        }
        requireNotBeforeLatestFact(command.changeDate(), "change of role");
        return Optional.of(new HolderRoleChanged(series.seriesId(), holderId, role(), command.newRole(),
                command.changeDate()));
    }

    /**
     * RULES.md 4: losing office opens the window D+1..D+n cut to the exercise period; empty when nothing
     * is left that the departure could change.
     */
    Optional<HolderLeftOffice> leaveOffice(RecordDepartureFromOffice command, SeriesContext series) {
        if (!isLive() || !lapseOf(series).date().isAfter(command.departureDate())) {
            return Optional.empty();
        }
        if (status() == HoldingStatus.LEFT_OFFICE) {
            // the person's history accepted the departure: re-appointed by a later series, this one stays as it was
            return Optional.empty();
        }
        if (status() == HoldingStatus.AWAITING_HEIR || status() == HoldingStatus.INHERITED) {
            throw holderAlreadyDeceasedAtDeparture(holderId, dateOfDeath(), series.seriesId());
        }
        requireNotBeforeLatestFact(command.departureDate(), "departure from office");
        SeriesContext.WindowInPeriod window = series.windowAfterLeavingOffice(command.departureDate());
        return Optional.of(new HolderLeftOffice(series.seriesId(), holderId, command.departureDate(),
                command.reason(), window.window(), window.lapseDate()));
    }

    /** A death's decision for one holding: the events to record (none where nothing was left) and what it did. */
    record Death(List<HoldingEvent> events, String account) {
    }

    /**
     * RULES.md 5: what the death of the person who holds the rights now (the allottee or the heir) does to
     * the holding; empty when the holding is not that person's. Dying in office or inside the window leaves
     * the rights awaiting one heir; dying after they lapsed leaves nothing to inherit; an heir's death
     * makes them lapse.
     */
    Optional<Death> die(RecordDeath command, SeriesContext series) {
        HolderId deceased = command.personId();
        if (!currentHolder().equals(deceased)) {
            return Optional.empty();
        }
        if (!isLive()) {
            return Optional.of(new Death(List.of(), closedAccount(series.seriesId(), deceased)));
        }
        boolean isHeir = heirId() != null;
        requireNotRecordedDeceased(deceased, series.seriesId());
        requireNotBeforeLatestFact(command.dateOfDeath(), "death");
        Lapse lapse = lapseOf(series);
        boolean extinguished = !lapse.date().isAfter(command.dateOfDeath());
        HolderDied.Outcome outcome = extinguished ? HolderDied.Outcome.NOTHING_TO_INHERIT
                : isHeir ? HolderDied.Outcome.RIGHTS_LAPSE : HolderDied.Outcome.AWAITING_HEIR;
        HolderDied died = new HolderDied(series.seriesId(), holderId, deceased, command.dateOfDeath(), outcome,
                held());
        return Optional.of(switch (outcome) {
            case AWAITING_HEIR -> new Death(List.of(died), DeathAccounts.awaitingHeir(series.seriesId(), deceased,
                    held()));
            case NOTHING_TO_INHERIT -> new Death(List.of(died), DeathAccounts.nothingToInheritLapsed(
                    series.seriesId(), deceased, lapse.date(), lapse.reason()));
            case RIGHTS_LAPSE -> new Death(List.of(died, new RightsLapsed(series.seriesId(), holderId, held(),
                    LapseReason.HEIR_DIED, command.dateOfDeath())),
                    DeathAccounts.heirsRightsLapse(series.seriesId(), deceased, holderId, held(),
                            command.dateOfDeath()));
        });
    }

    /** What a death does to a closed holding: nothing, and why. */
    private String closedAccount(SeriesId seriesId, HolderId deceased) {
        // a holding that is not live has closed: every right it held was exercised, lapsed or acquired
        Stage.Closed closed = (Stage.Closed) life.stage();
        return switch (closed.ending()) {
            case LAPSED -> DeathAccounts.nothingToInheritLapseRecorded(seriesId, deceased, closed.on(),
                    closed.lapseReason());
            case FULLY_EXERCISED -> DeathAccounts.nothingToInheritExercised(seriesId, deceased);
            case ACQUIRED -> DeathAccounts.nothingToInheritAcquired(seriesId, deceased, closed.on());
        };
    }

    /** RULES.md 5, (11)-3: the one heir inherits the whole holding, with the window I..I+6 months cut to the period. */
    RightsInherited inherit(InheritRights command, SeriesContext series) {
        if (command.heirIds().size() > 1) {
            throw moreThanOneHeir(command.heirIds());
        }
        requireOpenToInheritance();
        if (status() != HoldingStatus.AWAITING_HEIR || !isLive()
                || !lapseOf(series).date().isAfter(command.inheritanceDate())) {
            throw nothingToInherit(holderId, status(), dateOfDeath(), series.exercisePeriod().lastDay());
        }
        requireNotBeforeLatestFact(command.inheritanceDate(), "inheritance");
        HolderId heir = command.heirIds().get(0);
        if (heir.equals(holderId)) {
            throw heirIsTheDeceased(holderId, heir);
        }
        SeriesContext.WindowInPeriod window = series.heirsWindow(command.inheritanceDate());
        return new RightsInherited(series.seriesId(), holderId, heir, command.inheritanceDate(), held(),
                window.window(), window.lapseDate());
    }

    /**
     * RULES.md 6: an exercise of whole rights, inside the period and the window that applies, of at most the
     * rights held. The exercise names the holding by the original holder's identifier or the heir's.
     */
    RightsExercised exercise(ExerciseRights command, SeriesContext series, LocalDate today) {
        LocalDate date = command.exerciseDate();
        boolean madeBeforeRecordedDeath = exerciseMadeBeforeRecordedDeath(date);
        if (!madeBeforeRecordedDeath) {
            requirePeriodNotEndedInOffice(series, today);
            requireExercisable(command.holderId(), series.terms().windowAfterLeavingOfficeDays());
        }
        ExerciseWindow window = madeBeforeRecordedDeath ? departureWindow() : window();
        if (!series.exercisePeriod().contains(date)) {
            throw outsideExercisePeriod(date, series.exercisePeriod(), window);
        }
        if (window == null || !window.contains(date)) {
            throw outsideWindow(date, series);
        }
        SharesPerRight inForce = series.sharesPerRight().on(date);
        if (inForce.shares() == 0) {
            // RULES.md 13: a consolidation may bring the shares per right to 0
            throw nothingToDeliver(date, inForce);
        }
        Rights rights = rightsRequested(command, inForce);
        if (rights.exceeds(held())) {
            throw exceedsRightsHeld(held(), rights);
        }
        return series.exercised(holderId, madeBeforeRecordedDeath ? holderId : currentHolder(), date, rights,
                inForce);
    }

    /** RULES.md 9: the lapse of a live holding's rights, when its date has come by {@code asOf}. */
    Optional<RightsLapsed> lapseDueBy(LocalDate asOf, SeriesContext series) {
        if (!isLive()) {
            return Optional.empty();
        }
        Lapse lapse = lapseOf(series);
        return lapse.date().isAfter(asOf) ? Optional.empty()
                : Optional.of(new RightsLapsed(series.seriesId(), holderId, held(), lapse.reason(), lapse.date()));
    }

    /** Reverses the latest fact; a lapse or an acquisition cannot be reversed and blocks what is before it. */
    FactReversed reverseLatest(ReverseLatestFact command, SeriesContext series) {
        LatestFact latest = latestFact().orElseThrow(() -> nothingToReverse(command.holderId()));
        if (latest.reversible() == null) {
            throw laterFactRecordedThatCannotBeReversed(command.holderId(), latest.description(), latest.date());
        }
        return reversalOf(latest, command.reason(), command.reversedOn(), series);
    }

    /**
     * Reverses the person's departure or death where the holding recorded it and it is still reversible;
     * it must be the holding's latest fact.
     */
    Optional<FactReversed> reverseFactOfPerson(ReverseFactOfPerson command, SeriesContext series) {
        if (!concerns(command.personId()) || !wholeLife().hasReversible(command.fact(), command.personId())) {
            return Optional.empty();
        }
        LatestFact latest = latestFact().orElseThrow();
        if (!latest.is(command.fact(), command.personId())) {
            throw laterFactRecordedBeforeReversal(series.seriesId(), holderId, latest.description(), latest.date());
        }
        return Optional.of(reversalOf(latest, command.reason(), command.reversedOn(), series));
    }

    private FactReversed reversalOf(LatestFact latest, String reason, LocalDate reversedOn, SeriesContext series) {
        return new FactReversed(series.seriesId(), holderId, latest.reversible(), latest.date(), reason, reversedOn,
                latest.exercised(), latest.lapsedWithIt());
    }

    /** A fact is recorded in the order it happened: not before the holding's latest fact. */
    void requireNotBeforeLatestFact(LocalDate date, String what) {
        if (date.isBefore(latestFactDate())) {
            throw factOutOfOrder(what, date, holderId, latestFactDate());
        }
    }

    // ---- what the decisions read

    /** The first day a live holding's rights can no longer be exercised, and why. */
    private record Lapse(LocalDate date, LapseReason reason) {
    }

    /** RULES.md 9: when the rights lapse: at the end of the window that applies, at the latest with the period. */
    private Lapse lapseOf(SeriesContext series) {
        LocalDate periodOver = series.periodOver();
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

    /**
     * The holder exercised in the window after losing office and died later, but the death was
     * recorded first: the exercise was valid when made (RULES.md 9: accepted until the lapse is
     * recorded), and the heir inherits only what it left.
     */
    private boolean exerciseMadeBeforeRecordedDeath(LocalDate date) {
        return allotteeDied() && date.isBefore(dateOfDeath()) && departureWindow() != null
                && departureWindow().contains(date)
                && (status() == HoldingStatus.AWAITING_HEIR || status() == HoldingStatus.INHERITED);
    }

    /**
     * A holder still in office when the exercise period ended never had a window in it: the rights
     * end with the period (not "record the departure first", which would change nothing).
     */
    private void requirePeriodNotEndedInOffice(SeriesContext series, LocalDate today) {
        if (status() == HoldingStatus.IN_OFFICE && series.exercisePeriod().lastDay().isBefore(today)) {
            throw exercisePeriodEnded(series.seriesId(), holderId, series.exercisePeriod(), held());
        }
    }

    /** RULES.md 6: who may exercise now, by where the holding stands; {@code named} is how the exercise named it. */
    private void requireExercisable(HolderId named, int windowAfterLeavingOfficeDays) {
        switch (status()) {
            case IN_OFFICE -> throw holderInOffice(named, windowAfterLeavingOfficeDays, held());
            case AWAITING_HEIR -> throw awaitingHeir(named, dateOfDeath());
            case LAPSED -> throw rightsLapsed(named, lapsed());
            case ACQUIRED -> throw rightsAcquired(named, acquired());
            case FULLY_EXERCISED -> throw noRightsLeft(named, exercised());
            default -> {
            }
        }
    }

    private RuleViolation outsideWindow(LocalDate date, SeriesContext series) {
        return status() == HoldingStatus.INHERITED
                ? outsideExerciseWindowOfHeir(date, series.terms().heirWindowMonths(), window(),
                series.exercisePeriod(), held())
                : outsideExerciseWindowAfterLeavingOffice(date, departureDate(),
                series.terms().windowAfterLeavingOfficeDays(), window(), series.exercisePeriod(), held());
    }

    /** (11)-1: the whole rights an exercise asks for, named as rights or as shares. */
    private static Rights rightsRequested(ExerciseRights command, SharesPerRight inForce) {
        if (command.rights() != null) {
            BigDecimal rights = command.rights().stripTrailingZeros();
            if (rights.scale() > 0) {
                throw partialRightNotAllowedInRights(command.rights());
            }
            return Rights.of(rights.longValueExact());
        }
        BigDecimal shares = command.shares().stripTrailingZeros();
        BigDecimal perRight = BigDecimal.valueOf(inForce.shares());
        if (shares.scale() > 0 || perRight.signum() == 0 || shares.remainder(perRight).signum() != 0) {
            long wholeRights = perRight.signum() == 0 ? 0 : shares.divideToIntegralValue(perRight).longValue();
            throw partialRightNotAllowedInShares(command.shares(), inForce, wholeRights);
        }
        return Rights.of(shares.divide(perRight).longValueExact());
    }

    /** RULES.md 5: the person who holds the rights now (allottee or heir) is not already recorded as deceased. */
    private void requireNotRecordedDeceased(HolderId personId, SeriesId seriesId) {
        boolean isHeir = heirId() != null;
        if (isHeir && dateOfHeirsDeath() != null) {
            throw holderAlreadyDeceasedHeir(holderId, personId, dateOfHeirsDeath(), seriesId);
        }
        if (!isHeir && allotteeDied()) {
            throw holderAlreadyDeceased(personId, dateOfDeath(), seriesId);
        }
    }

    /** RULES.md 5, (11)-3: not inherited yet, by one heir only, and the allottee recorded as deceased. */
    private void requireOpenToInheritance() {
        if (heirId() != null) {
            if (dateOfHeirsDeath() != null) {
                throw heirCannotPassOn(heirId(), dateOfHeirsDeath());
            }
            throw alreadyInherited(heirId(), inheritanceDate());
        }
        if (!allotteeDied()) {
            throw holderNotDeceased(holderId, status());
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
        Optional<HoldingLife.Earlier> reversible = wholeLife().latestReversible();
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
