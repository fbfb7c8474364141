package io.sartracker.kernel.lifecycle;

import io.sartracker.kernel.event.FactReversed;
import io.sartracker.kernel.event.HolderDied;
import io.sartracker.kernel.event.HolderLeftOffice;
import io.sartracker.kernel.event.HolderRoleChanged;
import io.sartracker.kernel.event.HoldingEvent;
import io.sartracker.kernel.event.RightsAcquired;
import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.event.RightsExercised;
import io.sartracker.kernel.event.RightsInherited;
import io.sartracker.kernel.event.RightsLapsed;
import io.sartracker.kernel.event.SeriesIssued;
import io.sartracker.kernel.lifecycle.Stage.AwaitingHeir;
import io.sartracker.kernel.lifecycle.Stage.Closed;
import io.sartracker.kernel.lifecycle.Stage.DiedLeavingNothing;
import io.sartracker.kernel.lifecycle.Stage.InOffice;
import io.sartracker.kernel.lifecycle.Stage.Inherited;
import io.sartracker.kernel.lifecycle.Stage.LeftOffice;
import io.sartracker.kernel.model.AcquisitionCause;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.HoldingStatus;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.LapseReason;
import io.sartracker.kernel.model.ReversibleFact;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.model.Terms;
import io.sartracker.kernel.model.Yen;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pure lifecycle of one holding (RULES.md 3-5, 9), reversals included. */
class HoldingLifecycleTest {
    private static final SeriesId SERIES = SeriesId.of("IIJ-5");
    private static final HolderId HOLDER = HolderId.of("H1");
    private static final HolderId HEIR = HolderId.of("HEIR");
    private static final LocalDate ALLOTTED_ON = LocalDate.of(2015, 7, 13);
    private static final LocalDate LEFT_ON = LocalDate.of(2020, 6, 25);
    private static final ExerciseWindow TEN_DAYS = new ExerciseWindow(LocalDate.of(2020, 6, 26),
            LocalDate.of(2020, 7, 5));
    private static final LocalDate DIED_ON = LocalDate.of(2020, 6, 30);
    private static final LocalDate INHERITED_ON = LocalDate.of(2021, 8, 31);
    private static final ExerciseWindow SIX_MONTHS = new ExerciseWindow(INHERITED_ON, LocalDate.of(2022, 2, 28));

    private static RightsAllotted allot(long rights) {
        return new RightsAllotted(SERIES, HOLDER, Role.DIRECTOR, Rights.of(rights), ALLOTTED_ON);
    }

    private static HolderLeftOffice leave() {
        return new HolderLeftOffice(SERIES, HOLDER, LEFT_ON, DepartureReason.RETIREMENT, TEN_DAYS,
                TEN_DAYS.dayAfter());
    }

    private static HolderDied dies(LocalDate on, HolderDied.Outcome outcome) {
        return new HolderDied(SERIES, HOLDER, HOLDER, on, outcome, Rights.NONE);
    }

    private static HolderDied heirDies(LocalDate on, long rights) {
        return new HolderDied(SERIES, HOLDER, HEIR, on, HolderDied.Outcome.RIGHTS_LAPSE, Rights.of(rights));
    }

    private static RightsInherited inherit(long rights) {
        return new RightsInherited(SERIES, HOLDER, HEIR, INHERITED_ON, Rights.of(rights), SIX_MONTHS,
                SIX_MONTHS.dayAfter());
    }

    private static RightsExercised exercise(HolderId by, LocalDate on, long rights) {
        Yen paid = Yen.of(rights * 100);
        return new RightsExercised(SERIES, HOLDER, by, on, Rights.of(rights), SharesPerRight.of(100), rights * 100,
                Yen.of(1), paid, Yen.ZERO, Yen.ZERO, paid, paid.halfRoundedUp(), paid.minus(paid.halfRoundedUp()),
                false);
    }

    private static RightsLapsed lapse(LapseReason reason, LocalDate on, long rights) {
        return new RightsLapsed(SERIES, HOLDER, Rights.of(rights), reason, on);
    }

    private static FactReversed reversal(ReversibleFact fact, LocalDate factDate) {
        return new FactReversed(SERIES, HOLDER, fact, factDate, "entered in error", LocalDate.of(2023, 1, 10),
                Rights.NONE, Rights.NONE);
    }

