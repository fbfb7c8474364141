package io.sartracker.command.person;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.sartracker.kernel.command.RecordDeath;
import io.sartracker.kernel.command.RecordDepartureFromOffice;
import io.sartracker.kernel.command.RecordRoleChange;
import io.sartracker.kernel.command.ReverseFactOfPerson;
import io.sartracker.kernel.event.person.PersonAllotted;
import io.sartracker.kernel.event.person.PersonDied;
import io.sartracker.kernel.event.person.PersonEvent;
import io.sartracker.kernel.event.person.PersonFactReversed;
import io.sartracker.kernel.event.person.PersonHistoryOpened;
import io.sartracker.kernel.event.person.PersonLeftOffice;
import io.sartracker.kernel.event.person.PersonRoleChanged;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.List;

import static io.sartracker.command.person.PersonFact.Kind.ALLOTMENT;
import static io.sartracker.command.person.PersonFact.Kind.ROLE_CHANGE;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person at one issuer (RULES.md 13): office is held at the issuer, so the person's allotments,
 * role changes, departure and death (and their reversals) form one history in date order, whatever
 * series still hold rights. Every departure, death, role change and reversal goes through this
 * aggregate, in the same unit of work as the series it fans out to, so that Axon's optimistic
 * locking on its stream keeps two concurrent commands about one person from both being recorded.
 * Its methods are called by the {@code IssuerCommandHandler}: each checks ({@link PersonHistory}
 * holds the rules) and then applies; state changes only in the event sourcing handlers.
 */
@Aggregate(snapshotTriggerDefinition = "seriesSnapshotTrigger", snapshotFilter = "personSnapshotFilter",
        cache = "importAggregateCache")
@org.axonframework.serialization.Revision("1")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class PersonAtIssuer {
    /** The metadata key of what a recorded fact did, said for the answer to whoever recorded it. */
    public static final String DETAIL_METADATA = "detail";

    @AggregateIdentifier
    private String historyId;
    private PersonHistory history;

    /** A history not kept yet: {@link #open} it before recording a fact (Axon's load-or-create needs it public). */
    public PersonAtIssuer() {
        // for Axon
    }

    /** Whether the history is kept (opened); a blank one records nothing until it is opened. */
    public boolean isKept() {
        return history != null;
    }

    /**
     * Opens the history, with the facts the series recorded before it was kept (in date order, as
     * they were: the series accepted them).
     */
    public void open(IssuerId issuerId, HolderId personId, LocalDate openedOn, List<PersonFact> onRecord) {
        apply(new PersonHistoryOpened(issuerId, personId, openedOn));
        for (PersonFact fact : PersonHistory.carriedOver(issuerId, personId, onRecord).facts()) {
            switch (fact.kind()) {
                case ALLOTMENT -> apply(new PersonAllotted(issuerId, personId, fact.seriesId(), fact.role(),
                        fact.date(), fact.reappointed()));
                case DEPARTURE -> apply(new PersonLeftOffice(issuerId, personId, fact.date(), null));
                case DEATH -> apply(new PersonDied(issuerId, personId, fact.date(), List.of()));
                case ROLE_CHANGE -> apply(new PersonRoleChanged(issuerId, personId, fact.role(), fact.date()));
            }
        }
    }

    public static String historyId(IssuerId issuerId, HolderId personId) {
        return PersonEvent.historyId(issuerId, personId);
    }

    public PersonHistory history() {
        return history;
    }

    public void recordAllotment(SeriesId seriesId, Role role, LocalDate allotmentDate) {
        history.requireAllotmentAllowed(allotmentDate);
        apply(new PersonAllotted(history.issuerId(), history.personId(), seriesId, role, allotmentDate,
                history.reappointedBy(allotmentDate)));
    }

    public void recordDeparture(RecordDepartureFromOffice command) {
        history.requireDepartureAllowed(command);
        apply(new PersonLeftOffice(history.issuerId(), history.personId(), command.departureDate(),
                command.reason()));
    }

    /**
     * @param seriesAffected the series in which a holding recorded the death; may be none
     * @param detail         what the death did in each series, in a sentence each; it travels with the event as
     *                       its {@link #DETAIL_METADATA}, so the answer to whoever recorded the death says it
     */
    public void recordDeath(RecordDeath command, List<SeriesId> seriesAffected, String detail) {
        history.requireDeathAllowed(command);
        apply(new PersonDied(history.issuerId(), history.personId(), command.dateOfDeath(), seriesAffected),
                MetaData.with(DETAIL_METADATA, detail));
    }

    /** @param recordedInSeries whether a holding of the person recorded the change */
    public void recordRoleChange(RecordRoleChange command, boolean recordedInSeries) {
        history.requireRoleChangeAllowed(command);
        history.requireRoleChanges(command, recordedInSeries);
        apply(new PersonRoleChanged(history.issuerId(), history.personId(), command.newRole(), command.changeDate()));
    }

    public void recordReversal(ReverseFactOfPerson command) {
        PersonFact reversed = history.requireReversible(command);
        apply(new PersonFactReversed(history.issuerId(), history.personId(), command.fact(), reversed.date(),
                command.reason(), command.reversedOn()));
    }

    // ---- event sourcing handlers: the only place state changes

    @EventSourcingHandler
    void on(PersonHistoryOpened event) {
        historyId = historyId(event.issuerId(), event.personId());
        history = PersonHistory.empty(event.issuerId(), event.personId());
    }

    @EventSourcingHandler
    void on(PersonAllotted event) {
        history = history.with(new PersonFact(ALLOTMENT, event.allotmentDate(), event.seriesId(), event.role(),
                event.reappointed()));
    }

    @EventSourcingHandler
    void on(PersonLeftOffice event) {
        history = history.with(PersonFact.departure(event.departureDate()));
    }

    @EventSourcingHandler
    void on(PersonDied event) {
        history = history.with(PersonFact.death(event.dateOfDeath()));
    }

    @EventSourcingHandler
    void on(PersonRoleChanged event) {
        history = history.with(new PersonFact(ROLE_CHANGE, event.changeDate(), null, event.newRole(), false));
    }

    @EventSourcingHandler
    void on(PersonFactReversed event) {
        history = history.withoutLatest(PersonHistory.kindOf(event.fact()));
    }
}
