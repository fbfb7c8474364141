package io.sartracker.command.series;

import io.sartracker.kernel.model.ReversibleFact;
import io.sartracker.kernel.model.Rights;

import java.time.LocalDate;

/**
 * A fact recorded on a holding, with the holding's state before it, so that the latest one can be
 * reversed. {@code reversible} is null for facts that cannot be reversed (a lapse, an acquisition):
 * they block the reversal of anything before them.
 */
record RecordedFact(ReversibleFact reversible, String description, LocalDate date, HoldingState before,
                    Rights exercised, Rights lapsedWithIt) {

    RecordedFact withBefore(HoldingState earlier) {
        return new RecordedFact(reversible, description, date, earlier, exercised, lapsedWithIt);
    }
}
