package io.sartracker.command.person;

import io.sartracker.kernel.command.RecordDeath;
import io.sartracker.kernel.command.RecordDepartureFromOffice;
import io.sartracker.kernel.command.RecordRoleChange;
import io.sartracker.kernel.command.ReverseFactOfPerson;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.ReversibleFact;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.rule.RuleViolation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static io.sartracker.command.person.PersonFact.Kind.ALLOTMENT;
import static io.sartracker.command.person.PersonFact.Kind.DEATH;
import static io.sartracker.command.person.PersonFact.Kind.DEPARTURE;
import static io.sartracker.command.person.PersonRejections.*;

/**
 * A person's history at one issuer as an immutable value (RULES.md 13): the facts in the order
 * recorded, read in date order to say whether the person holds office on a date. The rules about
 * the person are its methods, their rejections built by {@link PersonRejections}; {@link PersonAtIssuer}
 * keeps it as its state, and a history not yet kept is checked the same way before it is opened.
 */
public record PersonHistory(IssuerId issuerId, HolderId personId, List<PersonFact> facts) {

    public PersonHistory {
        facts = List.copyOf(facts);
    }

    public static PersonHistory empty(IssuerId issuerId, HolderId personId) {
        return new PersonHistory(issuerId, personId, List.of());
    }

    /** The facts the series recorded, in date order (an allotment before a departure or death of the same day). */
    private static List<PersonFact> inDateOrder(List<PersonFact> onRecord) {
        return onRecord.stream().sorted(Comparator.comparing(PersonFact::date).thenComparing(PersonFact::kind))
                .toList();
    }

    /**
     * The history as the series recorded it before it was kept: their facts in date order, an
     * allotment after a departure being a re-appointment.
     */
    public static PersonHistory carriedOver(IssuerId issuerId, HolderId personId, List<PersonFact> onRecord) {
        PersonHistory history = empty(issuerId, personId);
        for (PersonFact fact : inDateOrder(onRecord)) {
            history = history.with(fact.is(ALLOTMENT) ? new PersonFact(ALLOTMENT, fact.date(), fact.seriesId(),
                    fact.role(), history.reappointedBy(fact.date())) : fact);
        }
        return history;
    }

    PersonHistory with(PersonFact fact) {
        List<PersonFact> more = new ArrayList<>(facts);
        more.add(fact);
        return new PersonHistory(issuerId, personId, more);
    }

    PersonHistory withoutLatest(PersonFact.Kind kind) {
        List<PersonFact> fewer = new ArrayList<>(facts);
        fewer.remove(lastIndexOf(kind));
        return new PersonHistory(issuerId, personId, fewer);
    }

    // ---- the rules

    /** An allotment to a person recorded as deceased by its date is refused. */
    public void requireAllotmentAllowed(LocalDate allotmentDate) {
        requireAliveOn(allotmentDate);
    }

    /** An allotment to a person who had left office by its date is a re-appointment. */
    public boolean reappointedBy(LocalDate allotmentDate) {
        Office office = officeOn(allotmentDate);
        return !office.inOffice() && office.departedOn() != null;
    }

    public void requireDepartureAllowed(RecordDepartureFromOffice command) {
        LocalDate date = command.departureDate();
        requireNoLaterDepartureOrDeath(date, "departure from office");
        requireAliveOn(date);
        requireInOfficeOn(date, "lose office");
    }

    public void requireDeathAllowed(RecordDeath command) {
        requireNoLaterDepartureOrDeath(command.dateOfDeath(), "death");
        death().ifPresent(death -> {
            throw alreadyDeceased(death.date());
        });
    }

    public void requireRoleChangeAllowed(RecordRoleChange command) {
        LocalDate date = command.changeDate();
        requireNoLaterDepartureOrDeath(date, "change of role");
        requireAliveOn(date);
        requireInOfficeOn(date, "change role");
    }

    /** A role change that no series recorded is refused when the person already holds that role. */
    public void requireRoleChanges(RecordRoleChange command, boolean recordedInSeries) {
        if (!recordedInSeries && command.newRole() == officeOn(command.changeDate()).role()) {
            throw roleUnchanged(issuerId, personId, command.newRole());
        }
    }

    /** The person's latest departure or death, reversible while no departure, death or re-appointment follows it. */
    public PersonFact requireReversible(ReverseFactOfPerson command) {
        PersonFact.Kind kind = kindOf(command.fact());
        int index = lastIndexOf(kind);
        if (index < 0) {
            throw nothingToReverse(issuerId, personId, command.fact());
        }
        facts.subList(index + 1, facts.size()).stream().filter(PersonFact::changesOffice)
                .reduce((first, second) -> second).ifPresent(later -> {
                    throw laterFactRecordedBeforeReversal(issuerId, personId, later, facts.get(index));
                });
        return facts.get(index);
    }

    static PersonFact.Kind kindOf(ReversibleFact fact) {
        return fact == ReversibleFact.DEATH ? DEATH : DEPARTURE;
    }

    private void requireNoLaterDepartureOrDeath(LocalDate date, String what) {
        facts.stream().filter(f -> (f.is(DEPARTURE) || f.is(DEATH)) && f.date().isAfter(date))
                .max(Comparator.comparing(PersonFact::date)).ifPresent(later -> {
                    throw factOutOfOrder(what, issuerId, personId, date, later);
                });
    }

    private void requireAliveOn(LocalDate date) {
        death().filter(death -> !death.date().isAfter(date)).ifPresent(death -> {
            throw alreadyDeceased(death.date());
        });
    }

    /** A person never allotted rights holds them only as an heir. */
    private RuleViolation alreadyDeceased(LocalDate dateOfDeath) {
        return firstAllotment().isEmpty() ? holderAlreadyDeceasedHeir(personId, dateOfDeath)
                : holderAlreadyDeceased(personId, dateOfDeath);
    }

    private void requireInOfficeOn(LocalDate date, String what) {
        Office office = officeOn(date);
        if (office.inOffice()) {
            return;
        }
        if (office.departedOn() != null) {
            throw holderNotInOfficeAfterDeparture(personId, office.departedOn(), date, what);
        }
        Optional<LocalDate> firstAllotment = firstAllotment();
        if (firstAllotment.isPresent()) {
            throw factOutOfOrderBeforeFirstAllotment(issuerId, personId, date, firstAllotment.get());
        }
        throw holderNotInOfficeNeverHeld(issuerId, personId, date, what);
    }

    // ---- the history read in date order

    /** Whether the person holds office on a date, the last departure and death by then, and the role. */
    public record Office(boolean inOffice, LocalDate departedOn, LocalDate diedOn, Role role) {
    }

    public Office officeOn(LocalDate date) {
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

    private Optional<LocalDate> firstAllotment() {
        return facts.stream().filter(f -> f.is(ALLOTMENT)).map(PersonFact::date).min(Comparator.naturalOrder());
    }

    private int lastIndexOf(PersonFact.Kind kind) {
        for (int i = facts.size() - 1; i >= 0; i--) {
            if (facts.get(i).is(kind)) {
                return i;
            }
        }
        return -1;
    }
}