    private static HoldingLife fold(HoldingEvent... events) {
        HoldingLife life = null;
        for (HoldingEvent event : events) {
            life = HoldingLifecycle.evolve(life, event);
        }
        return life;
    }

    private static Counts counts(long allotted, long held, long exercised, long lapsed, long acquired) {
        return new Counts(Rights.of(allotted), Rights.of(held), Rights.of(exercised), Rights.of(lapsed),
                Rights.of(acquired));
    }

    @Test
    void anAllotmentOpensAHoldingInOffice() {
        HoldingLife life = fold(allot(5));

        assertThat(life.stage()).isEqualTo(new InOffice());
        assertThat(life.stage().status()).isEqualTo(HoldingStatus.IN_OFFICE);
        assertThat(life.counts()).isEqualTo(counts(5, 5, 0, 0, 0));
        assertThat(life.role()).isEqualTo(Role.DIRECTOR);
        assertThat(life.earlier()).isEmpty();
        assertThat(life.stage().window()).isNull();
        assertThat(life.stage().lapseDate()).isNull();
    }

    @Test
    void leavingOfficeOpensTheTenDayWindow() {
        HoldingLife life = fold(allot(5), leave());

        assertThat(life.stage()).isEqualTo(new LeftOffice(LEFT_ON, TEN_DAYS, LocalDate.of(2020, 7, 6)));
        assertThat(life.stage().status()).isEqualTo(HoldingStatus.LEFT_OFFICE);
        assertThat(life.latestReversible()).get().extracting(HoldingLife.Earlier::fact)
                .isEqualTo(ReversibleFact.DEPARTURE);
    }

    @Test
    void exercisingPartKeepsTheStageAndExercisingAllClosesTheHolding() {
        HoldingLife part = fold(allot(5), leave(), exercise(HOLDER, LocalDate.of(2020, 6, 27), 2));
        assertThat(part.stage().status()).isEqualTo(HoldingStatus.LEFT_OFFICE);
        assertThat(part.counts()).isEqualTo(counts(5, 3, 2, 0, 0));

        HoldingLife all = HoldingLifecycle.evolve(part, exercise(HOLDER, LocalDate.of(2020, 6, 28), 3));
        assertThat(all.stage()).isEqualTo(new Closed(Stage.Ending.FULLY_EXERCISED, LocalDate.of(2020, 6, 28),
                null, part.stage()));
        assertThat(all.stage().status()).isEqualTo(HoldingStatus.FULLY_EXERCISED);
        assertThat(all.counts()).isEqualTo(counts(5, 0, 5, 0, 0));
        assertThat(all.stage().window()).isEqualTo(TEN_DAYS);
        assertThat(all.stage().departureDate()).isEqualTo(LEFT_ON);
    }

    @Test
    void aDeathInTheWindowLeavesTheRightsAwaitingAnHeirWithoutAWindow() {
        HoldingLife life = fold(allot(5), leave(), dies(DIED_ON, HolderDied.Outcome.AWAITING_HEIR));

        assertThat(life.stage()).isEqualTo(new AwaitingHeir(new LeftOffice(LEFT_ON, TEN_DAYS, TEN_DAYS.dayAfter()), DIED_ON));
        assertThat(life.stage().window()).isNull();
        assertThat(life.stage().lapseDate()).isNull();
        assertThat(life.stage().departureDate()).isEqualTo(LEFT_ON);
    }

    @Test
    void theDeparturesWindowIsKeptThroughADeathAnInheritanceAndTheEnd() {
        LeftOffice left = new LeftOffice(LEFT_ON, TEN_DAYS, TEN_DAYS.dayAfter());
        HoldingLife awaiting = fold(allot(5), leave(), dies(DIED_ON, HolderDied.Outcome.AWAITING_HEIR));
        HoldingLife inherited = HoldingLifecycle.evolve(awaiting, inherit(5));
        HoldingLife closed = HoldingLifecycle.evolve(inherited, exercise(HEIR, INHERITED_ON, 5));
        HoldingLife diedLate = fold(allot(5), leave(), dies(LocalDate.of(2020, 8, 1),
                HolderDied.Outcome.NOTHING_TO_INHERIT));

        assertThat(fold(allot(5), leave()).stage().departure()).isEqualTo(left);
        assertThat(awaiting.stage().departure()).isEqualTo(left);
        assertThat(inherited.stage().departure()).isEqualTo(left);
        assertThat(inherited.stage().departure().window()).isEqualTo(TEN_DAYS);
        assertThat(inherited.stage().window()).isEqualTo(SIX_MONTHS);
        assertThat(closed.stage().departure()).isEqualTo(left);
        assertThat(diedLate.stage().departure()).isEqualTo(left);
        assertThat(fold(allot(5)).stage().departure()).isNull();
        assertThat(fold(allot(5), dies(DIED_ON, HolderDied.Outcome.AWAITING_HEIR), inherit(5)).stage().departure())
                .isNull();
    }

