package io.sartracker.service.imports;

import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * While a real import records, every other command is refused ({@code IMPORT_IN_PROGRESS}, 503 with
 * Retry-After), on every node: the import's transaction holds global indexes from its first line to its
 * commit, and an event committed meanwhile above them would let the projections' gap-aware tokens pass them
 * and drop them as gaps after the gap timeout, so that the views would never take in the imported events.
 *
 * <p>Looked at twice: before the command is handled, and again once its events are written, just before its
 * commit. An import that takes the gate after the second look starts writing after it, so its global indexes
 * are all above the command's; an import that took it before is seen, and the command rolls back.
 */
@Component
public class ImportExclusivity implements MessageHandlerInterceptor<CommandMessage<?>> {
    private final ImportGate gate;
    private final Clock clock;

    public ImportExclusivity(ImportGate gate, Clock clock) {
        this.gate = gate;
        this.clock = clock;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (!gate.importsOnThisThread()) {
            refuseWhileImporting();
            // registered during the prepare-commit phase, it runs after the event store's own handler there
            unitOfWork.onPrepareCommit(u -> u.onPrepareCommit(written -> refuseWhileImporting()));
        }
        return interceptorChain.proceed();
    }

    private void refuseWhileImporting() {
        gate.holder().ifPresent(holder -> {
            long retryAfter = Math.max(1, Duration.between(clock.instant(), holder.leaseUntil()).toSeconds());
            throw RuleViolation.of(RuleCode.IMPORT_IN_PROGRESS, "An import of past history is recording its"
                            + " file; no other fact is recorded until it ends. Nothing was recorded: send the request"
                            + " again in " + retryAfter + " s.", "importId", holder.importId(),
                    "retryAfterSeconds", retryAfter);
        });
    }
}
