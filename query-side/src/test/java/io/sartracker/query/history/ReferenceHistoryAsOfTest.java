package io.sartracker.query.history;

import io.sartracker.kernel.model.LapseReason;
import io.sartracker.kernel.model.Role;
import io.sartracker.query.register.ExerciseRecord;
import io.sartracker.query.register.SeriesRegister;
import io.sartracker.query.register.ViewState;
import io.sartracker.query.register.Views;
import io.sartracker.query.register.Views.HoldingView;
import io.sartracker.query.register.Views.OpenWindow;
import io.sartracker.query.register.Views.RegisterView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.sartracker.query.SeriesEvents.concat;
import static io.sartracker.query.SeriesEvents.day;
import static io.sartracker.query.SeriesEvents.exercised;
import static io.sartracker.query.SeriesEvents.holding;
import static io.sartracker.query.SeriesEvents.lapsed;
import static io.sartracker.query.SeriesEvents.leftOffice;
import static io.sartracker.query.SeriesEvents.recorded;
import static io.sartracker.query.SeriesEvents.referenceHistoryBeforeDeparture;
import static io.sartracker.query.SeriesEvents.tokyo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The reference history of RULES.md 12 (series IIJ-SAR-5: 230 rights allotted on 2015-07-13, two
 * 2-for-1 splits, D01 losing office on 2023-06-23 and exercising all 30 rights on 2023-06-30), read
 * "as of" business dates through {@link HistoryWindow}.
 */
class ReferenceHistoryAsOfTest {

    private static final String D01 = "D01";

    /** D01 loses office and exercises all 30 rights on 2023-06-30 at 800 shares per right. */
    private static final List<RecordedEvent> WITH_EXERCISE = concat(referenceHistoryBeforeDeparture(), List.of(
            recorded(leftOffice(D01, "2023-06-23")),
            recorded(exercised(D01, "2023-06-30", 30, 800))));

    /** The lapse of the variant, recorded by the sweep at start-up on 2023-07-05 (the service was down). */
    private static final Instant LAPSE_RECORDED_AT = tokyo("2023-07-05", 10, 0);

    /** D01 loses office and does not exercise: the rights lapse on D+11 = 2023-07-04. */
    private static final List<RecordedEvent> WITH_LAPSE = concat(referenceHistoryBeforeDeparture(), List.of(
            recorded(leftOffice(D01, "2023-06-23")),
            recorded(lapsed(D01, 30, LapseReason.WINDOW_AFTER_LEAVING_OFFICE_CLOSED, "2023-07-04"),
                    LAPSE_RECORDED_AT)));

    private static SeriesRegister asOf(List<RecordedEvent> history, String date) {
        return HistoryWindow.asOf(day(date)).fold(history);
    }

    private static RegisterView register(List<RecordedEvent> history, String date) {
        return Views.register(asOf(history, date), day(date));
    }

    private static HoldingView holder(List<RecordedEvent> history, String holderId, String date) {
        SeriesRegister register = asOf(history, date);
        return Views.holding(register, holding(register, holderId), day(date));
    }

    private static HoldingView holderAsKnownAt(List<RecordedEvent> history, String holderId, String date,
                                               Instant knownAt) {
        SeriesRegister register = new HistoryWindow(day(date), knownAt).fold(history);
        return Views.holding(register, holding(register, holderId), day(date));
    }

    @Test
    void allotmentOf230RightsTo7DirectorsAnd11ExecutiveOfficers() {
        RegisterView view = register(WITH_EXERCISE, "2015-07-13");

        assertThat(view.seriesId()).isEqualTo("IIJ-SAR-5");
        assertThat(view.issuerId()).isEqualTo("IIJ");
        assertThat(view.allotted()).isEqualTo(230);
        assertThat(view.outstanding()).isEqualTo(230);
        assertThat(view.holders()).hasSize(18);
        assertThat(view.holders().stream().filter(h -> h.role() == Role.DIRECTOR))
                .extracting(HoldingView::holderId, HoldingView::rightsAllotted)
                .containsExactly(tuple("D01", 30L), tuple("D02", 25L), tuple("D03", 22L), tuple("D04", 21L),
                        tuple("D05", 20L), tuple("D06", 20L), tuple("D07", 15L));
        assertThat(view.holders().stream().filter(h -> h.role() == Role.DIRECTOR)
                .mapToLong(HoldingView::rightsAllotted).sum()).isEqualTo(153);
        assertThat(view.holders().stream().filter(h -> h.role() == Role.EXECUTIVE_OFFICER))
                .hasSize(11)
                .allSatisfy(h -> assertThat(h.rightsAllotted()).isEqualTo(7));
        assertThat(view.holders()).extracting(HoldingView::state).containsOnly(ViewState.IN_OFFICE);
        assertThat(view.sharesPerRightInForce()).isEqualTo(200);
    }

