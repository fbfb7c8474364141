package io.sartracker.command.series;

import io.sartracker.kernel.event.RightsExercised;
import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.model.Terms;
import io.sartracker.kernel.model.Yen;

import java.time.LocalDate;

/**
 * What a holding's decisions read of its series: the root builds it from its own state for each
 * decision and keeps nothing of it, so a {@link Holding} decides beside its state with the series'
 * terms in hand, and the root is left with the rules that span holdings.
 *
 * @param exercisePeriod           (5), moved to start at a restructuring's effect date by (9)-5
 * @param allotmentAmountPerRight  the book value of each exercised right (6); zero until an amount is recorded
 * @param allotmentAmountRecorded  whether an allotment amount was determined (12)
 */
record SeriesContext(SeriesId seriesId, Terms terms, ExerciseWindow exercisePeriod,
                     SharesPerRightSchedule sharesPerRight, Yen allotmentAmountPerRight,
                     boolean allotmentAmountRecorded) {

    /** The first day after the exercise period: every right still held lapses on it (RULES.md 9). */
    LocalDate periodOver() {
        return exercisePeriod.dayAfter();
    }

    /** RULES.md 4: D+1..D+n after losing office, cut to the exercise period. */
    WindowInPeriod windowAfterLeavingOffice(LocalDate departureDate) {
        return inPeriod(new ExerciseWindow(departureDate.plusDays(1),
                departureDate.plusDays(terms.windowAfterLeavingOfficeDays())));
    }

    /** RULES.md 5: the heir's I..I+6 months, cut to the exercise period. */
    WindowInPeriod heirsWindow(LocalDate inheritanceDate) {
        return inPeriod(new ExerciseWindow(inheritanceDate, inheritanceDate.plusMonths(terms.heirWindowMonths())));
    }

    /**
     * A window cut to the exercise period, and the first day it no longer allows an exercise: the day
     * after the cut window, or when nothing of it lies in the period, the earlier of the day after the
     * whole window and the day after the period.
     *
     * @param window the window cut to the period; null when nothing of it lies in the period
     */
    record WindowInPeriod(ExerciseWindow window, LocalDate lapseDate) {
    }

    private WindowInPeriod inPeriod(ExerciseWindow whole) {
        ExerciseWindow window = whole.cutTo(exercisePeriod).orElse(null);
        if (window != null) {
            return new WindowInPeriod(window, window.dayAfter());
        }
        LocalDate afterWhole = whole.dayAfter();
        return new WindowInPeriod(null, afterWhole.isBefore(periodOver()) ? afterWhole : periodOver());
    }

    /**
     * RULES.md 6: an exercise of {@code rights}, priced by the series: the shares the figure in force
     * delivers, paid in at the exercise price; the capital increase limit is that plus the book value of the
     * rights (the allotment amount), half of it rounded up to capital stock and the rest to capital reserve.
     */
    RightsExercised exercised(HolderId holderId, HolderId exercisedBy, LocalDate date, Rights rights,
                              SharesPerRight inForce) {
        long shares = inForce.sharesFor(rights);
        Yen pricePerShare = terms.exercisePricePerShare();
        Yen paidIn = pricePerShare.times(shares);
        Yen bookValue = allotmentAmountPerRight.times(rights.count());
        Yen limit = paidIn.plus(bookValue);
        Yen capitalStock = limit.halfRoundedUp();
        return new RightsExercised(seriesId, holderId, exercisedBy, date, rights, inForce, shares, pricePerShare,
                paidIn, allotmentAmountPerRight, bookValue, limit, capitalStock, limit.minus(capitalStock),
                allotmentAmountRecorded);
    }
}
