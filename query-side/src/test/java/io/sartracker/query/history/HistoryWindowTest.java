package io.sartracker.query.history;

import io.sartracker.kernel.event.SeriesEvent;
import io.sartracker.kernel.model.LapseReason;
import io.sartracker.kernel.model.ReversibleFact;
import io.sartracker.query.register.SeriesRegister;
import io.sartracker.query.register.ViewState;
import io.sartracker.query.register.Views;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.sartracker.query.SeriesEvents.acquired;
import static io.sartracker.query.SeriesEvents.day;
import static io.sartracker.query.SeriesEvents.diedAwaitingHeir;
import static io.sartracker.query.SeriesEvents.director;
import static io.sartracker.query.SeriesEvents.exercised;
import static io.sartracker.query.SeriesEvents.heirDied;
import static io.sartracker.query.SeriesEvents.holding;
import static io.sartracker.query.SeriesEvents.inherited;
import static io.sartracker.query.SeriesEvents.issued;
import static io.sartracker.query.SeriesEvents.lapsed;
import static io.sartracker.query.SeriesEvents.leftOffice;
import static io.sartracker.query.SeriesEvents.officer;
import static io.sartracker.query.SeriesEvents.recorded;
import static io.sartracker.query.SeriesEvents.reversed;
import static io.sartracker.query.SeriesEvents.split;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HistoryWindow#withoutReversedFacts}: each reversal is left out together with the fact it
 * reversed, as the aggregate pairs them (the latest reversible fact of the holding is reversed; a lapse
 * or an acquisition blocks reversing anything before it; the lapse on an heir's death belongs to the
 * death).
 */
class HistoryWindowTest {

    private static final RecordedEvent ISSUED = recorded(issued());
    private static final RecordedEvent D01_ALLOTTED = recorded(director("D01", 30));
    private static final RecordedEvent D02_ALLOTTED = recorded(director("D02", 25));
    private static final RecordedEvent E01_ALLOTTED = recorded(officer("E01", 7));
    private static final RecordedEvent SPLIT_1 = recorded(split("2020-12-31", 200, 400));
    private static final RecordedEvent SPLIT_2 = recorded(split("2022-09-30", 400, 800));

    /** Issue, allotment to D01, D02 and E01, both splits. */
    private static List<RecordedEvent> start(RecordedEvent... more) {
        List<RecordedEvent> history = new ArrayList<>(List.of(ISSUED, D01_ALLOTTED, D02_ALLOTTED, E01_ALLOTTED,
                SPLIT_1, SPLIT_2));
        history.addAll(List.of(more));
        return history;
    }

    private static List<RecordedEvent> kept(List<RecordedEvent> history) {
        return HistoryWindow.withoutReversedFacts(history);
    }

    @Test
    void historyWithoutReversalsIsKeptWhole() {
        List<RecordedEvent> history = start(recorded(leftOffice("D01", "2023-06-23")),
                recorded(exercised("D01", "2023-06-30", 30, 800)));

        assertThat(kept(history)).containsExactlyElementsOf(history);
    }

    @Test
    void reversedExerciseIsRemovedWithItsReversal() {
        RecordedEvent departure = recorded(leftOffice("D01", "2023-06-23"));
        RecordedEvent exercise = recorded(exercised("D01", "2023-06-30", 20, 800));
        RecordedEvent reversal = recorded(reversed("D01", ReversibleFact.EXERCISE, "2023-06-30", "2023-07-01", 20, 0));

        assertThat(kept(start(departure, exercise, reversal))).containsExactlyElementsOf(start(departure));
    }

    @Test
    void ofTwoExercisesOnlyTheLatestIsReversed() {
        RecordedEvent departure = recorded(leftOffice("D01", "2023-06-23"));
        RecordedEvent first = recorded(exercised("D01", "2023-06-26", 10, 800));
        RecordedEvent second = recorded(exercised("D01", "2023-06-30", 5, 800));
        RecordedEvent reversal = recorded(reversed("D01", ReversibleFact.EXERCISE, "2023-06-30", "2023-07-01", 5, 0));

        assertThat(kept(start(departure, first, second, reversal))).containsExactlyElementsOf(start(departure, first));
    }

