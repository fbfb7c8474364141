package io.sartracker.query.register;

import io.sartracker.kernel.event.AllotmentAmountCorrected;
import io.sartracker.kernel.event.AllotmentAmountDetermined;
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
import io.sartracker.kernel.event.SeriesIssued;
import io.sartracker.kernel.event.SeriesRestructured;
import io.sartracker.kernel.event.SharesPerRightAdjusted;
import io.sartracker.kernel.model.AdjustmentCause;
import io.sartracker.kernel.model.HoldingStatus;
import io.sartracker.kernel.model.LapseReason;
import io.sartracker.kernel.valuation.Valuation;

import java.time.LocalDate;
import java.util.List;

/**
 * Folds the events of one series into its {@link SeriesRegister}. Plain code with no storage: the
 * stored projection and every as-of view call this one method, event by event.
 */
public final class SeriesProjector {
    private SeriesProjector() {
    }

    /** A fresh register for a series about to be folded from its first event. */
    public static SeriesRegister empty() {
        SeriesRegister register = new SeriesRegister();
        register.formatVersion = SeriesRegister.FORMAT_VERSION;
        return register;
    }

    public static SeriesRegister fold(List<?> events) {
        SeriesRegister register = empty();
        events.forEach(event -> apply(register, event));
        return register;
    }

