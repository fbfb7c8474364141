package io.sartracker.command.directory;

import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.SeriesId;

import java.util.List;

/**
 * Which series exist and whose rights they are. Office and share splits belong to the issuer,
 * not to a series, so the commands that concern them are fanned out through this directory.
 */
public interface SeriesDirectory {
    List<SeriesId> seriesOf(IssuerId issuerId);

    /** The series of the issuer in which the person was allotted or inherited rights. */
    List<SeriesId> seriesOf(IssuerId issuerId, HolderId personId);

    List<SeriesId> allSeries();
}
