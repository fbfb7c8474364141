package io.sartracker.command.series;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Finds the series a command targets by its {@code @TargetAggregateIdentifier}, and the version the
 * sender last saw in the command's metadata ({@value #EXPECTED_VERSION}, the sequence number of the
 * series' last event). With a version, Axon loads the series for that version: when another command
 * recorded in between, the unit of work fails with a {@code ConflictingAggregateVersionException}
 * before anything is stored, so the check is atomic with the append. Without one, nothing is checked.
 */
public class ExpectedVersionTargetResolver implements CommandTargetResolver {
    /** Metadata key: the series version (sequence number of its last event) the sender expects. */
    public static final String EXPECTED_VERSION = "expectedVersion";

    private final CommandTargetResolver identifiers = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        VersionedAggregateIdentifier target = identifiers.resolveTarget(command);
        Long version = expectedVersion(command.getMetaData());
        return version == null ? target : new VersionedAggregateIdentifier(target.getIdentifierValue(), version);
    }

    /** The version the sender expects, or null when it gave none (for handlers that load the series themselves). */
    public static Long expectedVersion(MetaData metaData) {
        Object expected = metaData.get(EXPECTED_VERSION);
        if (expected == null) {
            return null;
        }
        return expected instanceof Number number ? number.longValue() : Long.parseLong(expected.toString());
    }
}
