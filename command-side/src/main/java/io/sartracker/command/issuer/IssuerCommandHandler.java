package io.sartracker.command.issuer;

import io.sartracker.command.directory.SeriesDirectory;
import io.sartracker.command.person.PersonAtIssuer;
import io.sartracker.command.person.PersonFact;
import io.sartracker.command.person.PersonHistory;
import io.sartracker.command.series.ExpectedVersionTargetResolver;
import io.sartracker.command.series.HoldingReplay;
import io.sartracker.command.series.StockAcquisitionRight;
import io.sartracker.kernel.command.AllotRights;
import io.sartracker.kernel.command.RecordDeath;
import io.sartracker.kernel.command.RecordDepartureFromOffice;
import io.sartracker.kernel.command.RecordRoleChange;
import io.sartracker.kernel.command.RecordShareConsolidation;
import io.sartracker.kernel.command.RecordShareSplit;
import io.sartracker.kernel.command.ReverseFactOfPerson;
import io.sartracker.kernel.command.ReverseLatestFact;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.SeriesId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import static io.sartracker.command.issuer.IssuerRejections.*;
import static io.sartracker.command.policy.BusinessDate.requireHappened;
import static io.sartracker.command.policy.BusinessDate.today;

/**
 * Facts that belong to the issuer rather than to one series: a person's allotment, losing office,
 * changing office or dying (and the reversal of a departure or a death), a share split or
 * consolidation. A person's fact is checked against the person's history at the issuer
 * ({@link PersonAtIssuer}, RULES.md 13) and then applied to every series of the issuer it concerns,
 * all in one unit of work: if the person or one series rejects it, nothing is recorded.
 */
public class IssuerCommandHandler {
    private final Repository<StockAcquisitionRight> repository;
    private final Repository<PersonAtIssuer> people;
    private final SeriesDirectory directory;
    private final HoldingReplay replay;
    private final Clock clock;

    public IssuerCommandHandler(Repository<StockAcquisitionRight> repository, Repository<PersonAtIssuer> people,
                                SeriesDirectory directory, HoldingReplay replay, Clock clock) {
        this.repository = repository;
        this.people = people;
        this.directory = directory;
        this.replay = replay;
        this.clock = clock;
    }

    /**
     * Allots rights of one series (RULES.md 2) and, once the person's history is kept, tells it that
     * the person holds office from the allotment date (a re-appointment after a departure). A history
     * not yet kept carries the allotment over from the series when it is opened. The series is loaded
     * for the version in the metadata, when the sender gave one (If-Match).
     */
    @CommandHandler
    public void handle(AllotRights command, MetaData metaData) {
        requireHappened("allotment", command.allotmentDate(), clock);
        Aggregate<StockAcquisitionRight> series = repository.load(command.seriesId().value(),
                ExpectedVersionTargetResolver.expectedVersion(metaData));
        IssuerId issuerId = series.invoke(StockAcquisitionRight::issuerId);
        Aggregate<PersonAtIssuer> person = history(issuerId, command.holderId());
        series.execute(s -> s.allot(command));
        if (person.invoke(PersonAtIssuer::isKept)) {
            person.execute(p -> p.recordAllotment(command.seriesId(), command.role(), command.allotmentDate()));
        } else {
            // Opened now, with this allotment: a first departure or death recorded at the same moment on
            // another node opens the same stream, so the event store lets only one of the two be recorded.
            List<PersonFact> onRecord = factsOnRecord(issuerId, command.holderId(), command.seriesId());
            person.execute(p -> p.open(issuerId, command.holderId(), today(clock), onRecord));
        }
    }

    /** What the series hold of the person (the series named included, whether or not the directory knows it yet). */
    private List<PersonFact> factsOnRecord(IssuerId issuerId, HolderId personId, SeriesId alsoIn) {
        Set<SeriesId> seriesIds = new LinkedHashSet<>(directory.seriesOf(issuerId, personId));
        seriesIds.add(alsoIn);
        List<PersonFact> onRecord = new ArrayList<>();
        for (SeriesId seriesId : seriesIds) {
            Aggregate<StockAcquisitionRight> series = repository.load(seriesId.value());
            if (series.invoke(s -> s.concerns(personId))) {
                onRecord.addAll(series.invoke(s -> s.factsOf(personId)));
            }
        }
        return onRecord;
    }

