package io.sartracker.kernel.model;

/** Where a holding stands in its life; "lapse due" is a view of WINDOW_OPEN/HEIR_WINDOW_OPEN past their end. */
public enum HoldingStatus {
    /** The holder holds office and cannot exercise (RULES.md 3). */
    IN_OFFICE,
    /** The holder lost office; the 10-day window applies (RULES.md 4). */
    LEFT_OFFICE,
    /** The holder died with rights to inherit (RULES.md 5). */
    AWAITING_HEIR,
    /** An heir inherited; the six-month window applies (RULES.md 5). */
    INHERITED,
    /** Nothing left: every right was exercised. */
    FULLY_EXERCISED,
    /** The unexercised rights lapsed. */
    LAPSED,
    /** The company acquired the rights without contribution (8). */
    ACQUIRED
}