    @Test
    void theLatestFactDateIsSetByADepartureADeathOrAnInheritanceAndOnlyMovedLaterByTheRest() {
        LocalDate exercisedOn = LocalDate.of(2020, 6, 29);
        HoldingLife allotted = fold(allot(5));
        assertThat(allotted.latestFactDate()).isEqualTo(ALLOTTED_ON);
        assertThat(fold(allot(5), allot(2), new HolderRoleChanged(SERIES, HOLDER, Role.DIRECTOR,
                Role.EXECUTIVE_OFFICER, LEFT_ON)).latestFactDate()).isEqualTo(ALLOTTED_ON);

        HoldingLife exercised = fold(allot(5), leave(), exercise(HOLDER, exercisedOn, 1));
        assertThat(exercised.latestFactDate()).isEqualTo(exercisedOn);
        // a death recorded after an exercise made later than it sets the date, even back to an earlier day
        HoldingLife died = HoldingLifecycle.evolve(exercised, dies(LocalDate.of(2020, 6, 28),
                HolderDied.Outcome.AWAITING_HEIR));
        assertThat(died.latestFactDate()).isEqualTo(LocalDate.of(2020, 6, 28));
        // an exercise made before the death and recorded after it leaves the later date
        HoldingLife earlierExercise = HoldingLifecycle.evolve(died, exercise(HOLDER, LocalDate.of(2020, 6, 27), 1));
        assertThat(earlierExercise.latestFactDate()).isEqualTo(LocalDate.of(2020, 6, 28));
        assertThat(HoldingLifecycle.evolve(earlierExercise, inherit(3)).latestFactDate()).isEqualTo(INHERITED_ON);

        HoldingLife lapsed = HoldingLifecycle.evolve(exercised,
                lapse(LapseReason.WINDOW_AFTER_LEAVING_OFFICE_CLOSED, TEN_DAYS.dayAfter(), 4));
        assertThat(lapsed.latestFactDate()).isEqualTo(TEN_DAYS.dayAfter());
        LocalDate acquiredOn = LocalDate.of(2020, 6, 27);
        HoldingLife acquired = HoldingLifecycle.evolve(exercised, new RightsAcquired(SERIES, HOLDER, Rights.of(4),
                AcquisitionCause.SHARE_EXCHANGE, acquiredOn, acquiredOn));
        assertThat(acquired.latestFactDate()).isEqualTo(exercisedOn);
        assertThat(fold(allot(5), leave()).latestFactDate()).isEqualTo(LEFT_ON);
    }

    @Test
    void theLatestExerciseDateIsTheLatestExerciseOnRecordAndAReversalPutsBackTheDatesBeforeIt() {
        HoldingLife left = fold(allot(5), leave());
        assertThat(left.latestExerciseDate()).isNull();
        HoldingLife first = HoldingLifecycle.evolve(left, exercise(HOLDER, LocalDate.of(2020, 6, 29), 1));
        HoldingLife second = HoldingLifecycle.evolve(first, exercise(HOLDER, LocalDate.of(2020, 6, 27), 1));

        assertThat(first.latestExerciseDate()).isEqualTo(LocalDate.of(2020, 6, 29));
        assertThat(second.latestExerciseDate()).isEqualTo(LocalDate.of(2020, 6, 29));
        assertThat(HoldingLifecycle.evolve(second, dies(DIED_ON, HolderDied.Outcome.AWAITING_HEIR))
                .latestExerciseDate()).isEqualTo(LocalDate.of(2020, 6, 29));

        HoldingLife undone = HoldingLifecycle.evolve(first, reversal(ReversibleFact.EXERCISE,
                LocalDate.of(2020, 6, 29)));
        assertThat(undone.latestExerciseDate()).isNull();
        assertThat(undone.latestFactDate()).isEqualTo(LEFT_ON);
        assertThat(undone).isEqualTo(left);
    }

