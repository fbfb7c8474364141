package io.sartracker.service.security;

import java.util.Locale;
import java.util.Optional;

/**
 * What a user of the tracker may do. A user may hold several roles; the table of what each role
 * may call is {@link AccessPolicy}.
 */
public enum TrackerRole {
    /** Adds users, resets their passwords, disables them. */
    ADMINISTRATOR,
    /** Records and corrects the facts of the series: the equity administrators. */
    EQUITY_ADMINISTRATOR,
    /** Reads everything, the audit trail's payloads and personal data included, and may rebuild the views. */
    COMPLIANCE,
    /** Reads the views and exports; sees the audit trail without its payloads. */
    REPORTING,
    /** Runs the lapse sweep, sees health and metrics, manages dead letters. */
    OPERATOR;

    /** The Spring Security authority of the role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /**
     * A role named by an identity provider's claim or an administrator's request: the enum's name in
     * any case, with hyphens or spaces for underscores, and with or without the {@code ROLE_} prefix.
     */
    public static Optional<TrackerRole> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String normal = name.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (normal.startsWith("ROLE_")) {
            normal = normal.substring("ROLE_".length());
        }
        for (TrackerRole role : values()) {
            if (role.name().equals(normal)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
