package io.sartracker.kernel.event.person;

import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;

import java.time.LocalDate;

/**
 * An event of one person's history at one issuer (RULES.md 13): office is held at the issuer, so
 * allotments, role changes, the departure and the death of a person form one history, whatever
 * series still hold rights. Not a {@code SeriesEvent}: it belongs to no series.
 */
public interface PersonEvent {
    IssuerId issuerId();

    HolderId personId();

    /** The business date on which the fact happened (the recording date for a reversal). */
    LocalDate effectiveDate();

    /** The identifier of the person's history at the issuer: {@code issuerId/personId} ('/' is in no identifier). */
    static String historyId(IssuerId issuerId, HolderId personId) {
        return issuerId.value() + "/" + personId.value();
    }
}
