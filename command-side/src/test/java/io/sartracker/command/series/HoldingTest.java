package io.sartracker.command.series;

import io.sartracker.kernel.event.FactReversed;
import io.sartracker.kernel.event.HolderDied;
import io.sartracker.kernel.event.HolderLeftOffice;
import io.sartracker.kernel.event.HolderRoleChanged;
import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.lifecycle.HoldingLife;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.HoldingStatus;
import io.sartracker.kernel.model.ReversibleFact;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
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
        holding.evolve(new HolderLeftOffice(S, D01, departure, DepartureReason.RETIREMENT,
                new ExerciseWindow(departure.plusDays(1), departure.plusDays(10)), departure.plusDays(11)));
        holding.allotMore(new RightsAllotted(S, D01, Role.DIRECTOR, Rights.of(5), ALLOTMENT));

        holding.evolve(new FactReversed(S, D01, ReversibleFact.DEPARTURE, departure, "recorded in error",
                LocalDate.of(2020, 6, 26), Rights.NONE, Rights.NONE));

        assertThat(holding.status()).isEqualTo(HoldingStatus.IN_OFFICE);
        assertThat(holding.allotted()).isEqualTo(Rights.of(15));
        assertThat(holding.held()).isEqualTo(Rights.of(15));
        assertThat(holding.latestFact()).isEmpty();
    }

    @Test
    void aRoleChangeAfterTheKeptFactIsReversedStillLeavesTheOlderFactsToRestore() throws Exception {
        Holding holding = new Holding(new RightsAllotted(S, D01, Role.DIRECTOR, Rights.of(10), ALLOTMENT));
        LocalDate departure = LocalDate.of(2020, 6, 25);
        holding.evolve(new HolderLeftOffice(S, D01, departure, DepartureReason.RETIREMENT,
                new ExerciseWindow(departure.plusDays(1), departure.plusDays(10)), departure.plusDays(11)));
        LocalDate death = LocalDate.of(2020, 6, 28);
        holding.evolve(new HolderDied(S, D01, D01, death, HolderDied.Outcome.AWAITING_HEIR, Rights.of(10)));
        Holding read = throughSnapshot(holding);
        assertThat(read.lacksEarlierStates()).as("the snapshot kept the death, not the departure").isTrue();

        read.evolve(new FactReversed(S, D01, ReversibleFact.DEATH, death, "recorded in error", LocalDate.of(2020, 6, 29),
                Rights.NONE, Rights.NONE));
        read.evolve(new HolderRoleChanged(S, D01, Role.DIRECTOR, Role.EXECUTIVE_OFFICER, LocalDate.of(2020, 6, 29)));

        assertThat(read.lacksEarlierStates()).as("the departure can still be reversed, once restored").isTrue();
    }

    /** The holding as a snapshot gives it back: what the serializer does through its JSON accessors. */
    private static Holding throughSnapshot(Holding holding) throws ReflectiveOperationException {
        Constructor<Holding> forSnapshots = Holding.class.getDeclaredConstructor();
        forSnapshots.setAccessible(true);
        Holding read = forSnapshots.newInstance();
        Field holderId = Holding.class.getDeclaredField("holderId");
        holderId.setAccessible(true);
        holderId.set(read, holderId.get(holding));
        copy(holding, read, "lifeForSnapshot", "lifeFromSnapshot", HoldingLife.class);
        copy(holding, read, "earlierLeftOutOfSnapshot", "earlierLeftOutFromSnapshot", int.class);
        return read;
    }

    private static void copy(Holding from, Holding to, String getter, String setter, Class<?> type)
            throws ReflectiveOperationException {
        Method get = Holding.class.getDeclaredMethod(getter);
        Method set = Holding.class.getDeclaredMethod(setter, type);
        get.setAccessible(true);
        set.setAccessible(true);
        set.invoke(to, get.invoke(from));
    }
}
