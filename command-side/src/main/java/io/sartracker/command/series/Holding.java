package io.sartracker.command.series;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.sartracker.kernel.event.FactReversed;
import io.sartracker.kernel.event.HolderDied;
import io.sartracker.kernel.event.HolderLeftOffice;
import io.sartracker.kernel.event.HolderRoleChanged;
import io.sartracker.kernel.event.RightsAcquired;
import io.sartracker.kernel.event.RightsExercised;
import io.sartracker.kernel.event.RightsInherited;
import io.sartracker.kernel.event.RightsLapsed;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.LapseReason;
import io.sartracker.kernel.model.ReversibleFact;
import io.sartracker.kernel.model.Rights;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rights one holder was allotted in the series: an entity of the {@link StockAcquisitionRight}
 * aggregate. It changes only by its event sourcing handlers; the rules live in the aggregate root,
 * which sees the series' terms.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Holding {
    @EntityId
    private HolderId holderId;
    private HoldingState state;
    private List<RecordedFact> facts = new ArrayList<>();

    @SuppressWarnings("unused")
    private Holding() {
        // for snapshots
    }

    Holding(HoldingState initial) {
        this.holderId = initial.holderId();
        this.state = initial;
    }

    HolderId holderId() {
        return holderId;
    }

    HoldingState state() {
        return state;
    }

    Optional<RecordedFact> latestFact() {
        return facts.isEmpty() ? Optional.empty() : Optional.of(facts.get(facts.size() - 1));
    }

    /**
     * A further allotment is not a fact that can be reversed, so it is added to every earlier state
     * too: reversing a later fact must not take the allotment back.
     */
    void addAllotment(Rights rights) {
        state = state.withMoreRights(rights);
        facts.replaceAll(fact -> fact.withBefore(fact.before().withMoreRights(rights)));
    }

    /** Still in office, in the other role; like an allotment, not a fact a reversal takes back. */
    @EventSourcingHandler
    void on(HolderRoleChanged event) {
        state = state.withRole(event.newRole());
        facts.replaceAll(fact -> fact.withBefore(fact.before().withRole(event.newRole())));
    }

    @EventSourcingHandler
    void on(HolderLeftOffice event) {
        remember(ReversibleFact.DEPARTURE, event.holderId(), "departure from office on " + event.departureDate(),
                event.departureDate(), Rights.NONE, Rights.NONE);
        state = state.leftOffice(event.departureDate(), event.window(), event.lapseDate());
    }

    @EventSourcingHandler
    void on(HolderDied event) {
        remember(ReversibleFact.DEATH, event.deceasedId(), "death of " + event.deceasedId() + " on "
                        + event.dateOfDeath(), event.dateOfDeath(), Rights.NONE,
                event.outcome() == HolderDied.Outcome.RIGHTS_LAPSE ? event.rights() : Rights.NONE);
        state = event.deceasedId().equals(state.holderId())
                ? state.allotteeDied(event.dateOfDeath(), event.outcome() == HolderDied.Outcome.AWAITING_HEIR)
                : state.heirDied(event.dateOfDeath());
    }

    @EventSourcingHandler
    void on(RightsInherited event) {
        remember(ReversibleFact.INHERITANCE, event.heirId(), "inheritance by " + event.heirId() + " on "
                + event.inheritanceDate(), event.inheritanceDate(), Rights.NONE, Rights.NONE);
        state = state.inherited(event.heirId(), event.inheritanceDate(), event.window(), event.lapseDate());
    }

    @EventSourcingHandler
    void on(RightsExercised event) {
        remember(ReversibleFact.EXERCISE, event.exercisedBy(), "exercise of " + event.rights() + " rights on "
                + event.exerciseDate(), event.exerciseDate(), event.rights(), Rights.NONE);
        state = state.exercised(event.rights(), event.exerciseDate());
    }

    @EventSourcingHandler
    void on(RightsLapsed event) {
        // The lapse on an heir's death belongs to the death: reversing the death restores the rights.
        if (event.reason() != LapseReason.HEIR_DIED) {
            remember(null, event.holderId(), "lapse on " + event.lapseDate(), event.lapseDate(), Rights.NONE,
                    Rights.NONE);
        }
        state = state.lapsedAll(event.lapseDate());
    }

    @EventSourcingHandler
    void on(RightsAcquired event) {
        remember(null, event.holderId(), "acquisition by the company on " + event.acquisitionDate(),
                event.acquisitionDate(), Rights.NONE, Rights.NONE);
        state = state.acquiredAll(event.acquisitionDate());
    }

    @EventSourcingHandler
    void on(FactReversed event) {
        state = facts.remove(facts.size() - 1).before();
    }

    private void remember(ReversibleFact kind, HolderId person, String description, LocalDate date,
                          Rights exercised, Rights lapsedWithIt) {
        facts.add(new RecordedFact(kind, person, description, date, state, exercised, lapsedWithIt));
    }

    /** Whether the person's fact of that kind is among the holding's facts that could still be reversed. */
    boolean hasReversible(ReversibleFact kind, HolderId person) {
        for (int i = facts.size() - 1; i >= 0 && facts.get(i).reversible() != null; i--) {
            if (facts.get(i).is(kind, person)) {
                return true;
            }
        }
        return false;
    }

    /** Value equality, so that Axon's fixtures can check that sourcing rebuilds the same holding. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Holding that && holderId.equals(that.holderId) && state.equals(that.state)
                && facts.equals(that.facts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(holderId, state, facts);
    }
}
