package io.sartracker.query.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.sartracker.kernel.event.FactReversed;
import io.sartracker.kernel.event.HoldingEvent;
import io.sartracker.kernel.event.SeriesEvent;
import io.sartracker.kernel.event.SeriesIssued;
import io.sartracker.query.history.SeriesHistories;
import io.sartracker.query.history.StoredEvents;
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
import java.util.concurrent.ConcurrentHashMap;

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
 * only while the stored one still has the version it was kept with (another node may have taken the segment
 * and written since), and it is dropped when a batch that changed it rolls back. Only the worker of the
 * series' segment touches it (a series' events stay in one segment).
 * <p>
 * During a rebuild nobody reads the generation being written, so a kept document is stored only once it has
 * folded its series' last event before the rebuild's head, not after every batch: a batch of 1,000 events
 * touches most of a series' 400 holdings, and writing them all again for each batch of a long series was most of
 * the rebuild's time (BENCHMARKS.md, change 36). A document read from the store in a batch is always written
 * with it, so a series whose kept document was pushed out of memory costs one read and one write, as before.
 * A document not yet stored is kept apart from the stored ones and never pushed out of memory: a store whose series
 * interleave has many series in flight at once, and losing their unstored work to a bounded cache made every batch
 * of them fold the series again from the event store (89 interleaved series, 64 kept: the register's rebuild took
 * 151 s; kept apart, 73 s: BENCHMARKS.md, change 47). At most as many documents as are kept wait unstored; a batch
 * whose series find no room stores them, as a batch outside a rebuild does.
 * A stored document can therefore be behind the events its segment's token has passed (the node died, another
 * node took the segment): before an event, the events between the document's
 * version and it are folded from the event store. The switch to the rebuilt generation waits for every
 * segment's token to pass the head, by when every series has folded and stored its last event before it.
 */
@ProcessingGroup(RegisterStore.PROJECTION)
public class RegisterProjection {
    private static final String BATCH = RegisterProjection.class.getName() + ".batch";
    /** The version of a series with no stored document. */
    private static final long NOT_STORED = -1;

    private final RegisterStore store;
    private final ProjectionGenerations generations;
    private final SeriesHistories histories;
    private final StoredEvents events;
    /** Stored documents as the last committed batch left them, by generation and series. */
    private final Cache<FoldedKey, Kept> folded;
    /** During a rebuild: documents folded further than the store holds, by generation and series. */
    private final Map<FoldedKey, Kept> unstored = new ConcurrentHashMap<>();
    private final int keptDocuments;
    /** During a rebuild: each series' last sequence number up to the rebuild's head, by generation and series. */
    private final Map<FoldedKey, Long> lastBeforeHead = new ConcurrentHashMap<>();

    private record FoldedKey(int generation, String seriesId) {
    }

    /** A kept document, the version stored when it was kept, and its holdings changed since that version. */
    private record Kept(SeriesRegister register, long storedVersion, Set<String> unstoredHoldings) {
    }

    /**
     * @param histories     the series' events, to restore a holding's whole life before a reversal and to fold the
     *                      events a stored document is behind by
     * @param events        the event store, for each series' last event before a rebuild's head
     * @param keptDocuments how many series' stored documents to keep between batches, and how many a rebuild
     *                      may keep unstored besides (a 400-holder series' document is 1-2 MB in memory)
     */
    public RegisterProjection(RegisterStore store, ProjectionGenerations generations, SeriesHistories histories,
                              StoredEvents events, int keptDocuments) {
        this.store = store;
        this.generations = generations;
        this.histories = histories;
        this.events = events;
        this.keptDocuments = keptDocuments;
        // evicted on the projection's own thread, at once: a document left out is never used again
        this.folded = Caffeine.newBuilder().maximumSize(keptDocuments).executor(Runnable::run).build();
    }

    /** A series in a batch: its document, the version stored, the holdings whose rows need writing. */
    private static final class InBatch {
        final String seriesId;
        final SeriesRegister register;
        final long storedVersion;
        final Set<String> changedHoldings;
        /** Read from the store in this batch (not kept from the one before), or an event failed on it: written. */
        boolean mustStore;
        /** Written when the batch commits (decided as it does). */
        boolean stored;

        InBatch(String seriesId, SeriesRegister register, long storedVersion, Set<String> changedHoldings,
                boolean mustStore) {
            this.seriesId = seriesId;
            this.register = register;
            this.storedVersion = storedVersion;
            this.changedHoldings = changedHoldings;
            this.mustStore = mustStore;
        }
    }

    /** The registers a batch has changed, with the holdings whose rows need writing. */
    private final class Batch {
        final ProjectionGenerations.Writing writing = generations.writingTo(RegisterStore.PROJECTION);
        final int generation = writing.generation();
        final Map<String, InBatch> series = new LinkedHashMap<>();

