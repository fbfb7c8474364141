package io.sartracker.service.durability;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Holds every command's answer until its events are on disk: after the command's transaction has
 * committed, the command thread waits for the group sync that covers it. A command that records
 * nothing waits too, cheaply, since its sync is shared with whatever else is committing.
 */
public class DurableCommits implements MessageHandlerInterceptor<CommandMessage<?>> {
    private final GroupSync groupSync;

    public DurableCommits(GroupSync groupSync) {
        this.groupSync = groupSync;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        if (unitOfWork.isRoot()) {
            unitOfWork.afterCommit(committed -> groupSync.awaitDurable());
        }
        return chain.proceed();
    }
}
