package io.sartracker.kernel.event;

import io.sartracker.kernel.model.HolderId;

/** An event about one holding, named by the holder to whom its rights were allotted. */
public interface HoldingEvent extends SeriesEvent {
    HolderId holderId();
}
