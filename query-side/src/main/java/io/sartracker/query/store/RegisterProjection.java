package io.sartracker.query.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.sartracker.kernel.event.FactReversed;
import io.sartracker.kernel.event.HoldingEvent;
import io.sartracker.kernel.event.SeriesEvent;
import io.sartracker.kernel.event.SeriesIssued;
import io.sartracker.query.history.SeriesHistories;
import io.sartracker.query.register.HoldingRecord;
import io.sartracker.query.register.SeriesProjector;
import io.sartracker.query.register.SeriesRegister;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the stored registers: each event is folded into its series' document by the same
 * {@link SeriesProjector} the as-of views use. Idempotent: an event at or before the document's
 * version (the aggregate sequence number of the last event folded, the event's own place in its
 * series; never a tracking token's position) is skipped, and a series' first event starts its document afresh, which is
 * also how a rebuild starts each series over. Within a batch each document is read once and
 * written once, when the batch commits.
 * <p>
 * The documents a batch committed are kept, folded, for the next batch: reading and deserializing a
 * 400-holder series' document for every batch was half of a rebuild's time. A kept document is used
 * only while the stored one still has its version (another node may have taken the segment and
 * written since), and it is dropped when a batch that changed it rolls back. Only the worker of the
 * series' segment touches it (a series' events stay in one segment).
 */
@ProcessingGroup(RegisterStore.PROJECTION)
public class RegisterProjection {
    private static final String BATCH = RegisterProjection.class.getName() + ".batch";

    private final RegisterStore store;
    private final ProjectionGenerations generations;
    private final SeriesHistories histories;
    /** Documents as the last committed batch left them, by generation and series. */
    private final Cache<FoldedKey, SeriesRegister> folded;

    private record FoldedKey(int generation, String seriesId) {
    }

    /**
     * @param histories     the series' events, to restore a holding's whole life before a reversal
     * @param keptDocuments how many series' folded documents to keep between batches (a 400-holder series'
     *                      document is a few hundred kilobytes in memory)
     */
    public RegisterProjection(RegisterStore store, ProjectionGenerations generations, SeriesHistories histories,
                              int keptDocuments) {
        this.store = store;
        this.generations = generations;
        this.histories = histories;
        // evicted on the projection's own thread, at once: a document left out is never used again
        this.folded = Caffeine.newBuilder().maximumSize(keptDocuments).executor(Runnable::run).build();
    }

    /** The registers a batch has changed, with the holdings whose rows need writing. */
    private final class Batch {
        final int generation = generations.writing(RegisterStore.PROJECTION);
        final Map<String, SeriesRegister> registers = new LinkedHashMap<>();
        final Map<String, Set<String>> changedHoldings = new LinkedHashMap<>();

        SeriesRegister register(SeriesEvent event, long sequenceNumber) {
            String seriesId = event.seriesId().value();
            if (event instanceof SeriesIssued) {
                registers.put(seriesId, SeriesProjector.empty());
                changedHoldings.put(seriesId, new LinkedHashSet<>());
            }
            return registers.computeIfAbsent(seriesId, id -> {
                changedHoldings.put(id, new LinkedHashSet<>());
                return kept(id).orElseGet(() -> store.load(generation, id).orElseThrow(() -> new IllegalStateException(
                        "no register for series " + id + " before its event number " + sequenceNumber)));
            });
        }

        private Optional<SeriesRegister> kept(String seriesId) {
            FoldedKey key = new FoldedKey(generation, seriesId);
            SeriesRegister register = folded.getIfPresent(key);
            if (register == null) {
                return Optional.empty();
            }
            if (store.version(generation, seriesId).filter(stored -> stored == register.version()).isEmpty()) {
                folded.invalidate(key);
                return Optional.empty();
            }
            return Optional.of(register);
        }

        void flush() {
            registers.forEach((seriesId, register) -> store.save(generation, register,
                    changedHoldings.get(seriesId).stream().map(register::holding).toList()));
        }

        void keep() {
            registers.forEach((seriesId, register) -> folded.put(new FoldedKey(generation, seriesId), register));
        }

        /** The batch's documents were changed in memory and not stored: none may be used again. */
        void forget() {
            registers.keySet().forEach(seriesId -> folded.invalidate(new FoldedKey(generation, seriesId)));
        }
    }

    /** A rebuild starts: new events go to the next generation, which begins empty. */
    @ResetHandler
    void onReset(RebuildRequest request) {
        generations.beginRebuild(RegisterStore.PROJECTION, request.startedAt(), request.headIndex(), RegisterStore.TABLES);
    }

    @EventHandler
    void on(SeriesEvent event, @SequenceNumber long sequenceNumber) {
        Batch batch = batch();
        SeriesRegister register = batch.register(event, sequenceNumber);
        if (register.version() >= sequenceNumber) {
            return;
        }
        if (event instanceof FactReversed reversal) {
            restoreWholeLife(register, reversal.holderId().value(), sequenceNumber);
        }
        SeriesProjector.apply(register, event);
        SeriesProjector.markFolded(register, sequenceNumber);
        if (event instanceof HoldingEvent holdingEvent) {
            batch.changedHoldings.get(event.seriesId().value()).add(holdingEvent.holderId().value());
        }
    }

    /**
     * A stored document keeps each holding's latest reversible fact only ({@link HoldingRecord}): before a
     * reversal, a holding read from one gets its whole life back, folded from the series' events before the
     * reversal. Rare (a correction), and the same fold the as-of views make.
     */
    private void restoreWholeLife(SeriesRegister register, String holderId, long reversalSequenceNumber) {
        HoldingRecord holding = register.holding(holderId);
        if (holding == null || !holding.lacksEarlierFacts()) {
            return;
        }
        SeriesRegister folded = SeriesProjector.fold(histories.of(register.seriesId()).stream()
                .filter(stored -> stored.sequenceNumber() < reversalSequenceNumber)
                .map(stored -> stored.recorded().payload())
                .toList());
        holding.restoreWholeLife(folded.holding(holderId).life());
    }

    private Batch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch();
            unitOfWork.onPrepareCommit(u -> batch.flush());
            unitOfWork.afterCommit(u -> batch.keep());
            unitOfWork.onRollback(u -> batch.forget());
            return batch;
        });
    }
}
