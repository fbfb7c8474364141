package io.sartracker.query.history;

import io.sartracker.kernel.model.ReversibleFact;
import io.sartracker.query.register.ExerciseRecord;
import io.sartracker.query.register.SeriesRegister;
import io.sartracker.query.register.ViewState;
import io.sartracker.query.register.Views;
import io.sartracker.query.register.Views.HoldingView;
import io.sartracker.query.register.Views.RegisterView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.sartracker.query.SeriesEvents.TOKYO;
import static io.sartracker.query.SeriesEvents.concat;
import static io.sartracker.query.SeriesEvents.day;
import static io.sartracker.query.SeriesEvents.exercised;
import static io.sartracker.query.SeriesEvents.holding;
import static io.sartracker.query.SeriesEvents.leftOffice;
import static io.sartracker.query.SeriesEvents.recorded;
import static io.sartracker.query.SeriesEvents.referenceHistoryBeforeDeparture;
import static io.sartracker.query.SeriesEvents.reversed;
import static io.sartracker.query.SeriesEvents.tokyo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * "As known at" an instant shows the events recorded by then, corrections included as they were
 * recorded; "as of" a date with current knowledge never shows a reversed fact.
 * <p>
 * The story: D01 loses office on 2023-06-23 (window 2023-06-24..2023-07-03). At t1 an exercise of 20
 * rights dated 2023-06-30 is recorded by mistake; at t2 it is reversed; at t3 the correct exercise of 30
 * rights, also dated 2023-06-30, is recorded. At t4 (2023-07-10) the departure of D02, dated 2023-06-26,
 * is recorded late.
 */
class AsKnownAtTest {

    private static final Instant T1 = tokyo("2023-06-30", 10, 0);
    private static final Instant T2 = tokyo("2023-07-01", 9, 0);
    private static final Instant T3 = tokyo("2023-07-01", 9, 30);
    private static final Instant T4 = tokyo("2023-07-10", 10, 0);

    private static final List<RecordedEvent> HISTORY = concat(referenceHistoryBeforeDeparture(), List.of(
            recorded(leftOffice("D01", "2023-06-23")),
            recorded(exercised("D01", "2023-06-30", 20, 800), T1),
            recorded(reversed("D01", ReversibleFact.EXERCISE, "2023-06-30", "2023-07-01", 20, 0), T2),
            recorded(exercised("D01", "2023-06-30", 30, 800), T3),
            recorded(leftOffice("D02", "2023-06-26"), T4)));

    private static LocalDate dateIn(Instant instant) {
        return instant.atZone(TOKYO).toLocalDate();
    }

    /** The tracker's view of a holding at an instant, on that instant's date in Tokyo. */
    private static HoldingView knownAt(Instant instant, String holderId) {
        SeriesRegister register = HistoryWindow.knownAt(instant).fold(HISTORY);
        return Views.holding(register, holding(register, holderId), dateIn(instant));
    }

    private static RegisterView registerKnownAt(Instant instant) {
        return Views.register(HistoryWindow.knownAt(instant).fold(HISTORY), dateIn(instant));
    }

    private static HoldingView asOf(String date, String holderId) {
        SeriesRegister register = HistoryWindow.asOf(day(date)).fold(HISTORY);
        return Views.holding(register, holding(register, holderId), day(date));
    }

    @Test
    void beforeT1NoExerciseIsKnown() {
        HoldingView d01 = knownAt(T1.minusSeconds(1), "D01");

        assertThat(d01.state()).isEqualTo(ViewState.WINDOW_OPEN);
        assertThat(d01.exercises()).isEmpty();
        assertThat(d01.rightsHeld()).isEqualTo(30);
    }

    @Test
    void atT1TheMistakenExerciseIsShown() {
        HoldingView d01 = knownAt(T1.plusSeconds(1), "D01");

        assertThat(d01.state()).isEqualTo(ViewState.WINDOW_OPEN);
        assertThat(d01.exercises()).containsExactly(
                new ExerciseRecord(day("2023-06-30"), "D01", 20, 800, 16_000, 16_000, 0, 8_000, 8_000));
        assertThat(d01.rightsHeld()).isEqualTo(10);
        assertThat(d01.rightsExercised()).isEqualTo(20);

        RegisterView view = registerKnownAt(T1.plusSeconds(1));
        assertThat(view.exercised()).isEqualTo(20);
        assertThat(view.outstanding()).isEqualTo(210);
        assertThat(view.sharesDelivered()).isEqualTo(16_000);
        assertThat(view.amountPaidIn()).isEqualTo(16_000);
    }

    @Test
    void atT2AfterTheReversalNoExerciseIsShown() {
        HoldingView d01 = knownAt(T2.plusSeconds(1), "D01");

        assertThat(d01.state()).isEqualTo(ViewState.WINDOW_OPEN);
        assertThat(d01.exercises()).isEmpty();
        assertThat(d01.rightsHeld()).isEqualTo(30);
        assertThat(d01.rightsExercised()).isZero();
        assertThat(d01.windowLastDay()).isEqualTo(day("2023-07-03"));

        RegisterView view = registerKnownAt(T2.plusSeconds(1));
        assertThat(view.exercised()).isZero();
        assertThat(view.outstanding()).isEqualTo(230);
        assertThat(view.sharesDelivered()).isZero();
        assertThat(view.capitalStockAdded()).isZero();
        assertThat(view.capitalReserveAdded()).isZero();
    }

