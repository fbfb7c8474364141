package io.sartracker.service.imports;

import org.axonframework.common.caching.Cache;

import java.util.List;
import java.util.function.Supplier;

/**
 * Empties the aggregate caches when an import ends. During the import its lines load and keep series and people
 * in the caches like any command (loading each from the store for every line made an import ten times
 * slower). When the import ends the caches are emptied: a dry run, or a run with a refused line, rolls back
 * the import's one transaction after its lines' units of work committed, so the caches hold states the
 * store never kept; a cached state is checked against the store's last sequence number, but another node
 * could bring the store to the same number with other events.
 */
public final class ImportCacheClearing {
    private final List<Cache> caches;

    public ImportCacheClearing(List<Cache> caches) {
        this.caches = List.copyOf(caches);
    }

    /** Runs the import, then empties the aggregate caches whatever its outcome. */
    public <T> T during(Supplier<T> importRun) {
        try {
            return importRun.get();
        } finally {
            caches.forEach(Cache::removeAll);
        }
    }
}
