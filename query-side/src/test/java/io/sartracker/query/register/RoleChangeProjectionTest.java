package io.sartracker.query.register;

import io.sartracker.kernel.event.HolderRoleChanged;
import io.sartracker.kernel.model.HoldingStatus;
import io.sartracker.kernel.model.ReversibleFact;
import io.sartracker.kernel.model.Role;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.sartracker.query.SeriesEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

/** A role change shows in the views and survives the reversal of an earlier fact, as in the aggregate. */
class RoleChangeProjectionTest {

    @Test
    void anOfficerMadeADirectorIsShownAsADirectorStillInOffice() {
        SeriesRegister register = SeriesProjector.fold(List.of(issued(), officer("E01", 7),
                new HolderRoleChanged(S, id("E01"), Role.EXECUTIVE_OFFICER, Role.DIRECTOR, day("2019-06-20"))));
        Views.HoldingView view = Views.holding(register, register.holding("E01"), day("2019-06-21"));
        assertThat(view.role()).isEqualTo(Role.DIRECTOR);
        assertThat(view.state()).isEqualTo(ViewState.IN_OFFICE);
    }

    @Test
    void theRoleSurvivesTheReversalOfADepartureRecordedBeforeIt() {
        SeriesRegister register = SeriesProjector.fold(List.of(issued(), officer("E01", 7),
                leftOffice("E01", "2019-06-10"),
                reversed("E01", ReversibleFact.DEPARTURE, "2019-06-10", "2019-06-11", 0, 0),
                new HolderRoleChanged(S, id("E01"), Role.EXECUTIVE_OFFICER, Role.DIRECTOR, day("2019-06-20")),
                leftOffice("E01", "2020-06-25"),
                reversed("E01", ReversibleFact.DEPARTURE, "2020-06-25", "2020-06-26", 0, 0)));
        assertThat(register.holding("E01").role()).isEqualTo(Role.DIRECTOR);
        assertThat(register.holding("E01").status()).isEqualTo(HoldingStatus.IN_OFFICE);
    }
}
