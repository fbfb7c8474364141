package io.sartracker.query.register;

import io.sartracker.kernel.model.HoldingStatus;

import java.time.LocalDate;

/** Where a holding stands on a given date, as an administrator reads it. */
public enum ViewState {
    IN_OFFICE,
    WINDOW_OPEN,
    AWAITING_HEIR,
    HEIR_WINDOW_OPEN,
    /** The window has closed (or the period ended) but the lapse is not recorded yet. */
    LAPSE_DUE,
    LAPSED,
    FULLY_EXERCISED,
    ACQUIRED;

    static ViewState of(HoldingRecord h, SeriesRegister series, LocalDate on) {
        HoldingStatus status = h.status();
        return switch (status) {
            case LAPSED -> LAPSED;
            case FULLY_EXERCISED -> FULLY_EXERCISED;
            case ACQUIRED -> ACQUIRED;
            case IN_OFFICE -> periodOver(series, on) ? LAPSE_DUE : IN_OFFICE;
            case AWAITING_HEIR -> periodOver(series, on) ? LAPSE_DUE : AWAITING_HEIR;
            // no window in the exercise period: nothing can ever be exercised, the lapse only awaits its date
            case LEFT_OFFICE -> h.window() == null || !on.isBefore(h.lapseDate()) ? LAPSE_DUE : WINDOW_OPEN;
            case INHERITED -> !on.isBefore(h.lapseDate()) ? LAPSE_DUE : HEIR_WINDOW_OPEN;
        };
    }

    private static boolean periodOver(SeriesRegister series, LocalDate on) {
        return on.isAfter(series.exercisePeriod().lastDay());
    }
}
