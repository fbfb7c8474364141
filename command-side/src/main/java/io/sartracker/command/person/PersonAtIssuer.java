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
import io.sartracker.kernel.model.ReversibleFact;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static io.sartracker.command.person.PersonFact.Kind.ALLOTMENT;
import static io.sartracker.command.person.PersonFact.Kind.DEATH;
import static io.sartracker.command.person.PersonFact.Kind.DEPARTURE;
import static io.sartracker.command.person.PersonFact.Kind.ROLE_CHANGE;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person at one issuer (RULES.md 13): office is held at the issuer, so the person's allotments,
 * role changes, departure and death (and their reversals) form one history in date order, whatever
 * series still hold rights. Every command about the person goes through this aggregate, in the same
 * unit of work as the series it fans out to, so Axon's optimistic locking on its stream keeps two
 * concurrent commands about one person from both being recorded. Its methods are called by the
 * {@code IssuerCommandHandler}: each checks, then applies; state changes only in the handlers below.
 */
@Aggregate(snapshotTriggerDefinition = "seriesSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class PersonAtIssuer {

    @AggregateIdentifier
    private String historyId;
    private IssuerId issuerId;
    private HolderId personId;
    /** In the order recorded; a reversed departure or death is taken out. */
    private List<PersonFact> facts = new ArrayList<>();

    protected PersonAtIssuer() {
        // for Axon
    }

    public PersonAtIssuer(IssuerId issuerId, HolderId personId, LocalDate openedOn) {
        apply(new PersonHistoryOpened(issuerId, personId, openedOn));
    }

    public static String historyId(IssuerId issuerId, HolderId personId) {
        return PersonEvent.historyId(issuerId, personId);
    }

    /**
     * The facts the series recorded before the person's history was kept, in date order: recorded
     * as they were, without checks (the series accepted them).
     */
    public void carryOver(List<PersonFact> onRecord) {
        onRecord.stream().sorted(Comparator.comparing(PersonFact::date).thenComparing(PersonFact::kind))
                .forEach(fact -> {
                    switch (fact.kind()) {
                        case ALLOTMENT -> apply(new PersonAllotted(issuerId, personId, fact.seriesId(), fact.role(),
                                fact.date(), reappointedOn(fact.date())));
                        case DEPARTURE -> apply(new PersonLeftOffice(issuerId, personId, fact.date(), null));
                        case DEATH -> apply(new PersonDied(issuerId, personId, fact.date(), List.of()));
                        case ROLE_CHANGE -> apply(new PersonRoleChanged(issuerId, personId, fact.role(), fact.date()));
                    }
                });
    }

    // ---- allotment: holds office from the allotment date; re-appointment after a departure

    public void recordAllotment(SeriesId seriesId, Role role, LocalDate allotmentDate) {
        requireAliveOn(allotmentDate);
        apply(new PersonAllotted(issuerId, personId, seriesId, role, allotmentDate, reappointedOn(allotmentDate)));
    }

    private boolean reappointedOn(LocalDate date) {
        Office office = officeOn(date);
        return !office.inOffice() && office.departedOn() != null;
    }

    // ---- departure (RULES.md 4, 13)

    public void recordDeparture(RecordDepartureFromOffice command) {
        LocalDate date = command.departureDate();
        requireNoLaterDepartureOrDeath(date, "departure from office");
        requireAliveOn(date);
        requireInOfficeOn(date, "lose office");
        apply(new PersonLeftOffice(issuerId, personId, date, command.reason()));
    }

    // ---- death (RULES.md 5, 13)

    public void requireDeathCanBeRecorded(RecordDeath command) {
        requireNoLaterDepartureOrDeath(command.dateOfDeath(), "death");
        death().ifPresent(death -> {
            throw alreadyDeceased(death.date());
        });
    }

    /** @param seriesAffected the series in which a holding recorded the death; may be none */
    public void recordDeath(RecordDeath command, List<SeriesId> seriesAffected) {
        requireDeathCanBeRecorded(command);
        apply(new PersonDied(issuerId, personId, command.dateOfDeath(), seriesAffected));
    }

    // ---- role change (RULES.md 3, 13)

    public void requireRoleChangeCanBeRecorded(RecordRoleChange command) {
        LocalDate date = command.changeDate();
        requireNoLaterDepartureOrDeath(date, "change of role");
        requireAliveOn(date);
        requireInOfficeOn(date, "change role");
    }

    /** @param recordedInSeries whether a holding of the person recorded the change */
    public void recordRoleChange(RecordRoleChange command, boolean recordedInSeries) {
        requireRoleChangeCanBeRecorded(command);
        Role current = officeOn(command.changeDate()).role();
        if (!recordedInSeries && command.newRole() == current) {
            throw RuleViolation.of(RuleCode.ROLE_UNCHANGED,
                    "No holding of " + personId + " in office has another role than " + command.newRole()
                            + "; nothing to record.",
                    "issuerId", issuerId, "holderId", personId, "newRole", command.newRole());
        }
        apply(new PersonRoleChanged(issuerId, personId, command.newRole(), command.changeDate()));
    }

    // ---- reversal of a departure or death recorded in error

    public void requireReversible(ReverseFactOfPerson command) {
        PersonFact.Kind kind = command.fact() == ReversibleFact.DEATH ? DEATH : DEPARTURE;
        int index = lastIndexOf(kind);
        if (index < 0) {
            throw RuleViolation.of(RuleCode.NOTHING_TO_REVERSE,
                    "No " + command.fact().name().toLowerCase() + " of " + personId
                            + " is recorded that could be reversed.",
                    "issuerId", issuerId, "holderId", personId, "fact", command.fact());
        }
        facts.subList(index + 1, facts.size()).stream().filter(PersonFact::changesOffice)
                .reduce((first, second) -> second).ifPresent(later -> {
                    throw RuleViolation.of(RuleCode.LATER_FACT_RECORDED,
                            "The " + later.description() + " was recorded for " + personId + " after the "
                                    + facts.get(index).description() + "; reverse that first.",
                            "issuerId", issuerId, "holderId", personId, "latestFact", later.description(),
                            "factDate", later.date());
                });
    }

    public void recordReversal(ReverseFactOfPerson command) {
        requireReversible(command);
        PersonFact reversed = facts.get(lastIndexOf(command.fact() == ReversibleFact.DEATH ? DEATH : DEPARTURE));
        apply(new PersonFactReversed(issuerId, personId, command.fact(), reversed.date(), command.reason(),
                command.reversedOn()));
    }

    // ---- the rules, one method building each rejection

    private void requireNoLaterDepartureOrDeath(LocalDate date, String what) {
        facts.stream().filter(f -> (f.is(DEPARTURE) || f.is(DEATH)) && f.date().isAfter(date))
                .max(Comparator.comparing(PersonFact::date)).ifPresent(later -> {
                    throw RuleViolation.of(RuleCode.FACT_OUT_OF_ORDER,
                            "The " + what + " of " + personId + " on " + date + " is dated before the "
                                    + later.description() + " already recorded at " + issuerId
                                    + "; a person's facts are recorded in date order, in every series alike."
                                    + " Reverse the later fact first if the order is wrong.",
                            "holderId", personId, "date", date, "latestFactDate", later.date(),
                            "latestFact", later.description());
                });
    }

    private void requireAliveOn(LocalDate date) {
        death().filter(death -> !death.date().isAfter(date)).ifPresent(death -> {
            throw alreadyDeceased(death.date());
        });
    }

    private RuleViolation alreadyDeceased(LocalDate dateOfDeath) {
        boolean heir = firstAllotment().isEmpty();
        return RuleViolation.of(RuleCode.HOLDER_ALREADY_DECEASED,
                (heir ? "The heir " : "Holder ") + personId + " is already recorded as deceased on " + dateOfDeath
                        + "; reverse that record first if it was wrong.",
                heir ? "heirId" : "holderId", personId, "dateOfDeath", dateOfDeath);
    }

    private void requireInOfficeOn(LocalDate date, String what) {
        Office office = officeOn(date);
        if (office.inOffice()) {
            return;
        }
        if (office.departedOn() != null) {
            throw RuleViolation.of(RuleCode.HOLDER_NOT_IN_OFFICE,
                    "Holder " + personId + " already left office on " + office.departedOn() + " and was not"
                            + " re-appointed before " + date + ", so cannot " + what + " then; reverse that departure"
                            + " first if it was wrong.",
                    "holderId", personId, "departureDate", office.departedOn(), "date", date);
        }
        Optional<LocalDate> firstAllotment = firstAllotment();
        if (firstAllotment.isPresent()) {
            throw RuleViolation.of(RuleCode.FACT_OUT_OF_ORDER,
                    "Holder " + personId + " holds office at " + issuerId + " from the first allotment on "
                            + firstAllotment.get() + "; a fact on " + date + " is dated before it. Check the date.",
                    "holderId", personId, "date", date, "latestFactDate", firstAllotment.get());
        }
        throw RuleViolation.of(RuleCode.HOLDER_NOT_IN_OFFICE,
                personId + " never held office at " + issuerId + " (an heir holds none), so cannot " + what + ".",
                "holderId", personId, "date", date);
    }

    private Optional<LocalDate> firstAllotment() {
        return facts.stream().filter(f -> f.is(ALLOTMENT)).map(PersonFact::date).min(Comparator.naturalOrder());
    }

    // ---- the history read in date order

    /** Whether the person holds office on a date, since when, the last departure and death by then, the role. */
    record Office(boolean inOffice, LocalDate departedOn, LocalDate diedOn, Role role) {
    }

    Office officeOn(LocalDate date) {
        boolean inOffice = false;
        LocalDate departed = null;
        LocalDate died = null;
        Role role = null;
        List<PersonFact> inDateOrder = new ArrayList<>(facts);
        inDateOrder.sort(Comparator.comparing(PersonFact::date)); // stable: same day in the order recorded
        for (PersonFact fact : inDateOrder) {
            if (fact.date().isAfter(date)) {
                break;
            }
            switch (fact.kind()) {
                case ALLOTMENT -> {
                    inOffice = died == null;
                    role = fact.role();
                }
                case ROLE_CHANGE -> role = fact.role();
                case DEPARTURE -> {
                    inOffice = false;
                    departed = fact.date();
                }
                case DEATH -> {
                    inOffice = false;
                    died = fact.date();
                }
            }
        }
        return new Office(inOffice, departed, died, role);
    }

    private Optional<PersonFact> death() {
        return facts.stream().filter(f -> f.is(DEATH)).findFirst();
    }

    private int lastIndexOf(PersonFact.Kind kind) {
        for (int i = facts.size() - 1; i >= 0; i--) {
            if (facts.get(i).is(kind)) {
                return i;
            }
        }
        return -1;
    }

    /** The person's facts in the order recorded, for checks from outside (tests, tools). */
    public List<PersonFact> facts() {
        return List.copyOf(facts);
    }

    // ---- event sourcing handlers: the only place state changes

    @EventSourcingHandler
    void on(PersonHistoryOpened event) {
        historyId = historyId(event.issuerId(), event.personId());
        issuerId = event.issuerId();
        personId = event.personId();
    }

    @EventSourcingHandler
    void on(PersonAllotted event) {
        facts.add(new PersonFact(ALLOTMENT, event.allotmentDate(), event.seriesId(), event.role(),
                event.reappointed()));
    }

    @EventSourcingHandler
    void on(PersonLeftOffice event) {
        facts.add(PersonFact.departure(event.departureDate()));
    }

    @EventSourcingHandler
    void on(PersonDied event) {
        facts.add(PersonFact.death(event.dateOfDeath()));
    }

    @EventSourcingHandler
    void on(PersonRoleChanged event) {
        facts.add(new PersonFact(ROLE_CHANGE, event.changeDate(), null, event.newRole(), false));
    }

    @EventSourcingHandler
    void on(PersonFactReversed event) {
        facts.remove(lastIndexOf(event.fact() == ReversibleFact.DEATH ? DEATH : DEPARTURE));
    }
}
