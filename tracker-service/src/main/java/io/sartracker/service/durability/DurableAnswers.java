package io.sartracker.service.durability;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The last step before a command's answer leaves: its committed facts must be on disk. On H2 that
 * waits for the group sync; on PostgreSQL the commit was already durable and this does nothing.
 * Called by whoever answers for a command, after the command bus has returned (Axon swallows an
 * exception thrown after its commit, so the wait cannot live in the unit of work).
 */
@Component
public class DurableAnswers {
    private final ObjectProvider<GroupSync> groupSync;

    public DurableAnswers(ObjectProvider<GroupSync> groupSync) {
        this.groupSync = groupSync;
    }

    /** @throws GroupSync.NotDurableException when the disk did not confirm what was committed */
    public void confirm() {
        groupSync.ifAvailable(GroupSync::awaitDurable);
    }
}
