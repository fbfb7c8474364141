package io.sartracker.query.store;

import io.sartracker.kernel.event.HolderDied;
import io.sartracker.kernel.event.HoldingEvent;
import io.sartracker.kernel.event.RightsExercised;
import io.sartracker.kernel.event.RightsInherited;
import io.sartracker.kernel.event.SeriesEvent;
import io.sartracker.kernel.event.person.PersonEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes every event into the audit trail, once: a replayed event finds its row already there.
 * Each row is built and checked in the handler, so that an event the trail cannot take fails on its
 * own (and goes to the dead-letter queue) rather than failing its whole batch; a batch's rows are
 * written together when it commits, each with its event's own global index, looked up by its identifier.
 */
@ProcessingGroup(AuditStore.PROJECTION)
public class AuditProjection {
    static final String RECORDED_BY = "recordedBy";
    static final String SIGNED_IN_BY = "signedInBy";
    static final String REQUEST_ID = "requestId";
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
    void on(Object payload, EventMessage<?> message) {
        SeriesEvent event = payload instanceof SeriesEvent seriesEvent ? seriesEvent : null;
        Batch batch = batch();
        batch.entries.add(AuditStore.AuditEntry.checked(
                message.getIdentifier(),
                event == null ? null : event.seriesId().value(),
                payload instanceof HoldingEvent holding ? holding.holderId().value() : null,
                personOf(payload),
                message.getPayloadType().getSimpleName(),
                event != null ? event.effectiveDate()
                        : payload instanceof PersonEvent personEvent ? personEvent.effectiveDate() : null,
                message.getTimestamp(),
                (String) message.getMetaData().get(RECORDED_BY),
                (String) message.getMetaData().get(SIGNED_IN_BY),
                (String) message.getMetaData().get(REQUEST_ID),
                (String) message.getMetaData().get(COMMAND),
                (String) message.getMetaData().get(CORRELATION_ID)));
    }

    /** A batch's rows, written together when it commits (with the segment's token, in one transaction). */
    private static final class Batch {
        final List<AuditStore.AuditEntry> entries = new ArrayList<>();
    }

    private Batch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch();
            unitOfWork.onPrepareCommit(u -> flush(batch));
            return batch;
        });
    }

    private void flush(Batch batch) {
        store.insertIfAbsent(generations.writing(AuditStore.PROJECTION), batch.entries);
    }

    /**
     * The person acting, when not the allottee: the heir inheriting or exercising, the deceased heir;
     * and the person of a fact of their history at the issuer, which belongs to no series.
     */
    static String personOf(Object payload) {
        if (payload instanceof PersonEvent e) {
            return e.personId().value();
        }
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
