package io.sartracker.service.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.List;

/**
 * A command sent with {@link #METADATA} is decided by its handler exactly as any other (the same
 * rules, the same rejections), then its unit of work is rolled back just before it would commit:
 * nothing is stored, and the sender receives {@link Previewed} with the events it would have
 * recorded. The pages show an exercise this way before it is confirmed (shares, amount paid in,
 * capital stock and reserve), so no figure is computed twice.
 */
public class DryRun implements MessageHandlerInterceptor<CommandMessage<?>> {
    public static final String METADATA = "trackerDryRun";

    /** Thrown in place of the commit: the events the command would have recorded. */
    public static final class Previewed extends RuntimeException {
        private final transient List<EventMessage<?>> events;

        Previewed(List<EventMessage<?>> events) {
            super("previewed, nothing recorded", null, false, false);
            this.events = List.copyOf(events);
        }

        public List<EventMessage<?>> events() {
            return events;
        }
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        if (!Boolean.TRUE.equals(unitOfWork.getMessage().getMetaData().get(METADATA))) {
            return chain.proceed();
        }
        Object result = chain.proceed();
        // Registered after the event bus's own prepare-commit handler, which dispatched the events.
        unitOfWork.root().onPrepareCommit(root -> {
            throw new Previewed(RecordedEvents.recordedIn(root));
        });
        return result;
    }
}
