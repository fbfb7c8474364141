package io.sartracker.kernel.command;

import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Ratio;
import io.sartracker.kernel.model.Require;

import java.time.LocalDate;

/** The issuer consolidated its shares; applies from the day it takes effect (3). */
public record RecordShareConsolidation(IssuerId issuerId, Ratio ratio, LocalDate effectiveDate) {
    public RecordShareConsolidation {
        Require.present(issuerId, "issuerId");
        Require.present(ratio, "ratio");
        Require.date(effectiveDate, "effectiveDate");
    }
}
