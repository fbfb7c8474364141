package io.sartracker.service.config;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.reflect.Field;
import java.util.Objects;

/**
 * The aggregates of one type kept in memory between commands (Axon's caching repository), so that a
 * command on a long series does not read its snapshot and the events after it every time.
 * <p>
 * Correct because:
 * <ul>
 *   <li>Axon removes an aggregate from the cache when the unit of work that loaded it rolls back. An
 *   aggregate that unit of work changed ({@link ChangedAggregates}: an event applied, as by an exercise
 *   previewed by {@link DryRun} or by one series of an issuer's fact another series rejects, or a
 *   failed append) goes; one it did not change (a command its rules rejected before it applied
 *   anything) still matches the store and stays, so the next command need not read it again.</li>
 *   <li>Another node may have recorded on the same series since this one cached it: every hit is
 *   checked against the last sequence number in the store (one indexed look-up, in the command's own
 *   transaction, under the aggregate's lock); a cached aggregate that is behind is dropped and read
 *   again. Without the check such a command would fail on the unique sequence number.</li>
 * </ul>
 * Values are soft references too, so the collector may take them back under memory pressure.
 */
public final class AggregateCache implements Cache {
    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;
    private final JdbcTemplate jdbc;
    private final Counter hits;
    private final Counter misses;
    private final Counter behind;
    private final Counter kept;

    public AggregateCache(Class<?> aggregateType, long maximumSize, JdbcTemplate jdbc, MeterRegistry meters) {
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).softValues().build();
        this.jdbc = jdbc;
        String type = aggregateType.getSimpleName();
        this.hits = counter(meters, type, "hit");
        this.misses = counter(meters, type, "miss");
        this.behind = counter(meters, type, "behind");
        this.kept = counter(meters, type, "kept");
    }

    private static Counter counter(MeterRegistry meters, String type, String outcome) {
        return Counter.builder("tracker.aggregate.cache")
                .description("aggregates asked of the cache, by outcome; kept: left cached by a rejected command")
                .tag("type", type).tag("outcome", outcome).register(meters);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object entry = entries.getIfPresent(key);
        if (entry == null) {
            misses.increment();
            return null;
        }
        if (entry instanceof AggregateCacheEntry<?> cached && !current(key, cached)) {
            entries.invalidate(key);
            behind.increment();
            return null;
        }
        hits.increment();
        return (V) entry;
    }

    /** Whether the cached aggregate has seen the last event the store holds for it. */
    private boolean current(Object key, AggregateCacheEntry<?> cached) {
        Long stored = jdbc.queryForObject(
                "select max(sequenceNumber) from DomainEventEntry where aggregateIdentifier = ?", Long.class,
                key.toString());
        return Objects.equals(versionOf(cached), stored);
    }

    /**
     * The entry's version. Axon 4.13 gives no accessor, and recreating the aggregate to ask it needs an
     * aggregate model built with the application's parameter resolvers (a handler taking a {@code Clock}
     * cannot be inspected without them: the packaged service failed to start), so the field is read.
     */
    private static Long versionOf(AggregateCacheEntry<?> cached) {
        try {
            return (Long) ENTRY_VERSION.get(cached);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("AggregateCacheEntry.version cannot be read", e);
        }
    }

    private static final Field ENTRY_VERSION = entryVersion();

    private static Field entryVersion() {
        try {
            Field version = AggregateCacheEntry.class.getDeclaredField("version");
            version.setAccessible(true);
            return version;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Axon's AggregateCacheEntry has no version field any more", e);
        }
    }

    @Override
    public void put(Object key, Object value) {
        // saved in this unit of work: if its commit fails, the entry may be ahead of the store
        ChangedAggregates.changed(key);
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.asMap().putIfAbsent(key, value) == null;
    }

    /**
     * Axon removes an aggregate when a unit of work that loaded it rolls back. One the unit of work did not
     * change (a command rejected before it applied an event) still matches the store and stays.
     */
    @Override
    public boolean remove(Object key) {
        return switch (ChangedAggregates.onRemoval(key)) {
            case REMOVE -> entries.asMap().remove(key) != null;
            case KEEP -> {
                if (entries.getIfPresent(key) != null) {
                    kept.increment();
                }
                yield false;
            }
            case KEPT_ALREADY -> false;
        };
    }

    @Override
    public void removeAll() {
        entries.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.getIfPresent(key) != null;
    }

    /** Axon's repositories register no listener; nothing here needs to tell anyone of an entry. */
    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        throw new UnsupportedOperationException("the aggregate cache has no entry listeners");
    }
}
