package io.sartracker.kernel.model;

/** The facts of a holding an administrator may reverse, latest first. */
public enum ReversibleFact {
    EXERCISE,
    DEPARTURE,
    DEATH,
    INHERITANCE
}