    /** @return the series in which the departure was recorded (none when no rights are left: recorded for the person) */
    @CommandHandler
    public List<SeriesId> handle(RecordDepartureFromOffice command) {
        requireHappened("departure from office", command.departureDate(), clock);
        Person person = knownPerson(command.issuerId(), command.holderId());
        person.history().requireDepartureAllowed(command);
        List<SeriesId> recorded = forPerson(command.issuerId(), command.holderId(),
                series -> series.recordDeparture(command));
        person.record(p -> p.recordDeparture(command));
        return recorded;
    }

    /**
     * The person's death records, with the facts, what it did in each series (RULES.md 13: a death that
     * changes nothing, the rights having lapsed, says so).
     *
     * @return the series in which the death was recorded (none when no rights are left: recorded for the person)
     */
    @CommandHandler
    public List<SeriesId> handle(RecordDeath command) {
        requireHappened("death", command.dateOfDeath(), clock);
        Person person = knownPerson(command.issuerId(), command.personId());
        person.history().requireDeathAllowed(command);
        List<String> accounts = new ArrayList<>();
        List<SeriesId> recorded = forPerson(command.issuerId(), command.personId(), series -> {
            StockAcquisitionRight.DeathInSeries death = series.recordDeath(command);
            accounts.addAll(death.accounts());
            return death.recorded();
        });
        person.record(p -> p.recordDeath(command, recorded, String.join(" ", accounts)));
        return recorded;
    }

    /**
     * Reverses a holding's latest fact. A departure or a death is the person's fact at the issuer
     * (RULES.md 13): reversed as the person's, in every series of the person; an exercise or an
     * inheritance only in the series named.
     */
    @CommandHandler
    public void handle(ReverseLatestFact command, MetaData metaData) {
        Aggregate<StockAcquisitionRight> series = repository.load(command.seriesId().value(),
                ExpectedVersionTargetResolver.expectedVersion(metaData));
        series.execute(s -> s.restoreHoldingsOf(command.holderId(), replay));
        Optional<ReverseFactOfPerson> ofPerson = series.invoke(s -> s.asReversalOfPersonsFact(command));
        if (ofPerson.isPresent()) {
            handle(ofPerson.get());
        } else {
            series.execute(s -> s.reverseLatest(command));
        }
    }

    /** @return the series in which the person's departure or death was reversed */
    @CommandHandler
    public List<SeriesId> handle(ReverseFactOfPerson command) {
        Person person = knownPerson(command.issuerId(), command.personId());
        person.history().requireReversible(command);
        List<SeriesId> recorded = forPerson(command.issuerId(), command.personId(), series -> {
            series.restoreHoldingsOf(command.personId(), replay);
            return series.reverseFactOfPerson(command) > 0;
        });
        person.record(p -> p.recordReversal(command));
        return recorded;
    }

    /** @return the series in which the role change was recorded */
    @CommandHandler
    public List<SeriesId> handle(RecordRoleChange command) {
        requireHappened("change of role", command.changeDate(), clock);
        Person person = knownPerson(command.issuerId(), command.holderId());
        person.history().requireRoleChangeAllowed(command);
        List<SeriesId> recorded = forPerson(command.issuerId(), command.holderId(),
                series -> series.recordRoleChange(command));
        person.record(p -> p.recordRoleChange(command, !recorded.isEmpty()));
        return recorded;
    }

    /** @return the series whose shares per right the split adjusted */
    @CommandHandler
    public List<SeriesId> handle(RecordShareSplit command) {
        return forEverySeries(command.issuerId(), command.appliesFrom(), series -> series.recordSplit(command));
    }

    /** @return the series whose shares per right the consolidation adjusted */
    @CommandHandler
    public List<SeriesId> handle(RecordShareConsolidation command) {
        return forEverySeries(command.issuerId(), command.effectiveDate(),
                series -> series.recordConsolidation(command));
    }

    // ---- the person's history (RULES.md 13)

