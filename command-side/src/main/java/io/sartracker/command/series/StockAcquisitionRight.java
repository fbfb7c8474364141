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
import io.sartracker.kernel.event.FactReversed;
import io.sartracker.kernel.event.HolderDied;
import io.sartracker.kernel.event.HolderLeftOffice;
import io.sartracker.kernel.event.HolderRoleChanged;
import io.sartracker.kernel.event.RightsAcquired;
import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.event.RightsExercised;
import io.sartracker.kernel.event.RightsInherited;
import io.sartracker.kernel.event.RightsLapsed;
import io.sartracker.kernel.event.SeriesIssued;
import io.sartracker.kernel.event.SeriesRestructured;
import io.sartracker.kernel.event.SharesPerRightAdjusted;
import io.sartracker.kernel.model.AdjustmentCause;
import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.HoldingStatus;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.LapseReason;
import io.sartracker.kernel.model.Ratio;
import io.sartracker.kernel.model.ReversibleFact;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.model.Terms;
import io.sartracker.kernel.model.Yen;
import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.sartracker.command.policy.BusinessDate.requireHappened;
import static io.sartracker.command.policy.BusinessDate.today;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One series of stock acquisition rights, from the board's resolution to the last right's end.
 * The series is the consistency boundary: the maximum number of rights and the corporate actions
 * (splits, restructuring, acquisition) are series-wide, so every holding is a member of it.
 * Command handlers check the terms (RULES.md 2-11) and apply events; state changes only in the
 * event sourcing handlers.
 */
@Aggregate(snapshotTriggerDefinition = "seriesSnapshotTrigger", commandTargetResolver = "seriesTargetResolver",
        snapshotFilter = "seriesSnapshotFilter")
