package io.sartracker.command.series;

import io.sartracker.kernel.event.FactReversed;
import io.sartracker.kernel.event.HolderLeftOffice;
import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.HoldingStatus;
import io.sartracker.kernel.model.ReversibleFact;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The holding's own bookkeeping, below the rules: a reversal keeps what is not a reversible fact. */
class HoldingTest {
    private static final SeriesId S = SeriesId.of("S");
    private static final HolderId D01 = HolderId.of("D01");
    private static final LocalDate ALLOTMENT = LocalDate.of(2015, 7, 13);

    @Test
    void aReversalKeepsAnAllotmentMadeAfterTheReversedFact() {
        Holding holding = new Holding(new RightsAllotted(S, D01, Role.DIRECTOR, Rights.of(10), ALLOTMENT));
        LocalDate departure = LocalDate.of(2020, 6, 25);
        holding.on(new HolderLeftOffice(S, D01, departure, DepartureReason.RETIREMENT,
                new ExerciseWindow(departure.plusDays(1), departure.plusDays(10)), departure.plusDays(11)));
        holding.allotMore(new RightsAllotted(S, D01, Role.DIRECTOR, Rights.of(5), ALLOTMENT));

        holding.on(new FactReversed(S, D01, ReversibleFact.DEPARTURE, departure, "recorded in error",
                LocalDate.of(2020, 6, 26), Rights.NONE, Rights.NONE));

        assertThat(holding.status()).isEqualTo(HoldingStatus.IN_OFFICE);
        assertThat(holding.allotted()).isEqualTo(Rights.of(15));
        assertThat(holding.held()).isEqualTo(Rights.of(15));
        assertThat(holding.latestFact()).isEmpty();
    }
}
