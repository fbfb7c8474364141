package io.sartracker.command.series;

import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.ReversibleFact;
import io.sartracker.kernel.model.Rights;

import java.time.LocalDate;

/**
 * A fact recorded on a holding, with the holding's state before it, so that the latest one can be
 * reversed. {@code reversible} is null for facts that cannot be reversed (a lapse, an acquisition):
 * they block the reversal of anything before them. {@code person} is whom the fact is about: the
 * holder who left office, the one who died, the heir who inherited, the one who exercised.
 */
record RecordedFact(ReversibleFact reversible, HolderId person, String description, LocalDate date,
                    HoldingState before, Rights exercised, Rights lapsedWithIt) {

    RecordedFact withBefore(HoldingState earlier) {
        return new RecordedFact(reversible, person, description, date, earlier, exercised, lapsedWithIt);
    }

    boolean is(ReversibleFact kind, HolderId about) {
        return reversible == kind && about.equals(person);
    }
}
