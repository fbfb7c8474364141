package io.sartracker.kernel.model;

/** Why rights were extinguished (RULES.md 9). */
public enum LapseReason {
    /** D+11 after losing office (11)-2. */
    WINDOW_AFTER_LEAVING_OFFICE_CLOSED,
    /** The day after the heir's six months (11)-3. */
    HEIR_WINDOW_CLOSED,
    /** The heir died: the rights cannot pass on (11)-3. */
    HEIR_DIED,
    /** The day after the exercise period ends (5). */
    EXERCISE_PERIOD_ENDED
}