        InBatch series(SeriesEvent event) {
            String seriesId = event.seriesId().value();
            if (event instanceof SeriesIssued) {
                series.put(seriesId, new InBatch(seriesId, SeriesProjector.empty(),
                        store.version(generation, seriesId).orElse(NOT_STORED), new LinkedHashSet<>(), false));
            }
            return series.computeIfAbsent(seriesId, id -> kept(id).map(kept -> new InBatch(id, kept.register(),
                    kept.storedVersion(), new LinkedHashSet<>(kept.unstoredHoldings()), false)).orElseGet(() -> {
                        SeriesRegister stored = store.load(generation, id).orElseGet(SeriesProjector::empty);
                        return new InBatch(id, stored, stored.version(), new LinkedHashSet<>(), true);
                    }));
        }

        private Optional<Kept> kept(String seriesId) {
            FoldedKey key = new FoldedKey(generation, seriesId);
            Kept kept = unstored.get(key);
            if (kept == null) {
                kept = folded.getIfPresent(key);
            }
            if (kept == null) {
                return Optional.empty();
            }
            if (store.version(generation, seriesId).orElse(NOT_STORED) != kept.storedVersion()) {
                drop(key);
                return Optional.empty();
            }
            return Optional.of(kept);
        }

        /** Whether a rebuild may leave the series' document unstored after this batch (see the class). */
        private boolean defers(InBatch s, long head) {
            return !s.mustStore && s.register.version() < lastBeforeHead.computeIfAbsent(
                    new FoldedKey(generation, s.seriesId), key -> events.lastSequenceNumber(key.seriesId(), head));
        }

        void flush() {
            Long head = writing.rebuildHeadIndex();
            if (head == null && !(lastBeforeHead.isEmpty() && unstored.isEmpty())) {
                lastBeforeHead.clear();
                unstored.clear();
            }
            int room = keptDocuments - unstored.size();
            for (InBatch s : series.values()) {
                boolean deferred = head != null && defers(s, head)
                        && (unstored.containsKey(new FoldedKey(generation, s.seriesId)) || room-- > 0);
                s.stored = !deferred;
                if (s.stored) {
                    store.save(generation, s.register, s.changedHoldings.stream().map(s.register::holding).toList());
                }
            }
        }

        void keep() {
            series.values().forEach(s -> {
                FoldedKey key = new FoldedKey(generation, s.seriesId);
                if (s.stored) {
                    unstored.remove(key);
                    folded.put(key, new Kept(s.register, s.register.version(), Set.of()));
                } else {
                    folded.invalidate(key);
                    unstored.put(key, new Kept(s.register, s.storedVersion, s.changedHoldings));
                }
            });
        }

        /** The batch's documents were changed in memory and not stored: none may be used again. */
        void forget() {
            series.keySet().forEach(seriesId -> drop(new FoldedKey(generation, seriesId)));
        }
    }

    private void drop(FoldedKey key) {
        unstored.remove(key);
        folded.invalidate(key);
    }

    /** A rebuild starts: new events go to the next generation, which begins empty. */
    @ResetHandler
    void onReset(RebuildRequest request) {
        // documents an earlier rebuild left unstored belong to a generation nobody will finish
        unstored.clear();
        generations.beginRebuild(RegisterStore.PROJECTION, request.startedAt(), request.headIndex(), RegisterStore.TABLES);
    }

    @EventHandler
    void on(SeriesEvent event, @SequenceNumber long sequenceNumber) {
        InBatch series = batch().series(event);
        if (series.register.version() >= sequenceNumber) {
            return;
        }
        try {
            foldMissing(series, sequenceNumber);
            fold(series, event, sequenceNumber);
        } catch (RuntimeException failed) {
            // the event goes to the dead-letter queue; the document is written as it stands, never left in memory only
            series.mustStore = true;
            throw failed;
        }
    }

    private void fold(InBatch series, SeriesEvent event, long sequenceNumber) {
        if (event instanceof FactReversed reversal) {
            restoreWholeLife(series.register, reversal.holderId().value(), sequenceNumber);
        }
        SeriesProjector.apply(series.register, event);
        SeriesProjector.markFolded(series.register, sequenceNumber);
        if (event instanceof HoldingEvent holdingEvent) {
            series.changedHoldings.add(holdingEvent.holderId().value());
        }
    }

    /** The events between the document's version and this one, folded from the event store (see the class). */
    private void foldMissing(InBatch series, long sequenceNumber) {
        if (series.register.version() >= sequenceNumber - 1) {
            return;
        }
        series.mustStore = true;
        for (SeriesHistories.StoredEvent stored : histories.of(series.seriesId)) {
            if (stored.sequenceNumber() > series.register.version() && stored.sequenceNumber() < sequenceNumber) {
                fold(series, stored.recorded().payload(), stored.sequenceNumber());
            }
        }
        if (series.register.version() < sequenceNumber - 1) {
            throw new IllegalStateException("the register of series " + series.seriesId + " has folded its events up"
                    + " to number " + series.register.version() + " and the event store has none between it and "
                    + sequenceNumber);
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