    @Test
    void twoReversalsTakeOutTheLatestFactsOneAfterTheOther() {
        RecordedEvent departure = recorded(leftOffice("D01", "2023-06-23"));
        RecordedEvent first = recorded(exercised("D01", "2023-06-26", 10, 800));
        RecordedEvent second = recorded(exercised("D01", "2023-06-30", 5, 800));
        RecordedEvent undoSecond = recorded(reversed("D01", ReversibleFact.EXERCISE, "2023-06-30", "2023-07-01", 5, 0));
        RecordedEvent undoFirst = recorded(reversed("D01", ReversibleFact.EXERCISE, "2023-06-26", "2023-07-01", 10, 0));
        RecordedEvent undoDeparture = recorded(reversed("D01", ReversibleFact.DEPARTURE, "2023-06-23", "2023-07-01",
                0, 0));

        assertThat(kept(start(departure, first, second, undoSecond, undoFirst))).containsExactlyElementsOf(
                start(departure));
        assertThat(kept(start(departure, first, second, undoSecond, undoFirst, undoDeparture)))
                .containsExactlyElementsOf(start());
    }

    @Test
    void aCorrectionRecordedAfterTheReversalIsKept() {
        RecordedEvent departure = recorded(leftOffice("D01", "2023-06-23"));
        RecordedEvent wrong = recorded(exercised("D01", "2023-06-30", 20, 800));
        RecordedEvent reversal = recorded(reversed("D01", ReversibleFact.EXERCISE, "2023-06-30", "2023-07-01", 20, 0));
        RecordedEvent right = recorded(exercised("D01", "2023-06-30", 30, 800));

        assertThat(kept(start(departure, wrong, reversal, right))).containsExactlyElementsOf(start(departure, right));
    }

    @Test
    void reversedDepartureIsRemovedAndALaterDepartureKept() {
        RecordedEvent wrongDeparture = recorded(leftOffice("E01", "2022-03-31"));
        RecordedEvent reversal = recorded(reversed("E01", ReversibleFact.DEPARTURE, "2022-03-31", "2022-04-05", 0, 0));
        RecordedEvent departure = recorded(leftOffice("E01", "2023-03-31"));

        List<RecordedEvent> kept = kept(start(wrongDeparture, reversal, departure));
        assertThat(kept).containsExactlyElementsOf(start(departure));

        SeriesRegister asOf = HistoryWindow.asOf(day("2022-06-01")).fold(start(wrongDeparture, reversal, departure));
        assertThat(Views.holding(asOf, holding(asOf, "E01"), day("2022-06-01")).state())
                .isEqualTo(ViewState.IN_OFFICE);
    }

    @Test
    void stacksArePerHolding() {
        RecordedEvent d01Departure = recorded(leftOffice("D01", "2023-06-23"));
        RecordedEvent d02Departure = recorded(leftOffice("D02", "2023-06-23"));
        RecordedEvent d01Exercise = recorded(exercised("D01", "2023-06-26", 30, 800));
        RecordedEvent d02Exercise = recorded(exercised("D02", "2023-06-27", 25, 800));
        RecordedEvent d01Reversal = recorded(reversed("D01", ReversibleFact.EXERCISE, "2023-06-26", "2023-06-28", 30,
                0));

        assertThat(kept(start(d01Departure, d02Departure, d01Exercise, d02Exercise, d01Reversal)))
                .containsExactlyElementsOf(start(d01Departure, d02Departure, d02Exercise));
    }

