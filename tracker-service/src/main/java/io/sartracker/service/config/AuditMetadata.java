package io.sartracker.service.config;

/** Metadata keys every command carries to its events, for the audit trail. */
public final class AuditMetadata {
    public static final String RECORDED_BY = "recordedBy";
    public static final String COMMAND = "command";
    /** The recorder of the facts the tracker records by itself (the lapse sweep). */
    public static final String SYSTEM = "system";

    private AuditMetadata() {
    }
}
