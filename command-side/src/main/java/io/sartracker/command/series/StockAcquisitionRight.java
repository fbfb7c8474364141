package io.sartracker.command.series;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.sartracker.command.person.PersonFact;
import io.sartracker.command.valuation.AllotmentValuation;
import io.sartracker.command.valuation.PriceHistoryException;
import io.sartracker.command.valuation.ValuationInputException;
import io.sartracker.kernel.command.CorrectAllotmentAmount;
import io.sartracker.kernel.command.DetermineAllotmentAmount;
import io.sartracker.kernel.command.PreviewAllotmentAmount;
import io.sartracker.kernel.event.AllotmentAmountCorrected;
import io.sartracker.kernel.event.AllotmentAmountDetermined;
import io.sartracker.kernel.event.HoldingEvent;
import io.sartracker.kernel.valuation.Valuation;
import io.sartracker.kernel.valuation.ValuationInputs;
import io.sartracker.kernel.command.AcquireRights;
import io.sartracker.kernel.command.AdjustSharesPerRight;
import io.sartracker.kernel.command.AllotRights;
import io.sartracker.kernel.command.ExerciseRights;
import io.sartracker.kernel.command.InheritRights;
import io.sartracker.kernel.command.IssueSeries;
import io.sartracker.kernel.command.RecordDeath;
import io.sartracker.kernel.command.RecordDepartureFromOffice;
import io.sartracker.kernel.command.RecordDueLapses;
import io.sartracker.kernel.command.RecordRoleChange;
import io.sartracker.kernel.command.RecordShareConsolidation;
import io.sartracker.kernel.command.RecordShareSplit;
import io.sartracker.kernel.command.RestructureSeries;
import io.sartracker.kernel.command.ReverseFactOfPerson;
import io.sartracker.kernel.command.ReverseLatestFact;
import io.sartracker.kernel.command.TransferRights;
import io.sartracker.kernel.event.RightsAcquired;
import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.event.RightsLapsed;
import io.sartracker.kernel.event.SeriesIssued;
import io.sartracker.kernel.event.SeriesRestructured;
import io.sartracker.kernel.event.SharesPerRightAdjusted;
import io.sartracker.kernel.model.AdjustmentCause;
import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.HoldingStatus;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Ratio;
import io.sartracker.kernel.model.ReversibleFact;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.model.Terms;
import io.sartracker.kernel.model.Yen;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.sartracker.command.policy.BusinessDate.requireHappened;
import static io.sartracker.command.policy.BusinessDate.today;
import static io.sartracker.command.series.SeriesRejections.*;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One series of stock acquisition rights, from the board's resolution to the last right's end.
 * The series is the consistency boundary: the maximum number of rights and the corporate actions
 * (splits, restructuring, acquisition) are series-wide, so every holding is a member of it.
 * The root keeps the series-wide rules (the maximum, the allotment amount, adjustments and their
 * order, restructuring, acquisition, transfer); a decision about one holding is made by its
 * {@link Holding}, with the series' figures passed in ({@link SeriesContext}), and the root applies the
 * events it returns. Command handlers check the terms (RULES.md 2-11) and apply events; state changes
 * only in the event sourcing handlers. Rejections are built by {@link SeriesRejections} and
 * {@link HoldingRejections}.
 */
@Aggregate(snapshotTriggerDefinition = "seriesSnapshotTrigger", commandTargetResolver = "seriesTargetResolver",
        snapshotFilter = "seriesSnapshotFilter", cache = "seriesCache")
