package io.sartracker.query.store;

import io.sartracker.kernel.event.HolderDied;
import io.sartracker.kernel.event.HoldingEvent;
import io.sartracker.kernel.event.RightsExercised;
import io.sartracker.kernel.event.RightsInherited;
import io.sartracker.kernel.event.SeriesEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes every event into the audit trail, once: a replayed event finds its row already there.
 * A batch's entries are written in one JDBC batch when it commits.
 */
@ProcessingGroup(AuditStore.PROJECTION)
public class AuditProjection {
    static final String RECORDED_BY = "recordedBy";
    static final String COMMAND = "command";
    static final String CORRELATION_ID = "correlationId";
    private static final String BATCH = AuditProjection.class.getName() + ".batch";

    private final AuditStore store;
    private final ProjectionGenerations generations;

    public AuditProjection(AuditStore store, ProjectionGenerations generations) {
        this.store = store;
        this.generations = generations;
    }

    /** A rebuild starts: new events go to the next generation, which begins empty. */
    @ResetHandler
    void onReset(RebuildRequest request) {
        generations.beginRebuild(AuditStore.PROJECTION, request.startedAt(), request.headIndex(), AuditStore.TABLES);
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message, TrackingToken token) {
        SeriesEvent event = payload instanceof SeriesEvent seriesEvent ? seriesEvent : null;
        batch().add(new AuditStore.AuditEntry(
                token.position().orElseThrow(),
                event == null ? null : event.seriesId().value(),
                payload instanceof HoldingEvent holding ? holding.holderId().value() : null,
                personOf(payload),
                message.getPayloadType().getSimpleName(),
                event == null ? null : event.effectiveDate(),
                message.getTimestamp(),
                (String) message.getMetaData().get(RECORDED_BY),
                (String) message.getMetaData().get(COMMAND),
                (String) message.getMetaData().get(CORRELATION_ID),
                Documents.write(payload)));
    }

    /** Entries are written together when the batch commits. */
    private List<AuditStore.AuditEntry> batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            List<AuditStore.AuditEntry> entries = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> {
                store.insertIfAbsent(generations.writing(AuditStore.PROJECTION), entries);
                entries.stream().mapToLong(AuditStore.AuditEntry::globalIndex).max()
                        .ifPresent(last -> generations.committed(AuditStore.PROJECTION, last));
            });
            return entries;
        });
    }

    /** The person acting, when not the allottee: the heir inheriting or exercising, the deceased heir. */
    private static String personOf(Object payload) {
        if (payload instanceof RightsInherited e) {
            return e.heirId().value();
        }
        if (payload instanceof RightsExercised e) {
            return e.exercisedBy().value();
        }
        if (payload instanceof HolderDied e) {
            return e.deceasedId().value();
        }
        return null;
    }
}
