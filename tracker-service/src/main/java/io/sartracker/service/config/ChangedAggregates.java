package io.sartracker.service.config;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.HashSet;
import java.util.Set;

/**
 * The aggregates whose state a unit of work has changed in memory: each one an event-sourcing handler ran
 * on (an event applied, or the aggregate read from its events) and each one its repository saved. An
 * aggregate changes only in its event-sourcing handlers, so a command rejected before it applied anything
 * leaves a cached aggregate as the store holds it, and {@link AggregateCache} keeps it.
 */
public final class ChangedAggregates implements HandlerEnhancerDefinition {
    private static final String CHANGED = ChangedAggregates.class.getName() + ".changed";
    private static final String KEPT = ChangedAggregates.class.getName() + ".kept";

    /** Notes, in the root of the current unit of work (if any), that the aggregate's state has changed. */
    static void changed(Object aggregateIdentifier) {
        if (aggregateIdentifier != null && CurrentUnitOfWork.isStarted()) {
            identifiers(CurrentUnitOfWork.get(), CHANGED).add(aggregateIdentifier.toString());
        }
    }

    /** What becomes of a cached aggregate Axon removes as a unit of work rolls back (it asks more than once). */
    enum OnRollback { REMOVE, KEEP, KEPT_ALREADY }

    /**
     * {@code KEEP} (then {@code KEPT_ALREADY}) when the current unit of work is rolling back without having
     * changed the aggregate; {@code REMOVE} otherwise, and outside a rollback, where nothing is known of what
     * the caller did to it.
     */
    static OnRollback onRemoval(Object aggregateIdentifier) {
        if (!CurrentUnitOfWork.isStarted()) {
            return OnRollback.REMOVE;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        String identifier = aggregateIdentifier.toString();
        if (unitOfWork.phase() != UnitOfWork.Phase.ROLLBACK || identifiers(unitOfWork, CHANGED).contains(identifier)) {
            return OnRollback.REMOVE;
        }
        return identifiers(unitOfWork, KEPT).add(identifier) ? OnRollback.KEEP : OnRollback.KEPT_ALREADY;
    }

    private static Set<String> identifiers(UnitOfWork<?> unitOfWork, String resource) {
        return unitOfWork.root().getOrComputeResource(resource, key -> new HashSet<>());
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.hasAnnotation(EventSourcingHandler.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (message instanceof DomainEventMessage<?> event) {
                    changed(event.getAggregateIdentifier());
                }
                return super.handle(message, target);
            }
        };
    }
}
