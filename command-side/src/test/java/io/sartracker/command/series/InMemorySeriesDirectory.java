package io.sartracker.command.series;

import io.sartracker.command.directory.SeriesDirectory;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.SeriesId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The directory for fixture tests: series registered by hand. */
final class InMemorySeriesDirectory implements SeriesDirectory {
    private final Map<SeriesId, IssuerId> series = new LinkedHashMap<>();

    InMemorySeriesDirectory register(SeriesId seriesId, IssuerId issuerId) {
        series.put(seriesId, issuerId);
        return this;
    }

    @Override
    public List<SeriesId> seriesOf(IssuerId issuerId) {
        List<SeriesId> found = new ArrayList<>();
        series.forEach((id, issuer) -> {
            if (issuer.equals(issuerId)) {
                found.add(id);
            }
        });
        return found;
    }

    /** Without a record of who holds what, every series of the issuer may concern the person. */
    @Override
    public List<SeriesId> seriesOf(IssuerId issuerId, HolderId personId) {
        return seriesOf(issuerId);
    }

    @Override
    public List<SeriesId> allSeries() {
        return List.copyOf(series.keySet());
    }
}
