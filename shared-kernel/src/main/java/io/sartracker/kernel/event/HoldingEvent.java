package io.sartracker.kernel.event;

import io.sartracker.kernel.model.HolderId;

/** An event about one holding, named by the holder to whom its rights were allotted. */
public sealed interface HoldingEvent extends SeriesEvent permits RightsAllotted, HolderRoleChanged, HolderLeftOffice,
        HolderDied, RightsInherited, RightsExercised, RightsLapsed, RightsAcquired, FactReversed {
    HolderId holderId();
}
