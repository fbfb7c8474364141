package io.sartracker.query.store;

import io.sartracker.kernel.event.HoldingEvent;
import io.sartracker.kernel.event.SeriesEvent;
import io.sartracker.kernel.event.SeriesIssued;
import io.sartracker.query.register.SeriesProjector;
import io.sartracker.query.register.SeriesRegister;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Keeps the stored registers: each event is folded into its series' document by the same
 * {@link SeriesProjector} the as-of views use. Idempotent: an event at or before the document's
 * last global index is skipped, and a series' first event starts its document afresh, which is
 * also how a rebuild starts each series over.
 */
@ProcessingGroup(RegisterStore.PROJECTION)
public class RegisterProjection {
    private final RegisterStore store;
    private final ProjectionGenerations generations;

    public RegisterProjection(RegisterStore store, ProjectionGenerations generations) {
        this.store = store;
        this.generations = generations;
    }

    @EventHandler
    void on(SeriesEvent event, TrackingToken token) {
        long index = token.position().orElseThrow();
        int generation = generations.writing(RegisterStore.PROJECTION);
        SeriesRegister register = event instanceof SeriesIssued ? SeriesProjector.empty()
                : store.load(generation, event.seriesId().value()).orElseThrow(() -> new IllegalStateException(
                "no register for series " + event.seriesId() + " before event at index " + index));
        if (register.lastGlobalIndex() >= index && !(event instanceof SeriesIssued)) {
            return;
        }
        SeriesProjector.apply(register, event);
        SeriesProjector.markFolded(register, index);
        store.save(generation, register, event instanceof HoldingEvent holdingEvent
                ? register.holding(holdingEvent.holderId().value()) : null);
    }
}