    @Test
    void atT3TheCorrectedExerciseIsShown() {
        HoldingView d01 = knownAt(T3.plusSeconds(1), "D01");

        assertThat(d01.state()).isEqualTo(ViewState.FULLY_EXERCISED);
        assertThat(d01.exercises()).containsExactly(
                new ExerciseRecord(day("2023-06-30"), "D01", 30, 800, 24_000, 24_000, 0, 12_000, 12_000));

        RegisterView view = registerKnownAt(T3.plusSeconds(1));
        assertThat(view.exercised()).isEqualTo(30);
        assertThat(view.outstanding()).isEqualTo(200);
        assertThat(view.sharesDelivered()).isEqualTo(24_000);
        assertThat(view.capitalStockAdded()).isEqualTo(12_000);
    }

    @Test
    void asOfAnyDateWithCurrentKnowledgeNeverShowsTheReversedExercise() {
        assertThat(asOf("2023-06-29", "D01").exercises()).isEmpty();
        for (String date : List.of("2023-06-30", "2023-07-01", "2023-07-02", "2023-07-10", "2024-01-01",
                "2045-07-14")) {
            HoldingView d01 = asOf(date, "D01");
            assertThat(d01.exercises()).as("exercises as of %s", date)
                    .extracting(ExerciseRecord::exerciseDate, ExerciseRecord::rights, ExerciseRecord::sharesDelivered)
                    .containsExactly(tuple(day("2023-06-30"), 30L, 24_000L));
            assertThat(d01.rightsExercised()).isEqualTo(30);
            assertThat(d01.state()).isEqualTo(ViewState.FULLY_EXERCISED);
            RegisterView view = Views.register(HistoryWindow.asOf(day(date)).fold(HISTORY), day(date));
            assertThat(view.sharesDelivered()).as("shares delivered as of %s", date).isEqualTo(24_000);
        }
    }

    @Test
    void asOfADateAsKnownAtAnInstantShowsWhatTheTrackerShowedThen() {
        LocalDate exerciseDay = day("2023-06-30");
        assertThat(holdingIn(new HistoryWindow(exerciseDay, T1.plusSeconds(1)), "D01").exercises())
                .extracting(ExerciseRecord::rights).containsExactly(20L);
        assertThat(holdingIn(new HistoryWindow(exerciseDay, T2.plusSeconds(1)), "D01").exercises()).isEmpty();
        assertThat(holdingIn(new HistoryWindow(exerciseDay, T3.plusSeconds(1)), "D01").exercises())
                .extracting(ExerciseRecord::rights).containsExactly(30L);
    }

    @Test
    void aReversalAndTheFactItReversedCancelOut() {
        // folding the reversal (as known at) and leaving both out (as of) give the same register
        Instant afterT3 = T3.plusSeconds(1);
        assertThat(HistoryWindow.knownAt(afterT3).fold(HISTORY))
                .isEqualTo(new HistoryWindow(day("2023-07-01"), afterT3).fold(HISTORY));
    }

    @Test
    void anEventRecordedLaterIsInvisibleAtTheEarlierInstantEvenIfDatedBefore() {
        // D02's departure is dated 2023-06-26 but recorded only at t4
        assertThat(knownAt(T1.plusSeconds(1), "D02").state()).isEqualTo(ViewState.IN_OFFICE);
        assertThat(knownAt(T3.plusSeconds(1), "D02").state()).isEqualTo(ViewState.IN_OFFICE);
        assertThat(holdingIn(new HistoryWindow(day("2023-06-30"), T3.plusSeconds(1)), "D02").state())
                .isEqualTo(ViewState.IN_OFFICE);

        // once recorded: its window 2023-06-27..2023-07-06 has closed by t4, the lapse is not recorded
        HoldingView atT4 = knownAt(T4.plusSeconds(1), "D02");
        assertThat(atT4.state()).isEqualTo(ViewState.LAPSE_DUE);
        assertThat(atT4.lapseDate()).isEqualTo(day("2023-07-07"));
        // and as of 2023-06-30 by what is known now, D02 was in the window then
        HoldingView asOfThen = asOf("2023-06-30", "D02");
        assertThat(asOfThen.state()).isEqualTo(ViewState.WINDOW_OPEN);
        assertThat(asOfThen.windowFirstDay()).isEqualTo(day("2023-06-27"));
        assertThat(asOfThen.windowLastDay()).isEqualTo(day("2023-07-06"));
    }

    private static HoldingView holdingIn(HistoryWindow window, String holderId) {
        SeriesRegister register = window.fold(HISTORY);
        return Views.holding(register, holding(register, holderId), window.asOf());
    }
}
