package io.sartracker.service.config;

import io.sartracker.command.series.ExpectedVersionTargetResolver;
import io.sartracker.kernel.rule.RuleViolation;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolution;
import org.axonframework.eventsourcing.conflictresolution.DefaultConflictResolver;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * A command sent for an older version of its series is refused for that reason, even when the
 * series as it is now would also break a rule: Axon would check the version only when the unit of
 * work commits, after the handler; the sender should first learn that the series changed.
 */
public class ExpectedVersionCheck implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        try {
            return chain.proceed();
        } catch (RuleViolation violation) {
            if (unitOfWork.getMessage().getMetaData().containsKey(ExpectedVersionTargetResolver.EXPECTED_VERSION)
                    && ConflictResolution.getConflictResolver() instanceof DefaultConflictResolver versionCheck) {
                versionCheck.ensureConflictsResolved();
            }
            throw violation;
        }
    }
}
