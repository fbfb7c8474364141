package io.sartracker.service.deadletter;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

import java.util.Map;

/** Health says how many dead letters each projection has: any at all leaves the views incomplete. */
public class DeadLetterHealth implements HealthIndicator {
    static final Status DEGRADED = new Status("DEGRADED", "a projection has dead letters; see /dead-letters");

    private final DeadLetters deadLetters;

    public DeadLetterHealth(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public Health health() {
        Map<String, Long> counts = deadLetters.counts();
        boolean any = counts.values().stream().anyMatch(count -> count > 0);
        return Health.status(any ? DEGRADED : Status.UP).withDetails(Map.copyOf(counts)).build();
    }
}