    @Test
    void nothingIsAllottedTheDayBeforeTheAllotment() {
        RegisterView view = register(WITH_EXERCISE, "2015-07-12");

        assertThat(view.terms().name()).isEqualTo("Internet Initiative Japan Inc. Stock Acquisition Rights (5th series)");
        assertThat(view.allotted()).isZero();
        assertThat(view.holders()).isEmpty();
    }

    @Test
    void allotted230AtEveryDateAfterTheAllotmentAndTheTotalsAddUp() {
        List<String> dates = List.of("2015-07-13", "2015-07-14", "2020-12-31", "2021-01-01", "2021-06-01",
                "2022-09-30", "2022-10-01", "2023-06-23", "2023-06-24", "2023-06-28", "2023-06-30", "2023-07-01",
                "2023-07-03", "2023-07-04", "2023-07-05", "2030-01-01", "2045-07-13", "2045-07-14");
        for (List<RecordedEvent> history : List.of(WITH_EXERCISE, WITH_LAPSE)) {
            for (String date : dates) {
                RegisterView view = register(history, date);
                assertThat(view.allotted()).as("allotted on %s", date).isEqualTo(230);
                assertThat(view.outstanding() + view.exercised() + view.lapsed() + view.acquired())
                        .as("outstanding + exercised + lapsed + acquired on %s", date).isEqualTo(230);
            }
        }
    }

    @Test
    void onTheFirstSplitsRecordDateEachRightStillDelivers200Shares() {
        RegisterView view = register(WITH_EXERCISE, "2020-12-31");
        assertThat(view.sharesPerRightInForce()).isEqualTo(200);
        // both splits are known now: they show, scheduled, from the day they apply (RULES.md 13)
        assertThat(view.sharesPerRightHistory()).extracting(s -> s.appliesFrom(), s -> s.sharesPerRight(),
                        s -> s.scheduled())
                .containsExactly(tuple(day("2015-07-13"), 200L, false), tuple(day("2021-01-01"), 400L, true),
                        tuple(day("2022-10-01"), 800L, true));

        HoldingView d01 = holder(WITH_EXERCISE, D01, "2020-12-31");
        assertThat(d01.state()).isEqualTo(ViewState.IN_OFFICE);
        assertThat(d01.rightsHeld()).isEqualTo(30);
        assertThat(d01.sharesPerRight()).isEqualTo(200);
        assertThat(d01.sharesDeliverable()).isEqualTo(6_000);
    }

    @Test
    void betweenTheSplitsEachRightDelivers400Shares() {
        RegisterView view = register(WITH_EXERCISE, "2021-06-01");
        assertThat(view.sharesPerRightInForce()).isEqualTo(400);
        assertThat(view.sharesPerRightHistory()).filteredOn(s -> !s.scheduled())
                .extracting(s -> s.appliesFrom(), s -> s.sharesPerRight())
                .containsExactly(tuple(day("2015-07-13"), 200L), tuple(day("2021-01-01"), 400L));
        assertThat(view.sharesPerRightHistory()).filteredOn(s -> s.scheduled())
                .extracting(s -> s.appliesFrom()).containsExactly(day("2022-10-01"));

        HoldingView d01 = holder(WITH_EXERCISE, D01, "2021-06-01");
        assertThat(d01.state()).isEqualTo(ViewState.IN_OFFICE);
        assertThat(d01.sharesDeliverable()).isEqualTo(12_000);
        assertThat(register(WITH_EXERCISE, "2022-09-30").sharesPerRightInForce()).isEqualTo(400);
    }