    /**
     * A person's history at the issuer: kept (the aggregate), or not yet kept (the facts its series
     * hold), checked the same way and opened with those facts when the first fact is recorded, after
     * the series have recorded theirs.
     */
    private final class Person {
        private final IssuerId issuerId;
        private final HolderId personId;
        private final List<PersonFact> onRecord;
        private final Aggregate<PersonAtIssuer> aggregate;

        Person(IssuerId issuerId, HolderId personId, Aggregate<PersonAtIssuer> aggregate, List<PersonFact> onRecord) {
            this.issuerId = issuerId;
            this.personId = personId;
            this.aggregate = aggregate;
            this.onRecord = onRecord;
        }

        PersonHistory history() {
            return aggregate.invoke(PersonAtIssuer::isKept) ? aggregate.invoke(PersonAtIssuer::history)
                    : PersonHistory.carriedOver(issuerId, personId, onRecord);
        }

        void record(Consumer<PersonAtIssuer> fact) {
            if (!aggregate.invoke(PersonAtIssuer::isKept)) {
                aggregate.execute(p -> p.open(issuerId, personId, today(clock), onRecord));
            }
            aggregate.execute(fact);
        }
    }

    /** The person's history, or UNKNOWN_HOLDER when no rights of the issuer were allotted to or inherited by the person. */
    private Person knownPerson(IssuerId issuerId, HolderId personId) {
        seriesOf(issuerId);
        Aggregate<PersonAtIssuer> history = history(issuerId, personId);
        if (history.invoke(PersonAtIssuer::isKept)) {
            return new Person(issuerId, personId, history, List.of());
        }
        List<PersonFact> onRecord = new ArrayList<>();
        boolean known = false;
        for (SeriesId seriesId : directory.seriesOf(issuerId, personId)) {
            Aggregate<StockAcquisitionRight> series = repository.load(seriesId.value());
            if (series.invoke(s -> s.concerns(personId))) {
                known = true;
                onRecord.addAll(series.invoke(s -> s.factsOf(personId)));
            }
        }
        if (!known) {
            throw unknownHolder(issuerId, personId);
        }
        return new Person(issuerId, personId, history, onRecord);
    }

    /** The person's history at the issuer; blank (not kept) when nothing was recorded for the person yet. */
    private Aggregate<PersonAtIssuer> history(IssuerId issuerId, HolderId personId) {
        try {
            return people.loadOrCreate(PersonAtIssuer.historyId(issuerId, personId), PersonAtIssuer::new);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not load the history of " + personId + " at " + issuerId, e);
        }
    }

    private List<SeriesId> forPerson(IssuerId issuerId, HolderId personId,
                                     Function<StockAcquisitionRight, Boolean> record) {
        List<SeriesId> recorded = new ArrayList<>();
        for (SeriesId seriesId : directory.seriesOf(issuerId, personId)) {
            Aggregate<StockAcquisitionRight> series = repository.load(seriesId.value());
            if (series.invoke(s -> s.concerns(personId)) && series.invoke(record)) {
                recorded.add(seriesId);
            }
        }
        return recorded;
    }

    // ---- issuer-wide adjustments (RULES.md 7, 13)

    /**
     * Recorded in every series of the issuer whose period runs on the day it applies (RULES.md 13);
     * rejected as a whole when one of them rejects it, or when none records it.
     */
    private List<SeriesId> forEverySeries(IssuerId issuerId, LocalDate appliesFrom,
                                          Function<StockAcquisitionRight, Boolean> record) {
        List<SeriesId> series = seriesOf(issuerId);
        List<SeriesId> recorded = new ArrayList<>();
        for (SeriesId seriesId : series) {
            if (repository.load(seriesId.value()).invoke(record)) {
                recorded.add(seriesId);
            }
        }
        if (recorded.isEmpty()) {
            for (SeriesId seriesId : series) {
                repository.load(seriesId.value()).execute(s -> s.requireAllottedBefore(appliesFrom));
            }
            throw noSeriesToAdjust(issuerId, appliesFrom);
        }
        return recorded;
    }

    private List<SeriesId> seriesOf(IssuerId issuerId) {
        List<SeriesId> series = directory.seriesOf(issuerId);
        if (series.isEmpty()) {
            throw unknownIssuer(issuerId);
        }
        return series;
    }
}
