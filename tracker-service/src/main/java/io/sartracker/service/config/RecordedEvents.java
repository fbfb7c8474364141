package io.sartracker.service.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Answers every command with the events it recorded, so that a client sees what became of its
 * request. Axon intercepts events when the command's unit of work prepares its commit, after the
 * handler has returned: the outcome therefore carries the unit of work's own list, which is complete
 * once the command bus hands the outcome back to the sender. A rejected command records none.
 */
public class RecordedEvents implements MessageDispatchInterceptor<EventMessage<?>>,
        MessageHandlerInterceptor<CommandMessage<?>> {

    private static final String RESOURCE = RecordedEvents.class.getName();

    /** A command's own result (if any) and the events it recorded; read it after the command completed. */
    public record Outcome(Object result, List<EventMessage<?>> events) {
    }

    /**
     * The events the command of this unit of work has recorded so far: complete once the unit of
     * work's earlier prepare-commit handlers (the event bus's among them) have run.
     */
    public static List<EventMessage<?>> recordedIn(UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().getOrComputeResource(RESOURCE, key -> new ArrayList<>());
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, event) -> {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().root().<List<EventMessage<?>>>getOrComputeResource(RESOURCE,
                        key -> new ArrayList<>()).add(event);
            }
            return event;
        };
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        List<EventMessage<?>> events = recordedIn(unitOfWork);
        return new Outcome(chain.proceed(), Collections.unmodifiableList(events));
    }
}
