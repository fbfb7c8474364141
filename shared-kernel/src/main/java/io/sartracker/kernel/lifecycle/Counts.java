package io.sartracker.kernel.lifecycle;

import io.sartracker.kernel.model.Rights;

/**
 * The rights of one holding, by where they went: {@code allotted = held + exercised + lapsed + acquired}
 * after every event.
 */
public record Counts(Rights allotted, Rights held, Rights exercised, Rights lapsed, Rights acquired) {
    public static final Counts NONE = new Counts(Rights.NONE, Rights.NONE, Rights.NONE, Rights.NONE, Rights.NONE);

    /** A further allotment: more rights allotted and held. */
    public Counts allot(Rights more) {
        return new Counts(allotted.plus(more), held.plus(more), exercised, lapsed, acquired);
    }

    public Counts exercise(Rights rights) {
        return new Counts(allotted, held.minus(rights), exercised.plus(rights), lapsed, acquired);
    }

    /** Every right still held lapses. */
    public Counts lapseAll() {
        return new Counts(allotted, Rights.NONE, exercised, lapsed.plus(held), acquired);
    }

    /** The company acquires every right still held. */
    public Counts acquireAll() {
        return new Counts(allotted, Rights.NONE, exercised, lapsed, acquired.plus(held));
    }
}