// The shape of a snapshot: raise it with any change to the fields, so that older snapshots are ignored
// (AxonConfig#seriesSnapshotFilter) and the series is rebuilt from its events. 3: the live state only
// (each holding's latest reversible fact, see Holding; the amount per right without its valuation).
@org.axonframework.serialization.Revision("3")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class StockAcquisitionRight {

    @AggregateIdentifier
    private SeriesId seriesId;
    private IssuerId issuerId;
    private Terms terms;
    /** (5), moved to start at the restructuring's effect date by (9)-5. */
    private ExerciseWindow exercisePeriod;
    private SharesPerRightSchedule sharesPerRight;
    /** The book value per right used by every exercise (6); zero until a valuation is recorded. */
    private Yen allotmentAmountPerRight;
    /** Whether a valuation fixed the amount (its inputs stay in the event, not in the series' state). */
    private boolean allotmentAmountDetermined;
    /**
     * The holdings by holder. A holding's event reaches its holding by this map ({@link #on(HoldingEvent)}), not as
     * an Axon aggregate member: Axon matched each event against every holding's identifier, a cost growing with
     * the holdings for every event read (BENCHMARKS.md, change 50).
     */
    private Map<HolderId, Holding> holdings = new LinkedHashMap<>();

    protected StockAcquisitionRight() {
        // for Axon
    }

    @CommandHandler
    public StockAcquisitionRight(IssueSeries command) {
        apply(new SeriesIssued(command.seriesId(), command.issuerId(), command.terms()));
    }

    // ---- allotment (RULES.md 2)

    /** Called by the issuer's handler, which also tells the person's history (RULES.md 13). */
    public void allot(AllotRights command) {
        if (!command.allotmentDate().equals(terms.allotmentDate())) {
            throw allotmentDateMismatch(terms.allotmentDate(), command.allotmentDate());
        }
        if (!terms.eligibleRoles().contains(command.role())) {
            throw roleNotEligible(terms.eligibleRoles(), command.role());
        }
        Rights allotted = totals().allotted();
        Rights left = terms.maximumRights().minus(allotted);
        if (command.rights().exceeds(left)) {
            throw maximumRightsExceeded(terms.maximumRights(), allotted, command.rights(), left);
        }
        Holding existing = holdings.get(command.holderId());
        if (existing != null) {
            existing.requireOpenToAllotment();
        }
        apply(new RightsAllotted(seriesId, command.holderId(), command.role(), command.rights(),
                command.allotmentDate()));
    }

    // ---- the allotment amount (RULES.md 8, (12))

    @CommandHandler
    public void handle(DetermineAllotmentAmount command) {
        requireNoExerciseRecorded("determined");
        if (allotmentAmountDetermined) {
            throw allotmentAmountAlreadyDetermined(allotmentAmountPerRight);
        }
        if (command.determinationDate().isAfter(terms.allotmentDate())) {
            throw valuationAfterAllotment(command.determinationDate(), terms.allotmentDate());
        }
        apply(new AllotmentAmountDetermined(seriesId, command.determinationDate(),
                valuate(command.valuationDate(), command.inputs())));
    }

    @CommandHandler
    public void handle(CorrectAllotmentAmount command) {
        if (!allotmentAmountDetermined) {
            throw noAllotmentAmount(seriesId);
        }
        requireNoExerciseRecorded("corrected");
        apply(new AllotmentAmountCorrected(seriesId, command.correctionDate(),
                valuate(command.valuationDate(), command.inputs()), allotmentAmountPerRight,
                command.reason()));
    }

    /**
     * RULES.md 13: the allotment amount is the book value of every exercised right, so it is fixed
     * before the first exercise is recorded; the rejection names the latest exercise (reverse it first).
     */
    private void requireNoExerciseRecorded(String what) {
        latestExercise().ifPresent(exercise -> {
            throw laterFactRecordedBeforeAllotmentAmount(exercise.holderId(), exercise.date(), what);
        });
    }

    /** Computes with the series' own figures and records nothing. */
    @CommandHandler
    public Valuation handle(PreviewAllotmentAmount command) {
        return valuate(command.valuationDate(), command.inputs());
    }

    private Valuation valuate(LocalDate valuationDate, ValuationInputs inputs) {
        try {
            return AllotmentValuation.value(valuationDate, inputs,
                    BigDecimal.valueOf(terms.exercisePricePerShare().amount()), sharesPerRight.on(valuationDate));
        } catch (ValuationInputException | PriceHistoryException e) {
            throw invalidValuationInput(e.getMessage(), valuationDate);
        }
    }

    // ---- office (RULES.md 3, 4); called for every series of the person

    /** @return whether a holding of this series recorded the role change */
    public boolean recordRoleChange(RecordRoleChange command) {
        Holding holding = holdings.get(command.holderId());
        return holding != null && applied(holding.changeRole(command, context()));
    }

    /** @return whether a holding of this series recorded the departure (none when nothing is left it could change) */
    public boolean recordDeparture(RecordDepartureFromOffice command) {
        Holding holding = holdings.get(command.holderId());
        return holding != null && applied(holding.leaveOffice(command, context()));
    }

    private static boolean applied(Optional<? extends HoldingEvent> decided) {
        decided.ifPresent(AggregateLifecycle::apply);
        return decided.isPresent();
    }

    // ---- death and inheritance (RULES.md 5); death is called for every series of the issuer

    /**
     * What a death did in one series: whether the series recorded it, and a sentence for each holding
     * the person held, saying what became of its rights.
     */
    public record DeathInSeries(boolean recorded, List<String> accounts) {
    }

    public DeathInSeries recordDeath(RecordDeath command) {
        SeriesContext series = context();
        boolean recorded = false;
        List<String> accounts = new ArrayList<>();
        for (Holding holding : List.copyOf(holdings.values())) {
            Optional<Holding.Death> death = holding.die(command, series);
            if (death.isPresent()) {
                death.get().events().forEach(AggregateLifecycle::apply);
                recorded |= !death.get().events().isEmpty();
                accounts.add(death.get().account());
            }
        }
        return new DeathInSeries(recorded, accounts);
    }

    @CommandHandler
    public void handle(InheritRights command, Clock clock) {
        requireHappened("inheritance", command.inheritanceDate(), clock);
        apply(holding(command.holderId()).inherit(command, context()));
    }

    // ---- exercise (RULES.md 6)

    @CommandHandler
    public void handle(ExerciseRights command, Clock clock) {
        requireHappened("exercise", command.exerciseDate(), clock);
        apply(holdingNamed(command.holderId()).exercise(command, context(), today(clock)));
    }

    // ---- split, consolidation, board adjustment (RULES.md 7)

    /** @return whether the split applied to this series (RULES.md 13: every series running on the day it applies) */
    public boolean recordSplit(RecordShareSplit command) {
        if (!command.ratio().isGreaterThanOne()) {
            throw ratioDoesNotFitSplit(command.ratio());
        }
        LocalDate appliesFrom = command.recordDate().plusDays(1);
        AdjustmentCause cause = AdjustmentCause.SPLIT;
        if (command.conditionalOnMeeting()) {
            if (!command.recordDate().equals(command.meetingClosingDate().minusDays(1))) {
                throw conditionalSplitDates(command.recordDate(), command.meetingClosingDate());
            }
            appliesFrom = command.meetingClosingDate().plusDays(1);
            cause = AdjustmentCause.CONDITIONAL_SPLIT;
        }
        return adjustByRatio(cause, command.ratio(), command.recordDate(), appliesFrom);
    }

    /** @return whether the consolidation applied to this series */
    public boolean recordConsolidation(RecordShareConsolidation command) {
        if (!command.ratio().isLessThanOne()) {
            throw ratioDoesNotFitConsolidation(command.ratio());
        }
        return adjustByRatio(AdjustmentCause.CONSOLIDATION, command.ratio(), command.effectiveDate(),
                command.effectiveDate());
    }

    private boolean adjustByRatio(AdjustmentCause cause, Ratio ratio, LocalDate decisionDate, LocalDate appliesFrom) {
        if (!adjustedByIssuerActionFrom(appliesFrom)) {
            return false;
        }
        requireAdjustmentCanApplyFrom(appliesFrom);
        SharesPerRight before = sharesPerRight.on(appliesFrom);
        apply(new SharesPerRightAdjusted(seriesId, cause, ratio, decisionDate, appliesFrom, before,
                before.adjustedBy(ratio), null));
        return true;
    }

    /**
     * RULES.md 13: an issuer's split or consolidation is recorded in every series whose exercise
     * period has not ended before the day it applies, whether or not rights are outstanding, so that
     * an allotment recorded later carries the right figure; a series allotted on or after that day
     * was issued on the adjusted shares and is left as it is.
     */
    private boolean adjustedByIssuerActionFrom(LocalDate appliesFrom) {
        return appliesFrom.isAfter(terms.allotmentDate()) && !exercisePeriod.lastDay().isBefore(appliesFrom);
    }

    @CommandHandler
    public void handle(AdjustSharesPerRight command) {
        requireAdjustmentCanApplyFrom(command.appliesFrom());
        apply(new SharesPerRightAdjusted(seriesId, AdjustmentCause.BOARD_ADJUSTMENT, null, command.appliesFrom(),
                command.appliesFrom(), sharesPerRight.on(command.appliesFrom()), command.sharesPerRight(),
                command.reason()));
    }

    /**
     * For an issuer's split or consolidation that no series records: the rejection that says why
     * when it applies on or before this series' allotment date (the terms at issue already reflect it).
     */
    public void requireAllottedBefore(LocalDate appliesFrom) {
        if (!appliesFrom.isAfter(terms.allotmentDate())) {
            throw adjustmentBeforeAllotment(appliesFrom, terms.allotmentDate());
        }
    }

    private void requireAdjustmentCanApplyFrom(LocalDate appliesFrom) {
        requireAllottedBefore(appliesFrom);
        sharesPerRight.latest().filter(step -> !appliesFrom.isAfter(step.appliesFrom())).ifPresent(step -> {
            throw adjustmentOutOfOrder(appliesFrom, step);
        });
        latestExercise().filter(exercise -> !exercise.date().isBefore(appliesFrom)).ifPresent(exercise -> {
            throw adjustmentBeforeRecordedExercise(appliesFrom, exercise.holderId(), exercise.date(),
                    sharesPerRight.on(exercise.date()));
        });
    }

    private record ExerciseOnRecord(HolderId holderId, LocalDate date) {
    }

    private Optional<ExerciseOnRecord> latestExercise() {
        return holdings.values().stream().filter(s -> s.latestExerciseDate() != null)
                .map(s -> new ExerciseOnRecord(s.holderId(), s.latestExerciseDate()))
                .max(Comparator.comparing(ExerciseOnRecord::date));
    }

    // ---- restructuring and acquisition (RULES.md 9)

    @CommandHandler
    public void handle(RestructureSeries command) {
        if (!command.agreementProvidesReplacement()) {
            throw restructuringWithoutReplacement(command.kind());
        }
        LocalDate effective = command.effectiveDate();
        requireAdjustmentCanApplyFrom(effective);
        List<RightsLapsed> due = lapsesDueBy(effective);
        Rights remaining = totals().outstanding().minus(sum(due));
        requireOutstanding(remaining, effective);
        SharesPerRight before = sharesPerRight.on(effective);
        ExerciseWindow newPeriod = new ExerciseWindow(
                effective.isAfter(exercisePeriod.firstDay()) ? effective : exercisePeriod.firstDay(),
                exercisePeriod.lastDay());
        due.forEach(AggregateLifecycle::apply);
        apply(new SeriesRestructured(seriesId, command.kind(), issuerId, command.restructuredCompanyId(),
                command.restructuredCompanyName(), effective, command.shareRatio(), before,
                before.adjustedBy(command.shareRatio()), terms.exercisePricePerShare(), newPeriod, remaining));
    }

    @CommandHandler
    public void handle(AcquireRights command, Clock clock) {
        LocalDate date = command.acquisitionDate();
        requireHappened("acquisition", date, clock);
        if (date.isBefore(command.approvalDate())) {
            throw acquisitionBeforeApproval(command.approvalDate(), date);
        }
        List<RightsLapsed> due = lapsesDueBy(date);
        requireOutstanding(totals().outstanding().minus(sum(due)), date);
        for (Holding state : liveHoldings()) {
            state.requireNotBeforeLatestFact(date, "acquisition");
        }
        due.forEach(AggregateLifecycle::apply);
        for (Holding state : liveHoldings()) {
            apply(new RightsAcquired(seriesId, state.holderId(), state.held(), command.cause(),
                    command.approvalDate(), date));
        }
    }

    private void requireOutstanding(Rights remaining, LocalDate date) {
        if (remaining.isZero()) {
            throw nothingOutstanding(date, remaining);
        }
    }

    // ---- transfer (RULES.md 10)

    @CommandHandler
    public void handle(TransferRights command, Clock clock) {
        requireHappened("transfer", command.transferDate(), clock);
        holding(command.holderId());
        if (!terms.transferAllowed()) {
            throw transferNotAllowed(command.holderId(), command.rights());
        }
        if (command.boardApprovalReference() == null || command.boardApprovalReference().isBlank()) {
            throw transferApprovalRequired(command.holderId());
        }
        throw transferNotSupported(command.holderId(), command.boardApprovalReference());
    }

    // ---- lapse (RULES.md 9)

    @CommandHandler
    public int handle(RecordDueLapses command) {
        List<RightsLapsed> due = lapsesDueBy(command.asOf());
        due.forEach(AggregateLifecycle::apply);
        return due.size();
    }

    private List<RightsLapsed> lapsesDueBy(LocalDate asOf) {
        SeriesContext series = context();
        return holdings.values().stream().flatMap(holding -> holding.lapseDueBy(asOf, series).stream()).toList();
    }

    // ---- corrections

    /**
     * Before a reversal: puts back, from the recorded events, the reversible facts that the snapshot this
     * series was read from left out of the holdings the person's facts can be on (the holding named by
     * {@code name} included, as {@link #holdingNamed} finds it). A series read from its events, or whose
     * holdings kept every fact, reads nothing. Not a change of state (no event): the same holdings, with
     * more of their past in memory.
     */
    public void restoreHoldingsOf(HolderId name, HoldingReplay replay) {
        for (Holding holding : holdings.values()) {
            if (holding.concerns(name) && holding.lacksEarlierStates()) {
                holding.restoreWholeLife(replay.wholeLife(seriesId, holding.holderId()));
            }
        }
    }

    /**
     * A departure or a death is a fact of the person at the issuer (RULES.md 13): when it is the
     * holding's latest fact, its reversal is the person's, recorded in every series of the person.
     */
    public Optional<ReverseFactOfPerson> asReversalOfPersonsFact(ReverseLatestFact command) {
        return holdingNamed(command.holderId()).latestFact()
                .filter(fact -> fact.reversible() == ReversibleFact.DEPARTURE
                        || fact.reversible() == ReversibleFact.DEATH)
                .map(fact -> new ReverseFactOfPerson(issuerId, fact.person(), fact.reversible(), command.reason(),
                        command.reversedOn()));
    }

    /** Reverses the holding's latest fact: an exercise or an inheritance (the issuer's handler decides). */
    public void reverseLatest(ReverseLatestFact command) {
        apply(holdingNamed(command.holderId()).reverseLatest(command, context()));
    }

    /**
     * Reverses the person's departure or death in this series, where it is the holding's latest fact.
     *
     * @return the number of holdings in which it was reversed
     */
    public int reverseFactOfPerson(ReverseFactOfPerson command) {
        SeriesContext series = context();
        int reversed = 0;
        for (Holding holding : List.copyOf(holdings.values())) {
            if (applied(holding.reverseFactOfPerson(command, series))) {
                reversed++;
            }
        }
        return reversed;
    }

    // ---- shared checks and figures

    private Holding holding(HolderId holderId) {
        Holding holding = holdings.get(holderId);
        if (holding == null) {
            throw unknownHolder(seriesId, holderId);
        }
        return holding;
    }

    /**
     * RULES.md 13: once inherited, a holding may be named by the heir's own identifier as well as by
     * the original holder's; the events name both (holderId and exercisedBy or heirId).
     */
    private Holding holdingNamed(HolderId name) {
        Holding byHolder = holdings.get(name);
        if (byHolder != null) {
            return byHolder;
        }
        List<Holding> byHeir = holdings.values().stream().filter(h -> name.equals(h.heirId())).toList();
        if (byHeir.size() == 1) {
            return byHeir.get(0);
        }
        if (byHeir.size() > 1) {
            throw unknownHolderHeirOfSeveral(seriesId, name, byHeir.stream().map(Holding::holderId).toList());
        }
        return holding(name);
    }

    private List<Holding> liveHoldings() {
        return holdings.values().stream().filter(Holding::isLive).toList();
    }

    private static Rights sum(List<RightsLapsed> lapses) {
        return lapses.stream().map(RightsLapsed::rights).reduce(Rights.NONE, Rights::plus);
    }

    /** What a holding's decisions read of the series, as it stands now. */
    private SeriesContext context() {
        return new SeriesContext(seriesId, terms, exercisePeriod, sharesPerRight, allotmentAmountPerRight,
                allotmentAmountDetermined);
    }

    /** The series' figures; outstanding + exercised + lapsed + acquired = allotted always holds. */
    public SeriesTotals totals() {
        Rights allotted = Rights.NONE;
        Rights outstanding = Rights.NONE;
        Rights exercised = Rights.NONE;
        Rights lapsed = Rights.NONE;
        Rights acquired = Rights.NONE;
        for (Holding holding : holdings.values()) {
            Holding s = holding;
            allotted = allotted.plus(s.allotted());
            outstanding = outstanding.plus(s.held());
            exercised = exercised.plus(s.exercised());
            lapsed = lapsed.plus(s.lapsed());
            acquired = acquired.plus(s.acquired());
        }
        return new SeriesTotals(allotted, outstanding, exercised, lapsed, acquired);
    }

    public record SeriesTotals(Rights allotted, Rights outstanding, Rights exercised, Rights lapsed,
                               Rights acquired) {
    }

    /** Whether rights of this series were allotted to the person (as allottee or heir). */
    public boolean concerns(HolderId personId) {
        return holdings.values().stream().anyMatch(h -> h.concerns(personId));
    }

    /**
     * The person's facts as this series recorded them (allotment, departure, death), to open the
     * history of a person whose series were recorded before such histories were kept.
     */
    public List<PersonFact> factsOf(HolderId personId) {
        List<PersonFact> facts = new ArrayList<>();
        for (Holding state : holdings.values()) {
            if (state.holderId().equals(personId)) {
                facts.add(PersonFact.allotment(seriesId, state.role(), terms.allotmentDate()));
                if (state.departureDate() != null) {
                    facts.add(PersonFact.departure(state.departureDate()));
                }
                if (state.dateOfDeath() != null) {
                    facts.add(PersonFact.death(state.dateOfDeath()));
                }
            } else if (personId.equals(state.heirId()) && state.dateOfHeirsDeath() != null) {
                facts.add(PersonFact.death(state.dateOfHeirsDeath()));
            }
        }
        return facts;
    }

    public SeriesId seriesId() {
        return seriesId;
    }

    public IssuerId issuerId() {
        return issuerId;
    }

    public Rights maximumRights() {
        return terms.maximumRights();
    }

    /** Rights held per holding, for checks from outside the aggregate (tests, tools). */
    public Map<HolderId, Rights> rightsHeld() {
        Map<HolderId, Rights> held = new LinkedHashMap<>();
        holdings.forEach((id, holding) -> held.put(id, holding.held()));
        return held;
    }

    /**
     * Every figure the aggregate keeps per holding, for checks from outside the aggregate (tests
     * that compare it with the query side's folds).
     */
    public Map<HolderId, HoldingFigures> holdingFigures() {
        Map<HolderId, HoldingFigures> figures = new LinkedHashMap<>();
        holdings.forEach((id, holding) -> {
            Holding s = holding;
            figures.put(id, new HoldingFigures(s.holderId(), s.role(), s.status(), s.allotted(), s.held(),
                    s.exercised(), s.lapsed(), s.acquired(), s.departureDate(), s.dateOfDeath(), s.heirId(),
                    s.inheritanceDate(), s.dateOfHeirsDeath(), s.window(), s.lapseDate()));
        });
        return figures;
    }

    /** One holding's figures as the aggregate holds them (see {@link #holdingFigures()}). */
    public record HoldingFigures(HolderId holderId, Role role, HoldingStatus status, Rights allotted, Rights held,
                                 Rights exercised, Rights lapsed, Rights acquired, LocalDate departureDate,
                                 LocalDate dateOfDeath, HolderId heirId, LocalDate inheritanceDate,
                                 LocalDate dateOfHeirsDeath, ExerciseWindow window, LocalDate lapseDate) {
    }

    // ---- event sourcing handlers: the only place state changes

    @EventSourcingHandler
    void on(SeriesIssued event) {
        seriesId = event.seriesId();
        issuerId = event.issuerId();
        terms = event.terms();
        exercisePeriod = event.terms().exercisePeriod();
        sharesPerRight = SharesPerRightSchedule.startingWith(event.terms().sharesPerRightAtIssue());
        allotmentAmountPerRight = Yen.ZERO;
    }

    /** A first allotment opens a holding; every other event of a holding goes to the holding it names. */
    @EventSourcingHandler
    void on(HoldingEvent event) {
        Holding holding = holdings.get(event.holderId());
        if (event instanceof RightsAllotted allotted) {
            if (holding == null) {
                holdings.put(allotted.holderId(), new Holding(allotted));
            } else {
                holding.allotMore(allotted);
            }
        } else if (holding != null) {
            holding.evolve(event);
        }
    }

    @EventSourcingHandler
    void on(AllotmentAmountDetermined event) {
        allotmentAmountDetermined = true;
        allotmentAmountPerRight = event.valuation().amountPerRight();
    }

    @EventSourcingHandler
    void on(AllotmentAmountCorrected event) {
        allotmentAmountDetermined = true;
        allotmentAmountPerRight = event.valuation().amountPerRight();
    }

    @EventSourcingHandler
    void on(SharesPerRightAdjusted event) {
        sharesPerRight = sharesPerRight.with(event.appliesFrom(), event.after(), event.cause());
    }

    @EventSourcingHandler
    void on(SeriesRestructured event) {
        issuerId = event.restructuredCompanyId();
        exercisePeriod = event.exercisePeriod();
        sharesPerRight = sharesPerRight.with(event.effectiveDate(), event.sharesPerRightAfter(),
                AdjustmentCause.RESTRUCTURING);
    }
}
