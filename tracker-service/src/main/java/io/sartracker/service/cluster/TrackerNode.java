package io.sartracker.service.cluster;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * This node of the tracker: its name (the owner of the token claims it holds, and in its logs) and its
 * roles. Several nodes share one PostgreSQL database; each may take commands, keep the projections and
 * answer queries, or only some of that ({@code tracker.node.roles}).
 */
@Component
public class TrackerNode {

    /** What a node does. */
    public enum Role {
        /** records facts: every POST under /series, /issuers and /lapse-sweeps; runs the lapse sweep */
        COMMAND,
        /** keeps the projections (register, audit) up to date and answers the views */
        QUERY
    }

    private final String id;
    private final Set<Role> roles;

    public TrackerNode(@Value("${tracker.node.id:}") String id, @Value("${tracker.node.roles:command,query}") String roles) {
        this.id = id.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8) : id;
        this.roles = parse(roles);
    }

    static Set<Role> parse(String roles) {
        EnumSet<Role> parsed = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).map(String::strip).filter(role -> !role.isEmpty()).forEach(role -> {
            try {
                parsed.add(Role.valueOf(role.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("tracker.node.roles: '" + role + "' is not a role; the roles are"
                        + " command and query (both by default)");
            }
        });
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("tracker.node.roles names no role; give command, query or both");
        }
        return parsed;
    }

    /** Unique among the nodes of one database: the owner named in the token claims. */
    public String id() {
        return id;
    }

    public Set<Role> roles() {
        return EnumSet.copyOf(roles);
    }

    public boolean takesCommands() {
        return roles.contains(Role.COMMAND);
    }

    public boolean keepsProjections() {
        return roles.contains(Role.QUERY);
    }
}
