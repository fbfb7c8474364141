package io.sartracker.command.series;

import io.sartracker.kernel.lifecycle.HoldingLife;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.SeriesId;

/**
 * A holding's whole life, folded again from its series' recorded events (the current unit of work's
 * included): what a reversal reads when the snapshot the series was read from kept only the holding's
 * latest reversible facts.
 */
@FunctionalInterface
public interface HoldingReplay {

    /** @return the holding's life from all of its events; null if none names it */
    HoldingLife wholeLife(SeriesId seriesId, HolderId holderId);
}