    @Test
    void aDeathInOfficeAwaitsAnHeirWithNoDepartureDate() {
        HoldingLife life = fold(allot(5), dies(DIED_ON, HolderDied.Outcome.AWAITING_HEIR));

        assertThat(life.stage()).isEqualTo(new AwaitingHeir(null, DIED_ON));
    }

    @Test
    void aDeathAfterTheWindowClosedRecordsTheDeathAndKeepsTheStage() {
        LocalDate late = LocalDate.of(2020, 8, 1);
        HoldingLife life = fold(allot(5), leave(), dies(late, HolderDied.Outcome.NOTHING_TO_INHERIT));

        assertThat(life.stage()).isEqualTo(new DiedLeavingNothing(new LeftOffice(LEFT_ON, TEN_DAYS,
                TEN_DAYS.dayAfter()), late));
        assertThat(life.stage().status()).isEqualTo(HoldingStatus.LEFT_OFFICE);
        assertThat(life.stage().dateOfDeath()).isEqualTo(late);
        assertThat(life.stage().lapseDate()).isEqualTo(TEN_DAYS.dayAfter());
    }

    @Test
    void anHeirInheritsTheWholeHoldingWithTheSixMonthWindow() {
        HoldingLife life = fold(allot(5), leave(), dies(DIED_ON, HolderDied.Outcome.AWAITING_HEIR), inherit(5));

        assertThat(life.stage().status()).isEqualTo(HoldingStatus.INHERITED);
        assertThat(life.stage().heirId()).isEqualTo(HEIR);
        assertThat(life.currentHolder()).isEqualTo(HEIR);
        assertThat(life.stage().inheritanceDate()).isEqualTo(INHERITED_ON);
        assertThat(life.stage().window()).isEqualTo(SIX_MONTHS);
        assertThat(life.stage().lapseDate()).isEqualTo(LocalDate.of(2022, 3, 1));
        assertThat(life.stage().dateOfDeath()).isEqualTo(DIED_ON);
        assertThat(life.stage().departureDate()).isEqualTo(LEFT_ON);
        assertThat(life.hasReversible(ReversibleFact.INHERITANCE, HEIR)).isTrue();
        assertThat(life.hasReversible(ReversibleFact.DEATH, HOLDER)).isTrue();
        assertThat(life.hasReversible(ReversibleFact.DEATH, HEIR)).isFalse();
    }

    @Test
    void theHeirsDeathLapsesTheRightsAndReversingItRestoresThem() {
        LocalDate heirDied = LocalDate.of(2021, 10, 1);
        HoldingLife inherited = fold(allot(5), leave(), dies(DIED_ON, HolderDied.Outcome.AWAITING_HEIR), inherit(5),
                exercise(HEIR, LocalDate.of(2021, 9, 1), 1));
        HoldingLife lapsed = fold(allot(5), leave(), dies(DIED_ON, HolderDied.Outcome.AWAITING_HEIR), inherit(5),
                exercise(HEIR, LocalDate.of(2021, 9, 1), 1), heirDies(heirDied, 4),
                lapse(LapseReason.HEIR_DIED, heirDied, 4));

        assertThat(lapsed.stage().status()).isEqualTo(HoldingStatus.LAPSED);
        assertThat(lapsed.stage().dateOfHeirsDeath()).isEqualTo(heirDied);
        assertThat(lapsed.counts()).isEqualTo(counts(5, 0, 1, 4, 0));
        assertThat(lapsed.latestReversible()).get().extracting(HoldingLife.Earlier::fact)
                .isEqualTo(ReversibleFact.DEATH);

        HoldingLife reversed = HoldingLifecycle.evolve(lapsed, reversal(ReversibleFact.DEATH, heirDied));
        assertThat(reversed).isEqualTo(inherited);
    }