    @Test
    void afterTheSecondSplitEachRightDelivers800Shares() {
        RegisterView view = register(WITH_EXERCISE, "2022-10-01");
        assertThat(view.sharesPerRightInForce()).isEqualTo(800);
        assertThat(view.sharesPerRightHistory()).extracting(s -> s.appliesFrom(), s -> s.sharesPerRight())
                .containsExactly(tuple(day("2015-07-13"), 200L), tuple(day("2021-01-01"), 400L),
                        tuple(day("2022-10-01"), 800L));
        assertThat(view.outstanding()).isEqualTo(230);
        assertThat(view.exercised()).isZero();

        HoldingView d01 = holder(WITH_EXERCISE, D01, "2022-10-01");
        assertThat(d01.state()).isEqualTo(ViewState.IN_OFFICE);
        assertThat(d01.sharesDeliverable()).isEqualTo(24_000);
    }

    @Test
    void onTheDayOfLosingOfficeTheWindowOpensTomorrow() {
        HoldingView d01 = holder(WITH_EXERCISE, D01, "2023-06-23");

        assertThat(d01.state()).isEqualTo(ViewState.WINDOW_OPEN);
        assertThat(d01.windowFirstDay()).isEqualTo(day("2023-06-24"));
        assertThat(d01.windowLastDay()).isEqualTo(day("2023-07-03"));
        assertThat(d01.lapseDate()).isEqualTo(day("2023-07-04"));
        assertThat(holder(WITH_EXERCISE, D01, "2023-06-22").state()).isEqualTo(ViewState.IN_OFFICE);
    }

    @Test
    void duringTheTenDayWindowNothingIsExercisedYet() {
        HoldingView d01 = holder(WITH_EXERCISE, D01, "2023-06-28");

        assertThat(d01.state()).isEqualTo(ViewState.WINDOW_OPEN);
        assertThat(d01.windowFirstDay()).isEqualTo(day("2023-06-24"));
        assertThat(d01.windowLastDay()).isEqualTo(day("2023-07-03"));
        assertThat(d01.rightsHeld()).isEqualTo(30);
        assertThat(d01.sharesPerRight()).isEqualTo(800);
        assertThat(d01.sharesDeliverable()).isEqualTo(24_000);
        assertThat(d01.rightsExercised()).isZero();
        assertThat(d01.exercises()).isEmpty();

        RegisterView view = register(WITH_EXERCISE, "2023-06-28");
        assertThat(view.exercised()).isZero();
        assertThat(view.outstanding()).isEqualTo(230);
        assertThat(view.sharesDelivered()).isZero();
        assertThat(view.amountPaidIn()).isZero();
        assertThat(view.holders()).filteredOn(h -> !h.holderId().equals(D01))
                .extracting(HoldingView::state).containsOnly(ViewState.IN_OFFICE);

        assertThat(Views.openWindows(asOf(WITH_EXERCISE, "2023-06-28"), day("2023-06-28")))
                .extracting(OpenWindow::holderId, OpenWindow::firstDay, OpenWindow::lastDay, OpenWindow::daysLeft,
                        OpenWindow::rightsHeld, OpenWindow::sharesDeliverable)
                .containsExactly(tuple(D01, day("2023-06-24"), day("2023-07-03"), 5L, 30L, 24_000L));

        assertThat(holder(WITH_EXERCISE, D01, "2023-06-29").rightsExercised()).isZero();
    }

    @Test
    void afterTheExerciseTheHoldingIsFullyExercisedAnd24000SharesAreDelivered() {
        HoldingView d01 = holder(WITH_EXERCISE, D01, "2023-07-01");

        assertThat(d01.state()).isEqualTo(ViewState.FULLY_EXERCISED);
        assertThat(d01.rightsExercised()).isEqualTo(30);
        assertThat(d01.rightsHeld()).isZero();
        assertThat(d01.sharesDeliverable()).isZero();
        assertThat(d01.exercises()).containsExactly(
                new ExerciseRecord(day("2023-06-30"), D01, 30, 800, 24_000, 24_000, 0, 12_000, 12_000));

        RegisterView view = register(WITH_EXERCISE, "2023-07-01");
        assertThat(view.exercised()).isEqualTo(30);
        assertThat(view.outstanding()).isEqualTo(200);
        assertThat(view.lapsed()).isZero();
        assertThat(view.sharesDelivered()).isEqualTo(24_000);
        assertThat(view.amountPaidIn()).isEqualTo(24_000);
        assertThat(view.capitalStockAdded()).isEqualTo(12_000);
        assertThat(view.capitalReserveAdded()).isEqualTo(12_000);
        assertThat(view.allotmentAmountPerRight()).isZero();
        assertThat(Views.openWindows(asOf(WITH_EXERCISE, "2023-07-01"), day("2023-07-01"))).isEmpty();

        assertThat(holder(WITH_EXERCISE, D01, "2023-06-30").state()).isEqualTo(ViewState.FULLY_EXERCISED);
    }

