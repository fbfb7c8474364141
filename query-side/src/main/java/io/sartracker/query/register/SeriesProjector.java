package io.sartracker.query.register;

import io.sartracker.kernel.event.AllotmentAmountCorrected;
import io.sartracker.kernel.event.AllotmentAmountDetermined;
import io.sartracker.kernel.event.FactReversed;
import io.sartracker.kernel.event.HoldingEvent;
import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.event.RightsExercised;
import io.sartracker.kernel.event.SeriesIssued;
import io.sartracker.kernel.event.SeriesRestructured;
import io.sartracker.kernel.event.SharesPerRightAdjusted;
import io.sartracker.kernel.lifecycle.HoldingLifecycle;
import io.sartracker.kernel.model.AdjustmentCause;
import io.sartracker.kernel.model.ReversibleFact;
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
        } else if (event instanceof AllotmentAmountDetermined e) {
            valuation(r, e.valuation());
        } else if (event instanceof AllotmentAmountCorrected e) {
            valuation(r, e.valuation());
        } else if (event instanceof HoldingEvent e) {
            holding(r, e);
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

    /** An allotment is kept with its date: the day its rights were acquired (no reversal takes one back). */
    private static void allotment(HoldingRecord h, HoldingEvent event) {
        if (event instanceof RightsAllotted e) {
            h.allotments.add(new AllotmentRecord(e.allotmentDate(), e.rights().count()));
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

    /**
     * A holding's event: the shared kernel's {@link HoldingLifecycle} folds the holding's life, reversals
     * included; the register keeps one record per exercise beside it, and takes the latest one back when a
     * reversal takes back an exercise.
     */
    private static void holding(SeriesRegister r, HoldingEvent event) {
        String holderId = event.holderId().value();
        HoldingRecord h = r.holdings.get(holderId);
        if (h == null) {
            HoldingRecord first = new HoldingRecord(HoldingLifecycle.evolve(null, event), r.exercisePeriod.dayAfter());
            r.holdings.put(holderId, first);
            allotment(first, event);
            return;
        }
        if (event instanceof FactReversed && h.life.earlier().isEmpty() && h.lacksEarlierFacts()) {
            // RegisterProjection restores such a holding's whole life from the series' events first
            throw new IllegalStateException(event + " takes back a fact the stored register of "
                    + r.seriesId + " left out");
        }
        allotment(h, event);
        if (event instanceof FactReversed) {
            h.life.latestReversible()
                    .filter(reversed -> reversed.fact() == ReversibleFact.EXERCISE)
                    .ifPresent(reversed -> h.exercises.remove(h.exercises.size() - 1));
        } else if (event instanceof RightsExercised e) {
            h.exercises.add(new ExerciseRecord(e.exerciseDate(), e.exercisedBy().value(), e.rights().count(),
                    e.sharesPerRight().shares(), e.sharesDelivered(), e.amountPaidIn().amount(),
                    e.bookValue().amount(), e.capitalStockIncrease().amount(),
                    e.capitalReserveIncrease().amount()));
        }
        h.life = HoldingLifecycle.evolve(h.life, event);
        if (HoldingLifecycle.closedEveryReversal(event, h.life)) {
            h.earlierLeftOut = 0;
        }
        h.dayAfterPeriod = r.exercisePeriod.dayAfter();
    }
}