    @Test
    void heirDeathLapseIsRemovedTogetherWithTheReversedDeath() {
        RecordedEvent death = recorded(diedAwaitingHeir("D02", "2021-03-01", 25));
        RecordedEvent inheritance = recorded(inherited("D02", "H02", "2021-08-31", 25));
        List<SeriesEvent> heirDeath = heirDied("D02", "H02", "2022-01-10", 25);
        RecordedEvent heirDied = recorded(heirDeath.get(0));
        RecordedEvent heirDeathLapse = recorded(heirDeath.get(1));
        RecordedEvent reversal = recorded(reversed("D02", ReversibleFact.DEATH, "2022-01-10", "2022-01-20", 0, 25));

        List<RecordedEvent> history = start(death, inheritance, heirDied, heirDeathLapse, reversal);
        assertThat(kept(history)).containsExactlyElementsOf(start(death, inheritance));

        SeriesRegister asOf = HistoryWindow.asOf(day("2022-02-01")).fold(history);
        assertThat(Views.holding(asOf, holding(asOf, "D02"), day("2022-02-01")).state())
                .isEqualTo(ViewState.HEIR_WINDOW_OPEN);
        assertThat(holding(asOf, "D02").lapsed()).isZero();
    }

    @Test
    void reversedInheritanceIsRemovedAndTheDeathKept() {
        RecordedEvent death = recorded(diedAwaitingHeir("D02", "2021-03-01", 25));
        RecordedEvent inheritance = recorded(inherited("D02", "H02", "2021-08-31", 25));
        RecordedEvent reversal = recorded(reversed("D02", ReversibleFact.INHERITANCE, "2021-08-31", "2021-09-01", 0,
                0));

        assertThat(kept(start(death, inheritance, reversal))).containsExactlyElementsOf(start(death));
    }

    /**
     * A lapse (other than on an heir's death) clears the holding's stack: nothing before it can be
     * reversed. The aggregate rejects such a reversal (LATER_FACT_RECORDED), so this history cannot
     * be recorded; if it were, the orphan reversal would be kept and nothing before the lapse removed.
     */
    @Test
    void aLapseClearsTheStackSoALaterReversalCannotTakeOutAnythingBeforeIt() {
        RecordedEvent departure = recorded(leftOffice("D01", "2023-06-23"));
        RecordedEvent exercise = recorded(exercised("D01", "2023-06-26", 10, 800));
        RecordedEvent lapse = recorded(lapsed("D01", 20, LapseReason.WINDOW_AFTER_LEAVING_OFFICE_CLOSED,
                "2023-07-04"));
        RecordedEvent orphan = recorded(reversed("D01", ReversibleFact.EXERCISE, "2023-06-26", "2023-07-05", 10, 0));

        List<RecordedEvent> history = start(departure, exercise, lapse, orphan);
        assertThat(kept(history)).containsExactlyElementsOf(history);
    }

    /** The same for an acquisition: it blocks the reversal of anything before it. */
    @Test
    void anAcquisitionClearsTheStackToo() {
        RecordedEvent departure = recorded(leftOffice("D01", "2030-03-25"));
        RecordedEvent exercise = recorded(exercised("D01", "2030-03-26", 10, 800));
        RecordedEvent acquisition = recorded(acquired("D01", 20, "2030-02-01", "2030-03-30"));
        RecordedEvent d02Acquisition = recorded(acquired("D02", 25, "2030-02-01", "2030-03-30"));
        RecordedEvent e01Acquisition = recorded(acquired("E01", 7, "2030-02-01", "2030-03-30"));
        RecordedEvent orphan = recorded(reversed("D01", ReversibleFact.EXERCISE, "2030-03-26", "2030-04-01", 10, 0));

        List<RecordedEvent> history = start(departure, exercise, acquisition, d02Acquisition, e01Acquisition, orphan);
        assertThat(kept(history)).containsExactlyElementsOf(history);
    }

    @Test
    void aReversalAfterALapseOfAnotherHoldingIsUnaffected() {
        RecordedEvent d02Departure = recorded(leftOffice("D02", "2023-06-01"));
        RecordedEvent d02Lapse = recorded(lapsed("D02", 25, LapseReason.WINDOW_AFTER_LEAVING_OFFICE_CLOSED,
                "2023-06-12"));
        RecordedEvent d01Departure = recorded(leftOffice("D01", "2023-06-23"));
        RecordedEvent d01Reversal = recorded(reversed("D01", ReversibleFact.DEPARTURE, "2023-06-23", "2023-06-24", 0,
                0));

        assertThat(kept(start(d02Departure, d02Lapse, d01Departure, d01Reversal)))
                .containsExactlyElementsOf(start(d02Departure, d02Lapse));
    }
}