// The shape of a snapshot: raise it with any change to the fields, so that older snapshots are ignored
// (AxonConfig#seriesSnapshotFilter) and the series is rebuilt from its events.
@org.axonframework.serialization.Revision("2")
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
    private Valuation allotmentValuation;
    /** Events reach only the holding they name (Axon's default would forward them to every holding). */
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
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
            throw RuleViolation.of(RuleCode.ALLOTMENT_DATE_MISMATCH,
                    "Rights of this series are allotted on " + terms.allotmentDate() + " (13); record the allotment"
                            + " with that date.",
                    "allotmentDate", terms.allotmentDate(), "requestedDate", command.allotmentDate());
        }
        if (!terms.eligibleRoles().contains(command.role())) {
            throw RuleViolation.of(RuleCode.ROLE_NOT_ELIGIBLE,
                    "Only " + terms.eligibleRoles() + " may be allotted rights of this series (15).",
                    "role", command.role());
        }
        Rights allotted = totals().allotted();
        Rights left = terms.maximumRights().minus(allotted);
        if (command.rights().exceeds(left)) {
            throw RuleViolation.of(RuleCode.MAXIMUM_RIGHTS_EXCEEDED,
                    "Only " + left + " of the maximum " + terms.maximumRights() + " rights are left to allot (2);"
                            + " allot at most " + left + ".",
                    "maximumRights", terms.maximumRights(), "allottedRights", allotted,
                    "requestedRights", command.rights(), "rightsLeft", left);
        }
        Holding existing = holdings.get(command.holderId());
        if (existing != null && existing.status() != HoldingStatus.IN_OFFICE) {
            throw RuleViolation.of(RuleCode.HOLDER_NOT_IN_OFFICE,
                    "Holder " + command.holderId() + " no longer holds office (" + existing.status()
                            + "); rights are allotted only to directors and executive officers in office.",
                    "holderId", command.holderId(), "status", existing.status());
        }
        if (existing != null && existing.allotteeDied()) {
            // a death that left nothing to inherit keeps the status; the holder is still not in office
            throw RuleViolation.of(RuleCode.HOLDER_ALREADY_DECEASED,
                    "Holder " + command.holderId() + " is recorded as deceased on " + existing.dateOfDeath()
                            + "; rights are allotted only to directors and executive officers in office.",
                    "holderId", command.holderId(), "dateOfDeath", existing.dateOfDeath());
        }
        apply(new RightsAllotted(seriesId, command.holderId(), command.role(), command.rights(),
                command.allotmentDate()));
    }

    // ---- the allotment amount (RULES.md 8, (12))

    @CommandHandler
    public void handle(DetermineAllotmentAmount command) {
        requireNoExerciseRecorded("determined");
        if (allotmentValuation != null) {
            throw RuleViolation.of(RuleCode.ALLOTMENT_AMOUNT_ALREADY_DETERMINED,
                    "The allotment amount of this series is already " + allotmentValuation.amountPerRight()
                            + " per right; to replace it, send a correction with the reason.",
                    "amountPerRight", allotmentValuation.amountPerRight());
        }
        if (command.determinationDate().isAfter(terms.allotmentDate())) {
            throw RuleViolation.of(RuleCode.VALUATION_AFTER_ALLOTMENT,
                    "The amount to be paid is fixed before the allotment on " + terms.allotmentDate()
                            + " (12); " + command.determinationDate() + " is after it.",
                    "determinationDate", command.determinationDate(), "allotmentDate", terms.allotmentDate());
        }
        apply(new AllotmentAmountDetermined(seriesId, command.determinationDate(),
                valuate(command.valuationDate(), command.inputs())));
    }

    @CommandHandler
    public void handle(CorrectAllotmentAmount command) {
        if (allotmentValuation == null) {
            throw RuleViolation.of(RuleCode.NO_ALLOTMENT_AMOUNT,
                    "No allotment amount is recorded for this series yet; determine it instead of correcting it.",
                    "seriesId", seriesId);
        }
        requireNoExerciseRecorded("corrected");
        apply(new AllotmentAmountCorrected(seriesId, command.correctionDate(),
                valuate(command.valuationDate(), command.inputs()), allotmentValuation.amountPerRight(),
                command.reason()));
    }

    /**
     * RULES.md 13: the allotment amount is the book value of every exercised right, so it is fixed
     * before the first exercise is recorded; the rejection names the latest exercise (reverse it first).
     */
    private void requireNoExerciseRecorded(String what) {
        latestExercise().ifPresent(exercise -> {
            throw RuleViolation.of(RuleCode.LATER_FACT_RECORDED,
                    "The exercise by " + exercise.holderId() + " on " + exercise.date() + " is recorded, with the"
                            + " book value in force when it was recorded; the allotment amount is the book value of"
                            + " every exercised right, so it cannot be " + what + " once an exercise is recorded."
                            + " Reverse the exercises first if the amount must change.",
                    "exerciseHolderId", exercise.holderId(), "exerciseDate", exercise.date());
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
            throw RuleViolation.of(RuleCode.INVALID_VALUATION_INPUT,
                    "The valuation cannot be computed: " + e.getMessage() + ".", "valuationDate", valuationDate);
        }
    }

    // ---- losing office (RULES.md 4); called for every series of the issuer

    /** @return the number of holdings of this series the departure applied to */
    public int recordDeparture(RecordDepartureFromOffice command) {
        Holding holding = holdings.get(command.holderId());
        if (holding == null) {
            return 0;
        }
        if (!holding.isLive() || !lapseOf(holding).date().isAfter(command.departureDate())) {
            return 0; // nothing left that the departure could change
        }
        switch (holding.status()) {
            // the person's history accepted the departure: re-appointed by a later series, this one stays as it was
            case LEFT_OFFICE -> {
                return 0;
            }
            case AWAITING_HEIR, INHERITED -> throw RuleViolation.of(RuleCode.HOLDER_ALREADY_DECEASED,
                    "Holder " + command.holderId() + " is recorded as deceased on " + holding.dateOfDeath()
                            + "; losing office by death follows (11)-3, not the 10-day rule.",
                    "holderId", command.holderId(), "dateOfDeath", holding.dateOfDeath(), "seriesId", seriesId);
            default -> {
            }
        }
        holding.requireNotBeforeLatestFact(command.departureDate(), "departure from office");
        LocalDate lastDayOfWindow = command.departureDate().plusDays(terms.windowAfterLeavingOfficeDays());
        ExerciseWindow window = new ExerciseWindow(command.departureDate().plusDays(1), lastDayOfWindow)
                .cutTo(exercisePeriod).orElse(null);
        LocalDate lapseDate = window != null ? window.dayAfter() : earlierOf(lastDayOfWindow.plusDays(1),
                exercisePeriod.dayAfter());
        apply(new HolderLeftOffice(seriesId, command.holderId(), command.departureDate(), command.reason(), window,
                lapseDate));
        return 1;
    }

    // ---- death and inheritance (RULES.md 5); death is called for every series of the issuer

    /** @return the number of holdings of this series whose holder the death concerns */
    public int recordDeath(RecordDeath command) {
        int affected = 0;
        for (Holding holding : List.copyOf(holdings.values())) {
            if (!holding.currentHolder().equals(command.personId()) || !holding.isLive()) {
                continue;
            }
            boolean isHeir = holding.heirId() != null;
            holding.requireNotRecordedDeceased(command.personId(), seriesId);
            holding.requireNotBeforeLatestFact(command.dateOfDeath(), "death");
            boolean extinguished = !lapseOf(holding).date().isAfter(command.dateOfDeath());
            HolderDied.Outcome outcome = extinguished ? HolderDied.Outcome.NOTHING_TO_INHERIT
                    : isHeir ? HolderDied.Outcome.RIGHTS_LAPSE : HolderDied.Outcome.AWAITING_HEIR;
            apply(new HolderDied(seriesId, holding.holderId(), command.personId(), command.dateOfDeath(), outcome,
                    holding.held()));
            if (outcome == HolderDied.Outcome.RIGHTS_LAPSE) {
                apply(new RightsLapsed(seriesId, holding.holderId(), holding.held(), LapseReason.HEIR_DIED,
                        command.dateOfDeath()));
            }
            affected++;
        }
        return affected;
    }

    @CommandHandler
    public void handle(InheritRights command, Clock clock) {
        requireHappened("inheritance", command.inheritanceDate(), clock);
        Holding state = holding(command.holderId());
        if (command.heirIds().size() > 1) {
            throw RuleViolation.of(RuleCode.MORE_THAN_ONE_HEIR,
                    "Only one legal heir may inherit the rights (11)-3; name the single heir who inherits the whole"
                            + " holding.",
                    "heirIds", command.heirIds());
        }
        state.requireOpenToInheritance(command.holderId());
        if (state.status() != HoldingStatus.AWAITING_HEIR || !state.isLive()
                || !lapseOf(state).date().isAfter(command.inheritanceDate())) {
            throw RuleViolation.of(RuleCode.NOTHING_TO_INHERIT,
                    "Nothing is left to inherit: the rights of " + command.holderId() + " were "
                            + (state.status() == HoldingStatus.AWAITING_HEIR ? "extinguished when the exercise period"
                            + " ended on " + exercisePeriod.lastDay()
                            : "extinguished before the death (" + state.status() + ")") + ".",
                    "holderId", command.holderId(), "status", state.status(), "dateOfDeath", state.dateOfDeath());
        }
        state.requireNotBeforeLatestFact(command.inheritanceDate(), "inheritance");
        HolderId heir = command.heirIds().get(0);
        if (heir.equals(command.holderId())) {
            throw RuleViolation.of(RuleCode.HEIR_IS_THE_DECEASED,
                    "The heir must be the legal heir of " + command.holderId() + ", not the deceased holder;"
                            + " name the heir's own identifier.",
                    "holderId", command.holderId(), "heirId", heir);
        }
        LocalDate lastDay = command.inheritanceDate().plusMonths(terms.heirWindowMonths());
        ExerciseWindow window = new ExerciseWindow(command.inheritanceDate(), lastDay).cutTo(exercisePeriod)
                .orElse(null);
        LocalDate lapseDate = window != null ? window.dayAfter() : earlierOf(lastDay.plusDays(1),
                exercisePeriod.dayAfter());
        apply(new RightsInherited(seriesId, command.holderId(), heir, command.inheritanceDate(), state.held(), window,
                lapseDate));
    }

    // ---- exercise (RULES.md 6)

    @CommandHandler
    public void handle(ExerciseRights command, Clock clock) {
        LocalDate date = command.exerciseDate();
        requireHappened("exercise", date, clock);
        Holding state = holdingNamed(command.holderId());
        boolean madeBeforeRecordedDeath = state.exerciseMadeBeforeRecordedDeath(date);
        if (!madeBeforeRecordedDeath) {
            requirePeriodNotEndedInOffice(state, today(clock));
            state.requireExercisable(command.holderId(), terms.windowAfterLeavingOfficeDays());
        }
        ExerciseWindow window = madeBeforeRecordedDeath ? state.departureWindow() : state.window();
        if (!exercisePeriod.contains(date)) {
            throw RuleViolation.of(RuleCode.OUTSIDE_EXERCISE_PERIOD,
                    "Rights of this series can be exercised only from " + exercisePeriod.firstDay() + " to "
                            + exercisePeriod.lastDay() + " (5); " + date + " is outside.",
                    "exerciseDate", date, "periodFirstDay", exercisePeriod.firstDay(),
                    "periodLastDay", exercisePeriod.lastDay(),
                    "windowFirstDay", window == null ? null : window.firstDay(),
                    "windowLastDay", window == null ? null : window.lastDay());
        }
        if (window == null || !window.contains(date)) {
            throw outsideWindow(state, date);
        }
        SharesPerRight inForce = sharesPerRight.on(date);
        requireSharesToDeliver(inForce, date);
        Rights rights = rightsRequested(command, inForce);
        if (rights.exceeds(state.held())) {
            throw RuleViolation.of(RuleCode.EXCEEDS_RIGHTS_HELD,
                    "The holding has " + state.held() + " rights left; exercise at most " + state.held() + ".",
                    "rightsHeld", state.held(), "requestedRights", rights);
        }
        long shares = inForce.sharesFor(rights);
        Yen pricePerShare = terms.exercisePricePerShare();
        Yen paidIn = pricePerShare.times(shares);
        Yen bookValue = allotmentAmountPerRight.times(rights.count());
        Yen limit = paidIn.plus(bookValue);
        Yen capitalStock = limit.halfRoundedUp();
        HolderId exercisedBy = madeBeforeRecordedDeath ? state.holderId() : state.currentHolder();
        apply(new RightsExercised(seriesId, state.holderId(), exercisedBy, date, rights, inForce, shares,
                pricePerShare, paidIn, allotmentAmountPerRight, bookValue, limit, capitalStock,
                limit.minus(capitalStock), allotmentValuation != null));
    }

    /**
     * A holder still in office when the exercise period ended never had a window in it: the rights
     * end with the period (not "record the departure first", which would change nothing).
     */
    private void requirePeriodNotEndedInOffice(Holding state, LocalDate today) {
        if (state.status() == HoldingStatus.IN_OFFICE && exercisePeriod.lastDay().isBefore(today)) {
            throw RuleViolation.of(RuleCode.EXERCISE_PERIOD_ENDED,
                    "The exercise period of series " + seriesId + " ended on " + exercisePeriod.lastDay()
                            + " while " + state.holderId() + " held office; the rights can no longer be exercised"
                            + " and lapse from " + exercisePeriod.dayAfter() + " (5), (11)-2.",
                    "holderId", state.holderId(), "periodLastDay", exercisePeriod.lastDay(),
                    "lapseDate", exercisePeriod.dayAfter(), "rightsHeld", state.held());
        }
    }

    /** RULES.md 13: a consolidation may bring the shares per right to 0; nothing would be delivered. */
    private static void requireSharesToDeliver(SharesPerRight inForce, LocalDate date) {
        if (inForce.shares() == 0) {
            throw RuleViolation.of(RuleCode.NOTHING_TO_DELIVER,
                    "On " + date + " a right gives 0 shares (a consolidation rounded the figure down to 0);"
                            + " an exercise would deliver no share, so none can be recorded.",
                    "exerciseDate", date, "sharesPerRight", inForce);
        }
    }

    private RuleViolation outsideWindow(Holding state, LocalDate date) {
        boolean heir = state.status() == HoldingStatus.INHERITED;
        String rule = heir ? "the heir may exercise from the day of inheriting to " + terms.heirWindowMonths()
                + " months later (11)-3"
                : "a holder who lost office on " + state.departureDate() + " may exercise only in the "
                + terms.windowAfterLeavingOfficeDays() + " days after (11)-2";
        String window = state.window() == null
                ? "no day of that window lies in the exercise period " + exercisePeriod
                : "the window is " + state.window();
        return RuleViolation.of(RuleCode.OUTSIDE_EXERCISE_WINDOW,
                "Cannot exercise on " + date + ": " + rule + "; " + window + ".",
                "exerciseDate", date,
                "windowFirstDay", state.window() == null ? null : state.window().firstDay(),
                "windowLastDay", state.window() == null ? null : state.window().lastDay(),
                "rightsHeld", state.held());
    }

    private static Rights rightsRequested(ExerciseRights command, SharesPerRight inForce) {
        if (command.rights() != null) {
            BigDecimal rights = command.rights().stripTrailingZeros();
            if (rights.scale() > 0) {
                throw RuleViolation.of(RuleCode.PARTIAL_RIGHT_NOT_ALLOWED,
                        "A part of one right cannot be exercised (11)-1; exercise a whole number of rights.",
                        "requestedRights", command.rights().toPlainString());
            }
            return Rights.of(rights.longValueExact());
        }
        BigDecimal shares = command.shares().stripTrailingZeros();
        BigDecimal perRight = BigDecimal.valueOf(inForce.shares());
        if (shares.scale() > 0 || perRight.signum() == 0 || shares.remainder(perRight).signum() != 0) {
            long wholeRights = perRight.signum() == 0 ? 0 : shares.divideToIntegralValue(perRight).longValue();
            throw RuleViolation.of(RuleCode.PARTIAL_RIGHT_NOT_ALLOWED,
                    "Shares are delivered only for whole rights of " + inForce + " shares each (11)-1; "
                            + command.shares().toPlainString() + " shares is not a whole multiple. Ask for "
                            + wholeRights * inForce.shares() + " shares (" + wholeRights + " rights) instead.",
                    "requestedShares", command.shares().toPlainString(), "sharesPerRight", inForce,
                    "wholeRights", wholeRights);
        }
        return Rights.of(shares.divide(perRight).longValueExact());
    }

    // ---- split, consolidation, board adjustment (RULES.md 7)

    /** @return whether the split applied to this series (RULES.md 13: every series running on the day it applies) */
    public boolean recordSplit(RecordShareSplit command) {
        if (!command.ratio().isGreaterThanOne()) {
            throw RuleViolation.of(RuleCode.RATIO_DOES_NOT_FIT,
                    "A share split increases the shares: its ratio must be above 1 (a 2-for-1 split is 2/1), was "
                            + command.ratio() + ".",
                    "ratio", command.ratio());
        }
        LocalDate appliesFrom = command.recordDate().plusDays(1);
        AdjustmentCause cause = AdjustmentCause.SPLIT;
        if (command.conditionalOnMeeting()) {
            if (!command.recordDate().equals(command.meetingClosingDate().minusDays(1))) {
                throw RuleViolation.of(RuleCode.CONDITIONAL_SPLIT_DATES,
                        "A split conditional on the shareholders' meeting has its record date on the day before"
                                + " the meeting closes (3): " + command.meetingClosingDate().minusDays(1) + ".",
                        "recordDate", command.recordDate(), "meetingClosingDate", command.meetingClosingDate());
            }
            appliesFrom = command.meetingClosingDate().plusDays(1);
            cause = AdjustmentCause.CONDITIONAL_SPLIT;
        }
        return adjustByRatio(cause, command.ratio(), command.recordDate(), appliesFrom);
    }

    /** @return whether the consolidation applied to this series */
    public boolean recordConsolidation(RecordShareConsolidation command) {
        if (!command.ratio().isLessThanOne()) {
            throw RuleViolation.of(RuleCode.RATIO_DOES_NOT_FIT,
                    "A share consolidation reduces the shares: its ratio must be below 1 (1-for-10 is 1/10), was "
                            + command.ratio() + ".",
                    "ratio", command.ratio());
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
            throw RuleViolation.of(RuleCode.ADJUSTMENT_BEFORE_ALLOTMENT,
                    "Only an adjustment after the allotment date (" + terms.allotmentDate()
                            + ") changes the shares per right (3); this one applies from " + appliesFrom + ".",
                    "appliesFrom", appliesFrom, "allotmentDate", terms.allotmentDate());
        }
    }

    private void requireAdjustmentCanApplyFrom(LocalDate appliesFrom) {
        requireAllottedBefore(appliesFrom);
        sharesPerRight.latest().filter(step -> !appliesFrom.isAfter(step.appliesFrom())).ifPresent(step -> {
            throw RuleViolation.of(RuleCode.ADJUSTMENT_OUT_OF_ORDER,
                    "An adjustment (" + step.cause() + ") already applies from " + step.appliesFrom()
                            + "; adjustments are recorded in the order they apply, so this one, applying from "
                            + appliesFrom + ", cannot be recorded after it.",
                    "appliesFrom", appliesFrom, "latestAdjustmentAppliesFrom", step.appliesFrom());
        });
        latestExercise().filter(exercise -> !exercise.date().isBefore(appliesFrom)).ifPresent(exercise -> {
            throw RuleViolation.of(RuleCode.ADJUSTMENT_BEFORE_RECORDED_EXERCISE,
                    "The exercise by " + exercise.holderId() + " on " + exercise.date() + " was recorded with "
                            + sharesPerRight.on(exercise.date()) + " shares per right; an adjustment applying from "
                            + appliesFrom + " would change that figure. Reverse the exercise first if it is wrong.",
                    "appliesFrom", appliesFrom, "exerciseHolderId", exercise.holderId(),
                    "exerciseDate", exercise.date());
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
            throw RuleViolation.of(RuleCode.RESTRUCTURING_WITHOUT_REPLACEMENT,
                    "The agreement does not provide rights of the restructured company (9); the company may"
                            + " instead acquire the rights without contribution (8).",
                    "kind", command.kind());
        }
        LocalDate effective = command.effectiveDate();
        requireAdjustmentCanApplyFrom(effective);
        List<Holding> due = dueForLapse(effective);
        Rights remaining = totals().outstanding().minus(sum(due));
        requireOutstanding(remaining, effective);
        SharesPerRight before = sharesPerRight.on(effective);
        ExerciseWindow newPeriod = new ExerciseWindow(
                effective.isAfter(exercisePeriod.firstDay()) ? effective : exercisePeriod.firstDay(),
                exercisePeriod.lastDay());
        recordLapses(due);
        apply(new SeriesRestructured(seriesId, command.kind(), issuerId, command.restructuredCompanyId(),
                command.restructuredCompanyName(), effective, command.shareRatio(), before,
                before.adjustedBy(command.shareRatio()), terms.exercisePricePerShare(), newPeriod, remaining));
    }

    @CommandHandler
    public void handle(AcquireRights command, Clock clock) {
        LocalDate date = command.acquisitionDate();
        requireHappened("acquisition", date, clock);
        if (date.isBefore(command.approvalDate())) {
            throw RuleViolation.of(RuleCode.ACQUISITION_BEFORE_APPROVAL,
                    "The acquisition date " + date + " is before the approval on " + command.approvalDate()
                            + "; the board fixes a date on or after the approval (8).",
                    "approvalDate", command.approvalDate(), "acquisitionDate", date);
        }
        List<Holding> due = dueForLapse(date);
        requireOutstanding(totals().outstanding().minus(sum(due)), date);
        for (Holding state : liveHoldings()) {
            state.requireNotBeforeLatestFact(date, "acquisition");
        }
        recordLapses(due);
        for (Holding state : liveHoldings()) {
            apply(new RightsAcquired(seriesId, state.holderId(), state.held(), command.cause(),
                    command.approvalDate(), date));
        }
    }

    private void requireOutstanding(Rights remaining, LocalDate date) {
        if (remaining.isZero()) {
            throw RuleViolation.of(RuleCode.NOTHING_OUTSTANDING,
                    "No right of the series is outstanding on " + date + "; nothing to replace or acquire.",
                    "date", date, "outstandingRights", remaining);
        }
    }

    // ---- transfer (RULES.md 10)

    @CommandHandler
    public void handle(TransferRights command, Clock clock) {
        requireHappened("transfer", command.transferDate(), clock);
        holding(command.holderId());
        if (!terms.transferAllowed()) {
            throw RuleViolation.of(RuleCode.TRANSFER_NOT_ALLOWED,
                    "The rights of this series cannot be transferred, pledged or otherwise disposed of (11)-4.",
                    "holderId", command.holderId(), "rights", command.rights());
        }
        if (command.boardApprovalReference() == null || command.boardApprovalReference().isBlank()) {
            throw RuleViolation.of(RuleCode.TRANSFER_APPROVAL_REQUIRED,
                    "A transfer needs the approval of the board of directors (7); give the reference of the"
                            + " board's resolution.",
                    "holderId", command.holderId());
        }
        throw RuleViolation.of(RuleCode.TRANSFER_NOT_SUPPORTED,
                "This tracker does not yet record approved transfers; record them outside the tracker.",
                "holderId", command.holderId(), "boardApprovalReference", command.boardApprovalReference());
    }

    // ---- lapse (RULES.md 9)

    @CommandHandler
    public int handle(RecordDueLapses command) {
        List<Holding> due = dueForLapse(command.asOf());
        recordLapses(due);
        return due.size();
    }


    private Holding.Lapse lapseOf(Holding holding) {
        return holding.lapseOf(exercisePeriod.dayAfter());
    }

    private List<Holding> dueForLapse(LocalDate asOf) {
        return liveHoldings().stream().filter(state -> !lapseOf(state).date().isAfter(asOf)).toList();
    }

    private void recordLapses(List<Holding> due) {
        for (Holding state : due) {
            Holding.Lapse lapse = lapseOf(state);
            apply(new RightsLapsed(seriesId, state.holderId(), state.held(), lapse.reason(), lapse.date()));
        }
    }

    // ---- corrections

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
        Holding holding = holdingNamed(command.holderId());
        Holding.LatestFact latest = holding.latestFact().orElseThrow(() -> RuleViolation.of(RuleCode.NOTHING_TO_REVERSE,
                "Nothing recorded for " + command.holderId() + " after the allotment can be reversed.",
                "holderId", command.holderId()));
        if (latest.reversible() == null) {
            throw RuleViolation.of(RuleCode.LATER_FACT_RECORDED,
                    "The latest fact of the holding is the " + latest.description()
                            + ", which cannot be reversed; facts before it cannot be reversed either.",
                    "holderId", command.holderId(), "latestFact", latest.description(), "factDate", latest.date());
        }
        apply(new FactReversed(seriesId, holding.holderId(), latest.reversible(), latest.date(), command.reason(),
                command.reversedOn(), latest.exercised(), latest.lapsedWithIt()));
    }

    /**
     * Reverses the person's departure or death in this series, where it is the holding's latest fact.
     *
     * @return the number of holdings in which it was reversed
     */
    public int reverseFactOfPerson(ReverseFactOfPerson command) {
        int reversed = 0;
        for (Holding holding : List.copyOf(holdings.values())) {
            if (!holding.hasReversible(command.fact(), command.personId())) {
                continue;
            }
            Holding.LatestFact latest = holding.latestFact().orElseThrow();
            if (!latest.is(command.fact(), command.personId())) {
                throw RuleViolation.of(RuleCode.LATER_FACT_RECORDED,
                        "The " + latest.description() + " was recorded after it in series " + seriesId
                                + "; reverse that first.",
                        "seriesId", seriesId, "holderId", holding.holderId(), "latestFact", latest.description(),
                        "factDate", latest.date());
            }
            apply(new FactReversed(seriesId, holding.holderId(), latest.reversible(), latest.date(),
                    command.reason(), command.reversedOn(), latest.exercised(), latest.lapsedWithIt()));
            reversed++;
        }
        return reversed;
    }

    // ---- office (RULES.md 3); called for every series of the person

    /** @return the number of holdings whose role changed */
    public int recordRoleChange(RecordRoleChange command) {
        Holding holding = holdings.get(command.holderId());
        if (holding == null || holding.status() != HoldingStatus.IN_OFFICE || holding.allotteeDied()
                || holding.role() == command.newRole()) {
            return 0;
        }
        holding.requireNotBeforeLatestFact(command.changeDate(), "change of role");
        apply(new HolderRoleChanged(seriesId, command.holderId(), holding.role(), command.newRole(),
                command.changeDate()));
        return 1;
    }

    // ---- shared checks and figures

    private Holding holding(HolderId holderId) {
        Holding holding = holdings.get(holderId);
        if (holding == null) {
            throw RuleViolation.of(RuleCode.UNKNOWN_HOLDER,
                    "No rights of series " + seriesId + " were allotted to " + holderId + ".",
                    "seriesId", seriesId, "holderId", holderId);
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
            throw RuleViolation.of(RuleCode.UNKNOWN_HOLDER,
                    name + " inherited " + byHeir.size() + " holdings of series " + seriesId
                            + "; name the holding by its original holder's identifier.",
                    "seriesId", seriesId, "heirId", name,
                    "holderIds", byHeir.stream().map(Holding::holderId).toList());
        }
        return holding(name);
    }

    private static LocalDate earlierOf(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private List<Holding> liveHoldings() {
        return holdings.values().stream().filter(Holding::isLive).toList();
    }

    private static Rights sum(Collection<Holding> states) {
        return states.stream().map(Holding::held).reduce(Rights.NONE, Rights::plus);
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
        return holdings.values().stream().anyMatch(h -> h.holderId().equals(personId)
                || personId.equals(h.heirId()));
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

    @EventSourcingHandler
    void on(RightsAllotted event) {
        Holding existing = holdings.get(event.holderId());
        if (existing == null) {
            holdings.put(event.holderId(), new Holding(event));
        } else {
            existing.allotMore(event);
        }
    }

    @EventSourcingHandler
    void on(AllotmentAmountDetermined event) {
        allotmentValuation = event.valuation();
        allotmentAmountPerRight = event.valuation().amountPerRight();
    }

    @EventSourcingHandler
    void on(AllotmentAmountCorrected event) {
        allotmentValuation = event.valuation();
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
