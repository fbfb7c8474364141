package io.sartracker.query.register;

import io.sartracker.kernel.event.AllotmentAmountCorrected;
import io.sartracker.kernel.event.AllotmentAmountDetermined;
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
import io.sartracker.kernel.model.HoldingStatus;
import io.sartracker.kernel.model.LapseReason;
import io.sartracker.kernel.valuation.Valuation;

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
        return new SeriesRegister();
    }

    public static SeriesRegister fold(List<?> events) {
        SeriesRegister register = empty();
        events.forEach(event -> apply(register, event));
        return register;
    }

    /** Applies one event payload; events of other kinds leave the register as it is. */
    public static void apply(SeriesRegister r, Object event) {
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
            h.earlier.clear();
        } else if (event instanceof FactReversed e) {
            HoldingRecord h = r.holdings.get(e.holderId().value());
            h.restore(h.earlier.remove(h.earlier.size() - 1));
        } else if (event instanceof SharesPerRightAdjusted e) {
            r.sharesPerRight.add(new SharesPerRightStep(e.appliesFrom(), e.after().shares(), e.cause(), e.ratio() == null ? null : e.ratio().toString(), e.reason()));
        } else if (event instanceof SeriesRestructured e) {
            r.issuerId = e.restructuredCompanyId().value();
            r.restructuredCompanyId = e.restructuredCompanyId().value();
            r.restructuredCompanyName = e.restructuredCompanyName();
            r.restructuredOn = e.effectiveDate();
            r.exercisePeriod = e.exercisePeriod();
            r.sharesPerRight.add(new SharesPerRightStep(e.effectiveDate(), e.sharesPerRightAfter().shares(),
                    AdjustmentCause.RESTRUCTURING, e.shareRatio().toString(),
                    e.kind() + " into " + e.restructuredCompanyName()));
        }
    }

    /** Records that the register has folded everything up to this global index. */
    public static void markFolded(SeriesRegister r, long globalIndex) {
        r.lastGlobalIndex = globalIndex;
    }

    /** Records the series' version the register shows: the sequence number of the last event folded in. */
    public static void markVersion(SeriesRegister r, long sequenceNumber) {
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