    @Test
    void aReversalReturnsToTheStageBeforeTheReversedFact() {
        HoldingLife inOffice = fold(allot(5));
        HoldingLife left = HoldingLifecycle.evolve(inOffice, leave());
        HoldingLife exercised = HoldingLifecycle.evolve(left, exercise(HOLDER, LocalDate.of(2020, 6, 27), 5));

        HoldingLife backToLeft = HoldingLifecycle.evolve(exercised, reversal(ReversibleFact.EXERCISE,
                LocalDate.of(2020, 6, 27)));
        assertThat(backToLeft).isEqualTo(left);

        HoldingLife backInOffice = HoldingLifecycle.evolve(backToLeft, reversal(ReversibleFact.DEPARTURE, LEFT_ON));
        assertThat(backInOffice).isEqualTo(inOffice);
    }

    @Test
    void reversalsUnwindDeathAndInheritanceOneByOne() {
        HoldingLife awaiting = fold(allot(5), leave(), dies(DIED_ON, HolderDied.Outcome.AWAITING_HEIR));
        HoldingLife inherited = HoldingLifecycle.evolve(awaiting, inherit(5));

        HoldingLife undone = HoldingLifecycle.evolve(inherited, reversal(ReversibleFact.INHERITANCE, INHERITED_ON));
        assertThat(undone).isEqualTo(awaiting);
        HoldingLife alive = HoldingLifecycle.evolve(undone, reversal(ReversibleFact.DEATH, DIED_ON));
        assertThat(alive).isEqualTo(fold(allot(5), leave()));
    }

    @Test
    void aFurtherAllotmentAndARoleChangeSurviveAReversal() {
        HoldingLife life = fold(allot(5), leave(), allot(2),
                new HolderRoleChanged(SERIES, HOLDER, Role.DIRECTOR, Role.EXECUTIVE_OFFICER, LEFT_ON),
                reversal(ReversibleFact.DEPARTURE, LEFT_ON));

        assertThat(life.stage()).isEqualTo(new InOffice());
        assertThat(life.counts()).isEqualTo(counts(7, 7, 0, 0, 0));
        assertThat(life.role()).isEqualTo(Role.EXECUTIVE_OFFICER);
    }