    /**
     * Applies one event payload. An event of a kind the projector does not know is a failure, not a
     * silent no-op: the stored projection then sends it to the dead-letter queue instead of dropping it.
     *
     * @throws IllegalArgumentException for an event the projector does not know
     */
    public static void apply(SeriesRegister r, Object event) {
        if (event instanceof HoldingEvent fact) {
            LocalDate date = fact.effectiveDate();
            if (date != null && (r.lastFactDate == null || date.isAfter(r.lastFactDate))) {
                r.lastFactDate = date;
            }
        }
        if (event instanceof SeriesIssued e) {
            r.seriesId = e.seriesId().value();
            r.issuerId = e.issuerId().value();
            r.terms = e.terms();
            r.exercisePeriod = e.terms().exercisePeriod();
            r.exercisePricePerShare = e.terms().exercisePricePerShare().amount();
            r.sharesPerRight.add(new SharesPerRightStep(e.terms().allotmentDate(),
                    e.terms().sharesPerRightAtIssue().shares(), null, null, null));
        } else if (event instanceof RightsAllotted e) {
            HoldingRecord h = r.holdings.computeIfAbsent(e.holderId().value(),
                    id -> new HoldingRecord(id, e.role()));
            h.allotted += e.rights().count();
            h.held += e.rights().count();
        } else if (event instanceof AllotmentAmountDetermined e) {
            valuation(r, e.valuation());
        } else if (event instanceof AllotmentAmountCorrected e) {
            valuation(r, e.valuation());
        } else if (event instanceof HolderRoleChanged e) {
            HoldingRecord h = r.holdings.get(e.holderId().value());
            h.role = e.newRole();
            h.earlier.forEach(before -> before.role = e.newRole());
        } else if (event instanceof HolderLeftOffice e) {
            HoldingRecord h = remember(r, e.holderId().value());
            h.status = HoldingStatus.LEFT_OFFICE;
            h.departureDate = e.departureDate();
            h.window = e.window();
            h.lapseDate = e.lapseDate();
        } else if (event instanceof HolderDied e) {
            HoldingRecord h = remember(r, e.holderId().value());
            if (e.deceasedId().equals(e.holderId())) {
                h.dateOfDeath = e.dateOfDeath();
                if (e.outcome() == HolderDied.Outcome.AWAITING_HEIR) {
                    h.status = HoldingStatus.AWAITING_HEIR;
                    h.window = null;
                    h.lapseDate = r.exercisePeriod.dayAfter();
                }
            } else {
                h.dateOfHeirsDeath = e.dateOfDeath();
            }
        } else if (event instanceof RightsInherited e) {
            HoldingRecord h = remember(r, e.holderId().value());
            h.status = HoldingStatus.INHERITED;
            h.heirId = e.heirId().value();
            h.inheritanceDate = e.inheritanceDate();
            h.window = e.window();
            h.lapseDate = e.lapseDate();
        } else if (event instanceof RightsExercised e) {
            HoldingRecord h = remember(r, e.holderId().value());
            h.held -= e.rights().count();
            h.exercised += e.rights().count();
            h.exercises.add(new ExerciseRecord(e.exerciseDate(), e.exercisedBy().value(), e.rights().count(),
                    e.sharesPerRight().shares(), e.sharesDelivered(), e.amountPaidIn().amount(),
                    e.bookValue().amount(), e.capitalStockIncrease().amount(),
                    e.capitalReserveIncrease().amount()));
            if (h.held == 0) {
                h.status = HoldingStatus.FULLY_EXERCISED;
            }
        } else if (event instanceof RightsLapsed e) {
            HoldingRecord h = r.holdings.get(e.holderId().value());
            h.lapsed += e.rights().count();
            h.held -= e.rights().count();
            h.status = HoldingStatus.LAPSED;
            h.lapseReason = e.reason();
            h.lapsedOn = e.lapseDate();
            // the date of the recorded lapse: D+11, the day after I + 6 months, the heir's death, the period's end
            h.lapseDate = e.lapseDate();
            if (e.reason() != LapseReason.HEIR_DIED) {
                // a lapse cannot be reversed, nor anything before it
                h.earlier.clear();
            }
        } else if (event instanceof RightsAcquired e) {
            HoldingRecord h = r.holdings.get(e.holderId().value());
            h.acquired += e.rights().count();
            h.held -= e.rights().count();
            h.status = HoldingStatus.ACQUIRED;
            h.acquiredOn = e.acquisitionDate();
            h.lapseDate = e.acquisitionDate();
            h.earlier.clear();
        } else if (event instanceof FactReversed e) {
            HoldingRecord h = r.holdings.get(e.holderId().value());
            h.restore(h.earlier.remove(h.earlier.size() - 1));
        } else if (event instanceof SharesPerRightAdjusted e) {
            r.sharesPerRight.add(new SharesPerRightStep(e.appliesFrom(), e.after().shares(), e.cause(), e.ratio() == null ? null : e.ratio().toString(), e.reason()));
        } else if (event instanceof SeriesRestructured e) {
            r.previousIssuerId = e.previousIssuerId() != null ? e.previousIssuerId().value() : r.issuerId;
            r.issuerId = e.restructuredCompanyId().value();
            r.restructuredCompanyId = e.restructuredCompanyId().value();
            r.restructuredCompanyName = e.restructuredCompanyName();
            r.restructuredOn = e.effectiveDate();
            r.exercisePeriod = e.exercisePeriod();
            r.sharesPerRight.add(new SharesPerRightStep(e.effectiveDate(), e.sharesPerRightAfter().shares(),
                    AdjustmentCause.RESTRUCTURING, e.shareRatio().toString(),
                    e.kind() + " into " + e.restructuredCompanyName()));
        } else {
            throw new IllegalArgumentException("SeriesProjector does not know the event "
                    + (event == null ? "null" : event.getClass().getName())
                    + "; teach it the event before recording it (a projection sends it to the dead-letter queue)");
        }
    }

    /** Records that the register has folded the series' events up to this sequence number. */
    public static void markFolded(SeriesRegister r, long sequenceNumber) {
        r.version = sequenceNumber;
    }

    private static void valuation(SeriesRegister r, Valuation valuation) {
        r.allotmentValuation = valuation;
        r.allotmentAmountPerRight = valuation.amountPerRight().amount();
    }

    /** Keeps the holding's state before a reversible fact, so that a reversal can restore it. */
    private static HoldingRecord remember(SeriesRegister r, String holderId) {
        HoldingRecord h = r.holdings.get(holderId);
        h.earlier.add(h.copy());
        return h;
    }
}
