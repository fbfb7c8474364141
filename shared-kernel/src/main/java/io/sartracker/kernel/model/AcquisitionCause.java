package io.sartracker.kernel.model;

/** The approvals that let the company acquire the rights without contribution (8). */
public enum AcquisitionCause {
    /** (8)-1: a merger agreement under which the company is merged (disappears). */
    MERGER_COMPANY_DISSOLVES,
    /** (8)-2: a share exchange agreement making the company a wholly-owned subsidiary. */
    SHARE_EXCHANGE,
    /** (8)-2: a share transfer plan making the company a wholly-owned subsidiary. */
    SHARE_TRANSFER
}
