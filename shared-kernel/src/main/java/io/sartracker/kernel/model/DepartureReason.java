package io.sartracker.kernel.model;

/** Why a holder lost office (11)-2. Death is not among them: it has rules of its own (11)-3. */
public enum DepartureReason {
    RETIREMENT,
    RESIGNATION,
    DISMISSAL,
    END_OF_TERM
}