    @Test
    void aLapseClosesTheHoldingAndBlocksEveryReversalBeforeIt() {
        LocalDate lapsedOn = TEN_DAYS.dayAfter();
        HoldingLife life = fold(allot(5), leave(), exercise(HOLDER, LocalDate.of(2020, 6, 27), 2),
                lapse(LapseReason.WINDOW_AFTER_LEAVING_OFFICE_CLOSED, lapsedOn, 3));

        assertThat(life.stage()).isEqualTo(new Closed(Stage.Ending.LAPSED, lapsedOn,
                LapseReason.WINDOW_AFTER_LEAVING_OFFICE_CLOSED, new LeftOffice(LEFT_ON, TEN_DAYS, lapsedOn)));
        assertThat(life.counts()).isEqualTo(counts(5, 0, 2, 3, 0));
        assertThat(life.earlier()).isEmpty();
        assertThatThrownBy(() -> HoldingLifecycle.evolve(life, reversal(ReversibleFact.EXERCISE,
                LocalDate.of(2020, 6, 27)))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAcquisitionTakesEveryRightStillHeld() {
        LocalDate acquiredOn = LocalDate.of(2024, 4, 1);
        HoldingLife life = fold(allot(5), leave(), exercise(HOLDER, LocalDate.of(2020, 6, 27), 1),
                new RightsAcquired(SERIES, HOLDER, Rights.of(4), AcquisitionCause.SHARE_EXCHANGE, acquiredOn,
                        acquiredOn));

        assertThat(life.stage().status()).isEqualTo(HoldingStatus.ACQUIRED);
        assertThat(((Closed) life.stage()).on()).isEqualTo(acquiredOn);
        assertThat(life.counts()).isEqualTo(counts(5, 0, 1, 0, 4));
        assertThat(life.earlier()).isEmpty();
    }

    @Test
    void theCountsAlwaysAddUpToTheAllotment() {
        HoldingLife life = fold(allot(5), allot(3), leave(), exercise(HOLDER, LocalDate.of(2020, 6, 27), 2),
                reversal(ReversibleFact.EXERCISE, LocalDate.of(2020, 6, 27)),
                exercise(HOLDER, LocalDate.of(2020, 6, 28), 1),
                lapse(LapseReason.WINDOW_AFTER_LEAVING_OFFICE_CLOSED, TEN_DAYS.dayAfter(), 7));
        Counts c = life.counts();

        assertThat(c).isEqualTo(counts(8, 0, 1, 7, 0));
        assertThat(c.held().plus(c.exercised()).plus(c.lapsed()).plus(c.acquired())).isEqualTo(c.allotted());
    }

    @Test
    void aSeriesFoldsIntoItsHoldingsAndSkipsOtherEvents() {
        HolderId other = HolderId.of("H2");
        Map<String, HoldingLife> holdings = HoldingLifecycle.fold(List.of(
                new SeriesIssued(SERIES, IssuerId.of("IIJ"), Terms.fifthSeries()),
                allot(5),
                new RightsAllotted(SERIES, other, Role.EXECUTIVE_OFFICER, Rights.of(2), ALLOTTED_ON),
                leave()));

        assertThat(holdings.keySet()).containsExactly("H1", "H2");
        assertThat(holdings.get("H1").stage().status()).isEqualTo(HoldingStatus.LEFT_OFFICE);
        assertThat(holdings.get("H2").stage().status()).isEqualTo(HoldingStatus.IN_OFFICE);
    }

    @Test
    void anEventBeforeTheFirstAllotmentOrAReversalWithNothingToReverseIsAnError() {
        assertThatThrownBy(() -> HoldingLifecycle.evolve(null, leave())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fold(allot(5), reversal(ReversibleFact.DEPARTURE, LEFT_ON)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fold(allot(5), inherit(5))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theLifecycleIsAValueThatEvolvingNeverChanges() {
        HoldingLife before = fold(allot(5), leave());
        HoldingLife copy = fold(allot(5), leave());

        HoldingLifecycle.evolve(before, exercise(HOLDER, LocalDate.of(2020, 6, 27), 5));

        assertThat(before).isEqualTo(copy);
        assertThatThrownBy(() -> before.earlier().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void eachReversalTakesBackItsFactWithTheLapseThatBelongedToIt() {
        LocalDate heirDied = LocalDate.of(2021, 10, 1);
        List<Object> events = List.of(
                new SeriesIssued(SERIES, IssuerId.of("IIJ"), Terms.fifthSeries()),
                allot(5),
                leave(),
                dies(DIED_ON, HolderDied.Outcome.AWAITING_HEIR),
                inherit(5),
                heirDies(heirDied, 5),
                lapse(LapseReason.HEIR_DIED, heirDied, 5),
                reversal(ReversibleFact.DEATH, heirDied),
                exercise(HEIR, LocalDate.of(2021, 9, 1), 2),
                reversal(ReversibleFact.EXERCISE, LocalDate.of(2021, 9, 1)),
                reversal(ReversibleFact.INHERITANCE, INHERITED_ON));

        assertThat(HoldingLifecycle.reversedEvents(events)).containsExactlyInAnyOrder(4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void aLapseKeepsEveryFactBeforeItEvenFromAReversalAndOtherHoldingsStayApart() {
        HolderId other = HolderId.of("H2");
        List<Object> events = List.of(
                allot(5),
                new RightsAllotted(SERIES, other, Role.DIRECTOR, Rights.of(2), ALLOTTED_ON),
                leave(),
                new HolderLeftOffice(SERIES, other, LEFT_ON, DepartureReason.RESIGNATION, TEN_DAYS,
                        TEN_DAYS.dayAfter()),
                exercise(HOLDER, LocalDate.of(2020, 6, 27), 2),
                lapse(LapseReason.WINDOW_AFTER_LEAVING_OFFICE_CLOSED, TEN_DAYS.dayAfter(), 3),
                new FactReversed(SERIES, other, ReversibleFact.DEPARTURE, LEFT_ON, "entered in error",
                        LocalDate.of(2020, 6, 26), Rights.NONE, Rights.NONE),
                reversal(ReversibleFact.EXERCISE, LocalDate.of(2020, 6, 27)));

        assertThat(HoldingLifecycle.reversedEvents(events)).containsExactlyInAnyOrder(3, 6);
    }
}
