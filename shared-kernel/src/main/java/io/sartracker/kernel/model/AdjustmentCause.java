package io.sartracker.kernel.model;

/** What changed the shares per right (3), (9)-3. */
public enum AdjustmentCause {
    SPLIT,
    CONDITIONAL_SPLIT,
    CONSOLIDATION,
    BOARD_ADJUSTMENT,
    RESTRUCTURING
}
