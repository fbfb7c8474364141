package io.sartracker.service.imports;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The series and people an import has loaded, kept in memory on the import's thread for the length of the
 * import only. Without it every line loads its series from the event store: the last snapshot deserialized
 * and up to a snapshot interval of events replayed through every holding, most of an import's time.
 *
 * <p>Everywhere else it caches nothing: an HTTP command always loads from the store, so it never sees a
 * state another node or a rolled-back import left behind. Within the import Axon keeps the entries right:
 * it puts an aggregate when the line's unit of work commits and removes it when the line is refused; the
 * whole map is dropped when the import ends, whether its transaction commits or rolls back.
 */
public final class ImportAggregateCache implements Cache {
    private final ThreadLocal<Map<Object, Object>> importing = new ThreadLocal<>();

    /** Runs the import with aggregates kept in memory on this thread, and forgets them afterwards. */
    public <T> T during(Supplier<T> importRun) {
        importing.set(new HashMap<>());
        try {
            return importRun.get();
        } finally {
            importing.remove();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Map<Object, Object> entries = importing.get();
        return entries == null ? null : (V) entries.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        Map<Object, Object> entries = importing.get();
        if (entries != null) {
            entries.put(key, value);
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        Map<Object, Object> entries = importing.get();
        return entries != null && entries.putIfAbsent(key, value) == null;
    }

    @Override
    public boolean remove(Object key) {
        Map<Object, Object> entries = importing.get();
        return entries != null && entries.remove(key) != null;
    }

    @Override
    public boolean containsKey(Object key) {
        Map<Object, Object> entries = importing.get();
        return entries != null && entries.containsKey(key);
    }

    /** Nothing listens: the entries live and die with one import on one thread. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return () -> true;
    }
}