    @Test
    void withoutAnExerciseTheHoldingIsLapseDueUntilTheLapseIsRecordedThenLapsed() {
        assertThat(holder(WITH_LAPSE, D01, "2023-07-03").state()).isEqualTo(ViewState.WINDOW_OPEN);

        HoldingView beforeRecorded = holderAsKnownAt(WITH_LAPSE, D01, "2023-07-05",
                LAPSE_RECORDED_AT.minusSeconds(3600));
        assertThat(beforeRecorded.state()).isEqualTo(ViewState.LAPSE_DUE);
        assertThat(beforeRecorded.rightsHeld()).isEqualTo(30);
        assertThat(beforeRecorded.rightsLapsed()).isZero();
        assertThat(beforeRecorded.lapseDate()).isEqualTo(day("2023-07-04"));
        assertThat(beforeRecorded.windowFirstDay()).isNull();

        HoldingView afterRecorded = holderAsKnownAt(WITH_LAPSE, D01, "2023-07-05",
                LAPSE_RECORDED_AT.plusSeconds(60));
        assertThat(afterRecorded.state()).isEqualTo(ViewState.LAPSED);
        assertThat(afterRecorded.rightsHeld()).isZero();
        assertThat(afterRecorded.rightsLapsed()).isEqualTo(30);
        SeriesRegister register = new HistoryWindow(day("2023-07-05"), LAPSE_RECORDED_AT.plusSeconds(60))
                .fold(WITH_LAPSE);
        assertThat(holding(register, D01).lapseReason()).isEqualTo(LapseReason.WINDOW_AFTER_LEAVING_OFFICE_CLOSED);
        assertThat(holding(register, D01).lapsedOn()).isEqualTo(day("2023-07-04"));

        RegisterView view = register(WITH_LAPSE, "2023-07-05");
        assertThat(view.lapsed()).isEqualTo(30);
        assertThat(view.outstanding()).isEqualTo(200);
        assertThat(view.exercised()).isZero();
        assertThat(view.sharesDelivered()).isZero();
    }

    @Test
    void withCurrentKnowledgeTheLapseShowsFromItsOwnDate() {
        assertThat(holder(WITH_LAPSE, D01, "2023-07-04").state()).isEqualTo(ViewState.LAPSED);
        assertThat(holder(WITH_LAPSE, D01, "2023-07-03").state()).isEqualTo(ViewState.WINDOW_OPEN);
    }

    @Test
    void historyRecordedLaterInOneGoGivesTheSameAsOfViews() {
        Instant loadedAt = tokyo("2024-01-15", 9, 0);
        List<RecordedEvent> loadedLater = new ArrayList<>();
        WITH_EXERCISE.forEach(e -> loadedLater.add(recorded(e.payload(), loadedAt)));

        for (String date : List.of("2015-07-13", "2020-12-31", "2021-06-01", "2022-10-01", "2023-06-28",
                "2023-07-01")) {
            assertThat(asOf(loadedLater, date)).as("as of %s", date).isEqualTo(asOf(WITH_EXERCISE, date));
            assertThat(register(loadedLater, date)).isEqualTo(register(WITH_EXERCISE, date));
        }
        // before the load nothing was known
        assertThat(HistoryWindow.knownAt(loadedAt.minusSeconds(1)).fold(loadedLater).holdings()).isEmpty();
        assertThat(HistoryWindow.knownAt(loadedAt).fold(loadedLater))
                .isEqualTo(HistoryWindow.knownAt(Instant.now()).fold(WITH_EXERCISE));
    }

    @Test
    void otherHoldersStayInOfficeThroughout() {
        for (String date : Stream.of("2016-01-01", "2023-06-28", "2023-07-01", "2045-07-13").toList()) {
            RegisterView view = register(WITH_EXERCISE, date);
            assertThat(view.holders()).filteredOn(h -> !h.holderId().equals(D01))
                    .extracting(HoldingView::state).containsOnly(ViewState.IN_OFFICE);
        }
        HoldingView e11 = holder(WITH_EXERCISE, "E11", "2023-07-01");
        assertThat(e11.rightsHeld()).isEqualTo(7);
        assertThat(e11.sharesDeliverable()).isEqualTo(5_600);
    }
}
