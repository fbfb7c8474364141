package io.sartracker.query.register;

import io.sartracker.kernel.event.SeriesEvent;
import io.sartracker.kernel.model.AdjustmentCause;
import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.HoldingStatus;
import io.sartracker.kernel.model.LapseReason;
import io.sartracker.kernel.model.Ratio;
import io.sartracker.kernel.model.ReversibleFact;
import io.sartracker.kernel.model.Role;
import io.sartracker.query.register.Views.HoldingView;
import io.sartracker.query.register.Views.OpenWindow;
import io.sartracker.query.register.Views.RegisterView;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.sartracker.query.SeriesEvents.ALLOTMENT;
import static io.sartracker.query.SeriesEvents.IIJ;
import static io.sartracker.query.SeriesEvents.PERIOD;
import static io.sartracker.query.SeriesEvents.S;
import static io.sartracker.query.SeriesEvents.TERMS;
import static io.sartracker.query.SeriesEvents.acquired;
import static io.sartracker.query.SeriesEvents.allotmentAmount;
import static io.sartracker.query.SeriesEvents.day;
import static io.sartracker.query.SeriesEvents.diedAwaitingHeir;
import static io.sartracker.query.SeriesEvents.director;
import static io.sartracker.query.SeriesEvents.exercised;
import static io.sartracker.query.SeriesEvents.heirDied;
import static io.sartracker.query.SeriesEvents.inherited;
import static io.sartracker.query.SeriesEvents.issued;
import static io.sartracker.query.SeriesEvents.lapsed;
import static io.sartracker.query.SeriesEvents.leftOffice;
import static io.sartracker.query.SeriesEvents.officer;
import static io.sartracker.query.SeriesEvents.restructured;
import static io.sartracker.query.SeriesEvents.reversed;
import static io.sartracker.query.SeriesEvents.split;
import static io.sartracker.query.SeriesEvents.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link SeriesProjector} folds plain event lists (shaped as the aggregate records them) into a
 * {@link SeriesRegister}; {@link ViewState} and {@link Views} read it on a chosen date. The projector
 * itself ignores dates: the list given is the history; only the views take a date.
 */
class SeriesProjectorTest {

    private static final SeriesEvent[] ALLOTMENT_OF_112 = {
            issued(),
            director("D01", 30), director("D02", 25), director("D03", 22), director("D04", 21),
            officer("E01", 7), officer("E02", 7)};

    private static final SeriesEvent FIRST_SPLIT = split("2020-12-31", 200, 400);
    private static final SeriesEvent SECOND_SPLIT = split("2022-09-30", 400, 800);
    /** Both splits of RULES.md 12: 800 shares per right from 2022-10-01. */
    private static final List<SeriesEvent> SPLITS = List.of(FIRST_SPLIT, SECOND_SPLIT);

    private static SeriesRegister fold(List<SeriesEvent> events) {
        return SeriesProjector.fold(events);
    }

    /** The allotment of 112 rights followed by these events. */
    private static SeriesRegister afterAllotment(Object... more) {
        List<Object> events = new ArrayList<>(List.of(ALLOTMENT_OF_112));
        for (Object event : more) {
            if (event instanceof List<?> several) {
                events.addAll(several);
            } else {
                events.add(event);
            }
        }
        return SeriesProjector.fold(events);
    }

    private static HoldingRecord holding(SeriesRegister register, String holderId) {
        return io.sartracker.query.SeriesEvents.holding(register, holderId);
    }

    private static HoldingView view(SeriesRegister register, String holderId, String on) {
        return Views.holding(register, holding(register, holderId), day(on));
    }

    private static ViewState state(SeriesRegister register, String holderId, String on) {
        return view(register, holderId, on).state();
    }

    private static void assertTotalsAddUp(RegisterView view) {
        assertThat(view.outstanding() + view.exercised() + view.lapsed() + view.acquired())
                .as("outstanding + exercised + lapsed + acquired = allotted on %s", view.on())
                .isEqualTo(view.allotted());
    }

    // ---- projection rules

    @Nested
    class Projection {

        @Test
        void seriesIssuedSetsTheSeriesTermsPeriodPriceAndTheFigureAtIssue() {
            SeriesRegister register = fold(List.of(issued()));

            assertThat(register.seriesId()).isEqualTo(S.value());
            assertThat(register.issuerId()).isEqualTo(IIJ.value());
            assertThat(register.terms()).isEqualTo(TERMS);
            assertThat(register.exercisePeriod()).isEqualTo(PERIOD);
            assertThat(register.exercisePricePerShare()).isEqualTo(1);
            assertThat(register.sharesPerRightHistory())
                    .containsExactly(new SharesPerRightStep(ALLOTMENT, 200, null, null, null));
            assertThat(register.holdings()).isEmpty();
            assertThat(register.allotmentAmountPerRight()).isZero();
        }

        @Test
        void allotmentCreatesAHoldingInOfficeAndASecondAllotmentAddsToIt() {
            SeriesRegister register = fold(List.of(issued(), director("D01", 30), officer("E01", 7),
                    officer("E01", 3)));

            assertThat(register.holdings())
                    .extracting(HoldingRecord::holderId, HoldingRecord::role, HoldingRecord::status,
                            HoldingRecord::allotted, HoldingRecord::held, HoldingRecord::exercised,
                            HoldingRecord::lapsed, HoldingRecord::acquired)
                    .containsExactly(
                            tuple("D01", Role.DIRECTOR, HoldingStatus.IN_OFFICE, 30L, 30L, 0L, 0L, 0L),
                            tuple("E01", Role.EXECUTIVE_OFFICER, HoldingStatus.IN_OFFICE, 10L, 10L, 0L, 0L, 0L));
        }

        @Test
        void allotmentAmountIsTheBookValuePerRight() {
            SeriesRegister register = fold(List.of(issued(), allotmentAmount(100_000)));

            assertThat(register.allotmentAmountPerRight()).isEqualTo(100_000);
            assertThat(register.allotmentValuation().amountPerRight().amount()).isEqualTo(100_000);
        }

        @Test
        void departureRecordsTheDateTheCutWindowAndTheLapseDate() {
            SeriesRegister register = afterAllotment(leftOffice("D02", "2020-06-25"));
            HoldingRecord d02 = holding(register, "D02");

            assertThat(d02.status()).isEqualTo(HoldingStatus.LEFT_OFFICE);
            assertThat(d02.departureDate()).isEqualTo(day("2020-06-25"));
            assertThat(d02.window()).isEqualTo(window("2020-06-26", "2020-07-05"));
            assertThat(d02.lapseDate()).isEqualTo(day("2020-07-06"));
            assertThat(d02.held()).isEqualTo(25);
        }

        @Test
        void exerciseMovesRightsFromHeldToExercisedAndListsTheExercise() {
            SeriesRegister register = afterAllotment(leftOffice("D02", "2020-06-25"),
                    exercised("D02", "2020-06-30", 5, 200));
            HoldingRecord d02 = holding(register, "D02");

            assertThat(d02.status()).isEqualTo(HoldingStatus.LEFT_OFFICE);
            assertThat(d02.held()).isEqualTo(20);
            assertThat(d02.exercised()).isEqualTo(5);
            assertThat(d02.exercises()).containsExactly(
                    new ExerciseRecord(day("2020-06-30"), "D02", 5, 200, 1_000, 1_000, 0, 500, 500));
        }

        @Test
        void exercisingTheLastRightMakesTheHoldingFullyExercised() {
            SeriesRegister register = afterAllotment(SPLITS, leftOffice("D04", "2023-06-23"),
                    exercised("D04", "2023-06-26", 20, 800), exercised("D04", "2023-06-30", 1, 800));
            HoldingRecord d04 = holding(register, "D04");

            assertThat(d04.status()).isEqualTo(HoldingStatus.FULLY_EXERCISED);
            assertThat(d04.held()).isZero();
            assertThat(d04.exercised()).isEqualTo(21);
            assertThat(d04.exercises())
                    .extracting(ExerciseRecord::exerciseDate, ExerciseRecord::rights, ExerciseRecord::sharesPerRight,
                            ExerciseRecord::sharesDelivered, ExerciseRecord::amountPaidIn)
                    .containsExactly(
                            tuple(day("2023-06-26"), 20L, 800L, 16_000L, 16_000L),
                            tuple(day("2023-06-30"), 1L, 800L, 800L, 800L));
        }

        @Test
        void lapseMovesEveryRightLeftToLapsedWithItsReasonAndDate() {
            SeriesRegister register = afterAllotment(leftOffice("D02", "2020-06-25"),
                    exercised("D02", "2020-06-30", 5, 200),
                    lapsed("D02", 20, LapseReason.WINDOW_AFTER_LEAVING_OFFICE_CLOSED, "2020-07-06"));
            HoldingRecord d02 = holding(register, "D02");

            assertThat(d02.status()).isEqualTo(HoldingStatus.LAPSED);
            assertThat(d02.held()).isZero();
            assertThat(d02.exercised()).isEqualTo(5);
            assertThat(d02.lapsed()).isEqualTo(20);
            assertThat(d02.lapseReason()).isEqualTo(LapseReason.WINDOW_AFTER_LEAVING_OFFICE_CLOSED);
            assertThat(d02.lapsedOn()).isEqualTo(day("2020-07-06"));
        }

        @Test
        void deathInOfficeAwaitsAnHeirUntilTheExercisePeriodEnds() {
            SeriesRegister register = afterAllotment(diedAwaitingHeir("D03", "2021-03-01", 22));
            HoldingRecord d03 = holding(register, "D03");

            assertThat(d03.status()).isEqualTo(HoldingStatus.AWAITING_HEIR);
            assertThat(d03.dateOfDeath()).isEqualTo(day("2021-03-01"));
            assertThat(d03.window()).isNull();
            assertThat(d03.lapseDate()).isEqualTo(day("2045-07-14"));
            assertThat(d03.held()).isEqualTo(22);
        }

        @Test
        void deathInsideTheTenDayWindowAlsoAwaitsAnHeir() {
            SeriesRegister register = afterAllotment(leftOffice("D02", "2020-06-25"),
                    diedAwaitingHeir("D02", "2020-06-28", 25));
            HoldingRecord d02 = holding(register, "D02");

            assertThat(d02.status()).isEqualTo(HoldingStatus.AWAITING_HEIR);
            assertThat(d02.window()).isNull();
            assertThat(Views.holding(register, d02, day("2020-07-10")).state()).isEqualTo(ViewState.AWAITING_HEIR);
        }

        @Test
        void inheritanceGivesTheHeirSixMonthsFromTheDayOfInheriting() {
            SeriesRegister register = afterAllotment(diedAwaitingHeir("D03", "2021-03-01", 22),
                    inherited("D03", "H03", "2021-08-31", 22));
            HoldingRecord d03 = holding(register, "D03");

            assertThat(d03.status()).isEqualTo(HoldingStatus.INHERITED);
            assertThat(d03.heirId()).isEqualTo("H03");
            assertThat(d03.currentHolderId()).isEqualTo("H03");
            assertThat(d03.holderId()).isEqualTo("D03");
            assertThat(d03.inheritanceDate()).isEqualTo(day("2021-08-31"));
            assertThat(d03.window()).isEqualTo(window("2021-08-31", "2022-02-28"));
            assertThat(d03.lapseDate()).isEqualTo(day("2022-03-01"));
        }

        @Test
        void acquisitionTakesEveryRightLeft() {
            SeriesRegister register = fold(List.of(issued(), director("D01", 30), officer("E01", 7),
                    acquired("D01", 30, "2030-02-01", "2030-04-01"), acquired("E01", 7, "2030-02-01", "2030-04-01")));

            assertThat(register.holdings())
                    .extracting(HoldingRecord::status, HoldingRecord::held, HoldingRecord::acquired,
                            HoldingRecord::acquiredOn)
                    .containsOnly(tuple(HoldingStatus.ACQUIRED, 0L, 30L, day("2030-04-01")),
                            tuple(HoldingStatus.ACQUIRED, 0L, 7L, day("2030-04-01")));
        }

        @Test
        void restructuringMovesTheSeriesToTheNewCompanyAndItsFigure() {
            SeriesRegister register = afterAllotment(split("2020-12-31", 200, 400),
                    restructured("2030-04-01", Ratio.of(3, 2), 400, 112));

            assertThat(register.issuerId()).isEqualTo("NEWCO");
            assertThat(register.restructuredCompanyId()).isEqualTo("NEWCO");
            assertThat(register.restructuredCompanyName()).isEqualTo("NewCo Holdings Inc.");
            assertThat(register.restructuredOn()).isEqualTo(day("2030-04-01"));
            assertThat(register.exercisePeriod()).isEqualTo(window("2030-04-01", "2045-07-13"));
            assertThat(register.sharesPerRightOn(day("2030-03-31"))).isEqualTo(400);
            assertThat(register.sharesPerRightOn(day("2030-04-01"))).isEqualTo(600);
            assertThat(register.sharesPerRightHistory()).last()
                    .extracting(SharesPerRightStep::appliesFrom, SharesPerRightStep::sharesPerRight,
                            SharesPerRightStep::cause, SharesPerRightStep::ratio)
                    .containsExactly(day("2030-04-01"), 600L, AdjustmentCause.RESTRUCTURING, "3/2");
        }
    }

    // ---- shares per right by date

    @Nested
    class SharesPerRightInForce {
        private final SeriesRegister register = afterAllotment(split("2020-12-31", 200, 400),
                split("2022-09-30", 400, 800));

        @Test
        void figureDependsOnTheDate() {
            assertThat(register.sharesPerRightOn(ALLOTMENT)).isEqualTo(200);
            assertThat(register.sharesPerRightOn(day("2020-12-31"))).isEqualTo(200);
            assertThat(register.sharesPerRightOn(day("2021-01-01"))).isEqualTo(400);
            assertThat(register.sharesPerRightOn(day("2022-09-30"))).isEqualTo(400);
            assertThat(register.sharesPerRightOn(day("2022-10-01"))).isEqualTo(800);
            assertThat(register.sharesPerRightOn(day("2045-07-13"))).isEqualTo(800);
        }

        @Test
        void historyListsTheFigureAtIssueAndEachSplitFromTheDayAfterItsRecordDate() {
            assertThat(register.sharesPerRightHistory()).containsExactly(
                    new SharesPerRightStep(ALLOTMENT, 200, null, null, null),
                    new SharesPerRightStep(day("2021-01-01"), 400, AdjustmentCause.SPLIT, "2/1", null),
                    new SharesPerRightStep(day("2022-10-01"), 800, AdjustmentCause.SPLIT, "2/1", null));
        }

        @Test
        void registerAndHoldingViewsShowTheFigureInForceAndWhatTheRightsWouldDeliver() {
            assertThat(Views.register(register, day("2020-12-31")).sharesPerRightInForce()).isEqualTo(200);
            assertThat(Views.register(register, day("2021-06-01")).sharesPerRightInForce()).isEqualTo(400);
            assertThat(Views.register(register, day("2022-10-01")).sharesPerRightInForce()).isEqualTo(800);

            assertThat(view(register, "D01", "2020-12-31"))
                    .extracting(HoldingView::sharesPerRight, HoldingView::sharesDeliverable)
                    .containsExactly(200L, 6_000L);
            assertThat(view(register, "D01", "2021-01-01"))
                    .extracting(HoldingView::sharesPerRight, HoldingView::sharesDeliverable)
                    .containsExactly(400L, 12_000L);
            assertThat(view(register, "E01", "2022-10-01"))
                    .extracting(HoldingView::sharesPerRight, HoldingView::sharesDeliverable)
                    .containsExactly(800L, 5_600L);
        }
    }

    // ---- every view state

    @Nested
    class States {

        @Test
        void inOfficeUntilTheLastDayOfTheExercisePeriodThenLapseDue() {
            SeriesRegister register = afterAllotment();

            assertThat(state(register, "D01", "2015-07-13")).isEqualTo(ViewState.IN_OFFICE);
            assertThat(state(register, "D01", "2030-01-01")).isEqualTo(ViewState.IN_OFFICE);
            assertThat(state(register, "D01", "2045-07-13")).isEqualTo(ViewState.IN_OFFICE);
            assertThat(state(register, "D01", "2045-07-14")).isEqualTo(ViewState.LAPSE_DUE);

            HoldingView d01 = view(register, "D01", "2030-01-01");
            assertThat(d01.windowFirstDay()).isNull();
            assertThat(d01.windowLastDay()).isNull();
            assertThat(d01.rightsHeld()).isEqualTo(30);
            assertThat(d01.replacedBy()).isNull();
        }

        @Test
        void windowOpenFromTheDepartureDayOnWhenTheWindowStartsTomorrowToItsLastDay() {
            SeriesRegister register = afterAllotment(leftOffice("D02", "2020-06-25"));

            HoldingView onDepartureDay = view(register, "D02", "2020-06-25");
            assertThat(onDepartureDay.state()).isEqualTo(ViewState.WINDOW_OPEN);
            assertThat(onDepartureDay.windowFirstDay()).isEqualTo(day("2020-06-26"));
            assertThat(onDepartureDay.windowLastDay()).isEqualTo(day("2020-07-05"));
            assertThat(onDepartureDay.lapseDate()).isEqualTo(day("2020-07-06"));

            assertThat(state(register, "D02", "2020-06-26")).isEqualTo(ViewState.WINDOW_OPEN);
            assertThat(state(register, "D02", "2020-07-05")).isEqualTo(ViewState.WINDOW_OPEN);
        }

        @Test
        void lapseDueOnDayElevenWhileTheLapseIsNotRecorded() {
            SeriesRegister register = afterAllotment(leftOffice("D02", "2020-06-25"));

            HoldingView d02 = view(register, "D02", "2020-07-06");
            assertThat(d02.state()).isEqualTo(ViewState.LAPSE_DUE);
            assertThat(d02.windowFirstDay()).isNull();
            assertThat(d02.windowLastDay()).isNull();
            assertThat(d02.rightsHeld()).isEqualTo(25);
            assertThat(d02.lapseDate()).isEqualTo(day("2020-07-06"));
            assertThat(state(register, "D02", "2021-01-01")).isEqualTo(ViewState.LAPSE_DUE);
        }

        @Test
        void lapsedOnceTheLapseIsRecordedWithItsReason() {
            SeriesRegister register = afterAllotment(leftOffice("D02", "2020-06-25"),
                    lapsed("D02", 25, LapseReason.WINDOW_AFTER_LEAVING_OFFICE_CLOSED, "2020-07-06"));

            HoldingView d02 = view(register, "D02", "2020-07-06");
            assertThat(d02.state()).isEqualTo(ViewState.LAPSED);
            assertThat(d02.rightsHeld()).isZero();
            assertThat(d02.rightsLapsed()).isEqualTo(25);
            assertThat(d02.sharesDeliverable()).isZero();
            assertThat(holding(register, "D02").lapseReason()).isEqualTo(LapseReason.WINDOW_AFTER_LEAVING_OFFICE_CLOSED);
        }

        @Test
        void awaitingHeirAfterADeathInOfficeAndLapseDueOnceTheExercisePeriodIsOver() {
            SeriesRegister register = afterAllotment(diedAwaitingHeir("D03", "2021-03-01", 22));

            assertThat(state(register, "D03", "2021-03-01")).isEqualTo(ViewState.AWAITING_HEIR);
            assertThat(state(register, "D03", "2045-07-13")).isEqualTo(ViewState.AWAITING_HEIR);
            assertThat(state(register, "D03", "2045-07-14")).isEqualTo(ViewState.LAPSE_DUE);
            assertThat(view(register, "D03", "2021-03-01").windowLastDay()).isNull();
        }

        @Test
        void heirWindowOpenFromTheDayOfInheritingToSixMonthsLaterThenLapseDueThenLapsed() {
            List<Object> heir = List.of(FIRST_SPLIT, diedAwaitingHeir("D03", "2021-03-01", 22),
                    inherited("D03", "H03", "2021-08-31", 22), exercised("D03", "H03", "2021-12-01", 10, 400, 0));
            SeriesRegister register = afterAllotment(heir);

            HoldingView first = view(register, "D03", "2021-08-31");
            assertThat(first.state()).isEqualTo(ViewState.HEIR_WINDOW_OPEN);
            assertThat(first.currentHolderId()).isEqualTo("H03");
            assertThat(first.windowFirstDay()).isEqualTo(day("2021-08-31"));
            assertThat(first.windowLastDay()).isEqualTo(day("2022-02-28"));
            assertThat(first.rightsHeld()).isEqualTo(12);
            assertThat(first.exercises()).extracting(ExerciseRecord::exercisedBy).containsExactly("H03");
            assertThat(state(register, "D03", "2022-02-28")).isEqualTo(ViewState.HEIR_WINDOW_OPEN);
            assertThat(state(register, "D03", "2022-03-01")).isEqualTo(ViewState.LAPSE_DUE);

            SeriesRegister lapsedRegister = afterAllotment(heir,
                    lapsed("D03", 12, LapseReason.HEIR_WINDOW_CLOSED, "2022-03-01"));
            HoldingView lapsedView = view(lapsedRegister, "D03", "2022-03-01");
            assertThat(lapsedView.state()).isEqualTo(ViewState.LAPSED);
            assertThat(lapsedView.rightsLapsed()).isEqualTo(12);
            assertThat(lapsedView.rightsExercised()).isEqualTo(10);
            assertThat(holding(lapsedRegister, "D03").lapseReason()).isEqualTo(LapseReason.HEIR_WINDOW_CLOSED);
        }

        @Test
        void lapsedWithReasonHeirDiedWhenTheHeirDies() {
            SeriesRegister register = afterAllotment(FIRST_SPLIT, diedAwaitingHeir("D03", "2021-03-01", 22),
                    inherited("D03", "H03", "2021-08-31", 22), exercised("D03", "H03", "2021-12-01", 10, 400, 0),
                    heirDied("D03", "H03", "2022-01-10", 12));
            HoldingRecord d03 = holding(register, "D03");

            assertThat(Views.holding(register, d03, day("2022-01-10")).state()).isEqualTo(ViewState.LAPSED);
            assertThat(d03.lapseReason()).isEqualTo(LapseReason.HEIR_DIED);
            assertThat(d03.lapsedOn()).isEqualTo(day("2022-01-10"));
            assertThat(d03.lapsed()).isEqualTo(12);
            assertThat(d03.held()).isZero();
            assertThat(d03.exercised()).isEqualTo(10);
        }

        @Test
        void fullyExercisedWhenNoRightIsLeft() {
            SeriesRegister register = afterAllotment(SPLITS, leftOffice("D04", "2023-06-23"),
                    exercised("D04", "2023-06-26", 20, 800), exercised("D04", "2023-06-30", 1, 800));

            HoldingView d04 = view(register, "D04", "2023-06-30");
            assertThat(d04.state()).isEqualTo(ViewState.FULLY_EXERCISED);
            assertThat(d04.windowFirstDay()).isNull();
            assertThat(d04.sharesDeliverable()).isZero();
            assertThat(state(register, "D04", "2050-01-01")).isEqualTo(ViewState.FULLY_EXERCISED);
        }

        @Test
        void partlyExercisedHoldingIsLapseDueWhenTheWindowCloses() {
            SeriesRegister register = afterAllotment(SPLITS, leftOffice("D04", "2023-06-23"),
                    exercised("D04", "2023-06-26", 20, 800));

            assertThat(state(register, "D04", "2023-07-03")).isEqualTo(ViewState.WINDOW_OPEN);
            HoldingView d04 = view(register, "D04", "2023-07-04");
            assertThat(d04.state()).isEqualTo(ViewState.LAPSE_DUE);
            assertThat(d04.rightsHeld()).isEqualTo(1);
        }

        @Test
        void acquiredAfterTheCompanyAcquiresTheRights() {
            SeriesRegister register = fold(List.of(issued(), director("D01", 30), officer("E01", 7),
                    acquired("D01", 30, "2030-02-01", "2030-04-01"), acquired("E01", 7, "2030-02-01", "2030-04-01")));

            RegisterView view = Views.register(register, day("2030-04-01"));
            assertThat(view.holders()).extracting(HoldingView::state).containsOnly(ViewState.ACQUIRED);
            assertThat(view.acquired()).isEqualTo(37);
            assertThat(view.outstanding()).isZero();
            assertTotalsAddUp(view);
        }

        @Test
        void replacedByTheRestructuredCompanyFromTheDayTheRestructuringTakesEffect() {
            SeriesRegister register = afterAllotment(restructured("2030-04-01", Ratio.of(1, 1), 200, 112));

            assertThat(view(register, "D01", "2030-03-31").replacedBy()).isNull();
            assertThat(Views.register(register, day("2030-03-31")).replacedBy()).isNull();
            HoldingView d01 = view(register, "D01", "2030-04-01");
            assertThat(d01.replacedBy()).isEqualTo("NewCo Holdings Inc.");
            assertThat(d01.issuerId()).isEqualTo("NEWCO");
            assertThat(d01.state()).isEqualTo(ViewState.IN_OFFICE);
            assertThat(d01.rightsHeld()).isEqualTo(30);
            assertThat(Views.register(register, day("2030-04-01")).replacedBy()).isEqualTo("NewCo Holdings Inc.");
        }

        /**
         * A holder who loses office on the last day of the exercise period (2045-07-13) gets no window
         * (D+1.. lies outside the period), and the aggregate records lapseDate = D+11 = 2045-07-24 on the
         * event. The aggregate's own lapse for that holding is on the day after the period's end,
         * 2045-07-14, reason EXERCISE_PERIOD_ENDED (RULES.md 9): from that day the view must say
         * "lapse due" while the lapse is not recorded, as it does for a holder still in office.
         */
        @Test
        void departureOnTheLastDayOfThePeriodIsLapseDueTheDayAfterThePeriodEnds() {
            SeriesRegister register = afterAllotment(leftOffice("D01", "2045-07-13"));
            HoldingRecord d01 = holding(register, "D01");
            assertThat(d01.window()).isNull();
            assertThat(d01.lapseDate()).isEqualTo(day("2045-07-24"));

            assertThat(Views.holding(register, d01, day("2045-07-14")).state()).isEqualTo(ViewState.LAPSE_DUE);
            assertThat(Views.openWindows(register, day("2045-07-13"))).isEmpty();
        }
    }

    // ---- reversals

    @Nested
    class Reversals {

        @Test
        void reversedExerciseLeavesTheListAndTheTotals() {
            SeriesRegister register = afterAllotment(SPLITS, leftOffice("D04", "2023-06-23"),
                    exercised("D04", "2023-06-26", 20, 800), exercised("D04", "2023-06-30", 1, 800),
                    reversed("D04", ReversibleFact.EXERCISE, "2023-06-30", "2023-07-01", 1, 0));

            HoldingView d04 = view(register, "D04", "2023-07-01");
            assertThat(d04.state()).isEqualTo(ViewState.WINDOW_OPEN);
            assertThat(d04.rightsHeld()).isEqualTo(1);
            assertThat(d04.rightsExercised()).isEqualTo(20);
            assertThat(d04.exercises()).extracting(ExerciseRecord::exerciseDate).containsExactly(day("2023-06-26"));

            RegisterView view = Views.register(register, day("2023-07-01"));
            assertThat(view.exercised()).isEqualTo(20);
            assertThat(view.sharesDelivered()).isEqualTo(16_000);
            assertThat(view.amountPaidIn()).isEqualTo(16_000);
            assertThat(view.capitalStockAdded()).isEqualTo(8_000);
            assertThat(view.capitalReserveAdded()).isEqualTo(8_000);
            assertTotalsAddUp(view);
        }

        @Test
        void bothExercisesReversedOneAfterTheOther() {
            SeriesRegister register = afterAllotment(SPLITS, leftOffice("D04", "2023-06-23"),
                    exercised("D04", "2023-06-26", 20, 800), exercised("D04", "2023-06-30", 1, 800),
                    reversed("D04", ReversibleFact.EXERCISE, "2023-06-30", "2023-07-01", 1, 0),
                    reversed("D04", ReversibleFact.EXERCISE, "2023-06-26", "2023-07-01", 20, 0));

            HoldingRecord d04 = holding(register, "D04");
            assertThat(d04.status()).isEqualTo(HoldingStatus.LEFT_OFFICE);
            assertThat(d04.held()).isEqualTo(21);
            assertThat(d04.exercised()).isZero();
            assertThat(d04.exercises()).isEmpty();
            assertThat(d04.window()).isEqualTo(window("2023-06-24", "2023-07-03"));
        }

        @Test
        void reversedDepartureBringsBackInOffice() {
            SeriesRegister register = afterAllotment(leftOffice("E01", "2022-03-31"),
                    reversed("E01", ReversibleFact.DEPARTURE, "2022-03-31", "2022-04-05", 0, 0));

            HoldingView e01 = view(register, "E01", "2022-04-05");
            assertThat(e01.state()).isEqualTo(ViewState.IN_OFFICE);
            assertThat(e01.windowFirstDay()).isNull();
            assertThat(e01.lapseDate()).isNull();
            assertThat(holding(register, "E01").departureDate()).isNull();
            assertThat(Views.openWindows(register, day("2022-04-05"))).isEmpty();
        }

        @Test
        void reversedHeirDeathRestoresTheLapsedRightsToTheHeir() {
            SeriesRegister register = afterAllotment(FIRST_SPLIT, diedAwaitingHeir("D03", "2021-03-01", 22),
                    inherited("D03", "H03", "2021-08-31", 22), exercised("D03", "H03", "2021-12-01", 10, 400, 0),
                    heirDied("D03", "H03", "2022-01-10", 12),
                    reversed("D03", ReversibleFact.DEATH, "2022-01-10", "2022-01-20", 0, 12));

            HoldingView d03 = view(register, "D03", "2022-01-20");
            assertThat(d03.state()).isEqualTo(ViewState.HEIR_WINDOW_OPEN);
            assertThat(d03.currentHolderId()).isEqualTo("H03");
            assertThat(d03.rightsHeld()).isEqualTo(12);
            assertThat(d03.rightsLapsed()).isZero();
            assertThat(d03.rightsExercised()).isEqualTo(10);
            HoldingRecord record = holding(register, "D03");
            assertThat(record.lapseReason()).isNull();
            assertThat(record.lapsedOn()).isNull();
            assertTotalsAddUp(Views.register(register, day("2022-01-20")));
        }

        @Test
        void reversedInheritanceAwaitsAnHeirAgain() {
            SeriesRegister register = afterAllotment(diedAwaitingHeir("D03", "2021-03-01", 22),
                    inherited("D03", "H03", "2021-08-31", 22),
                    reversed("D03", ReversibleFact.INHERITANCE, "2021-08-31", "2021-09-02", 0, 0));

            HoldingView d03 = view(register, "D03", "2021-09-02");
            assertThat(d03.state()).isEqualTo(ViewState.AWAITING_HEIR);
            assertThat(d03.currentHolderId()).isEqualTo("D03");
            assertThat(holding(register, "D03").heirId()).isNull();
        }
    }

    // ---- the register's figures

    @Nested
    class RegisterFigures {

        /** A history touching every kind of holding event, in the order the aggregate would record it. */
        private final List<Object> history = List.of(
                leftOffice("D02", "2020-06-25"),
                exercised("D02", "2020-07-01", 5, 200),
                lapsed("D02", 20, LapseReason.WINDOW_AFTER_LEAVING_OFFICE_CLOSED, "2020-07-06"),
                split("2020-12-31", 200, 400),
                diedAwaitingHeir("D03", "2021-03-01", 22),
                inherited("D03", "H03", "2021-08-31", 22),
                exercised("D03", "H03", "2021-12-01", 10, 400, 0),
                lapsed("D03", 12, LapseReason.HEIR_WINDOW_CLOSED, "2022-03-01"),
                split("2022-09-30", 400, 800),
                leftOffice("D04", "2023-06-23"),
                exercised("D04", "2023-06-26", 20, 800),
                exercised("D04", "2023-06-30", 1, 800),
                leftOffice("E02", "2024-03-31"),
                reversed("E02", ReversibleFact.DEPARTURE, "2024-03-31", "2024-04-02", 0, 0),
                acquired("D01", 30, "2030-02-01", "2030-04-01"),
                acquired("E01", 7, "2030-02-01", "2030-04-01"),
                acquired("E02", 7, "2030-02-01", "2030-04-01"));

        @Test
        void totalsAddUpToTheAllotmentAfterEveryEvent() {
            for (int n = 0; n <= history.size(); n++) {
                SeriesRegister register = afterAllotment(history.subList(0, n).toArray());
                RegisterView view = Views.register(register, day("2030-04-01"));
                assertThat(view.allotted()).isEqualTo(112);
                assertTotalsAddUp(view);
            }
        }

        @Test
        void theTotalsStoredWithEachBatchAreTheRegistersOnAnyDay() {
            for (int n = 0; n <= history.size(); n++) {
                SeriesRegister register = afterAllotment(history.subList(0, n).toArray());
                for (String on : List.of("2020-06-30", "2030-03-31", "2030-04-01")) {
                    RegisterView view = Views.register(register, day(on));
                    assertThat(Views.totals(register, day(on))).as("after %d events, on %s", n, on)
                            .isEqualTo(new Views.SeriesTotals(view.allotted(), view.outstanding(), view.exercised(),
                                    view.lapsed(), view.acquired(), view.sharesPerRightInForce(),
                                    view.replacedBy()));
                }
            }
            SeriesRegister restructured = afterAllotment(restructured("2030-04-01", Ratio.of(3, 2), 400, 112));
            assertThat(Views.totals(restructured, day("2030-04-01")).replacedBy())
                    .isEqualTo(Views.register(restructured, day("2030-04-01")).replacedBy()).isNotNull();
        }

        @Test
        void aHoldingsPlaceIsItsFirstAllotmentsAndAHoldingAddedLaterComesLast() {
            SeriesRegister register = afterAllotment(history.toArray());
            assertThat(List.of("D01", "D02", "D03", "D04", "E01", "E02")).extracting(register::placeOf)
                    .containsExactly(0, 1, 2, 3, 4, 5);

            SeriesProjector.apply(register, director("D05", 1));

            assertThat(register.placeOf("D05")).isEqualTo(6);
            assertThat(register.placeOf("D01")).isEqualTo(0);
        }

        @Test
        void totalsBeforeAndAfterTheAcquisition() {
            RegisterView beforeAcquisition = Views.register(
                    afterAllotment(history.subList(0, history.size() - 3).toArray()), day("2030-03-31"));
            assertThat(beforeAcquisition)
                    .extracting(RegisterView::allotted, RegisterView::outstanding, RegisterView::exercised,
                            RegisterView::lapsed, RegisterView::acquired)
                    .containsExactly(112L, 44L, 36L, 32L, 0L);

            RegisterView afterAcquisition = Views.register(afterAllotment(history.toArray()), day("2030-04-01"));
            assertThat(afterAcquisition)
                    .extracting(RegisterView::allotted, RegisterView::outstanding, RegisterView::exercised,
                            RegisterView::lapsed, RegisterView::acquired)
                    .containsExactly(112L, 0L, 36L, 32L, 44L);
        }

        @Test
        void sharesYenAndCapitalAreTheSumsOfTheExercises() {
            RegisterView view = Views.register(afterAllotment(history.toArray()), day("2030-04-01"));

            assertThat(view.sharesDelivered()).isEqualTo(1_000 + 4_000 + 16_000 + 800);
            assertThat(view.amountPaidIn()).isEqualTo(21_800);
            assertThat(view.capitalStockAdded()).isEqualTo(10_900);
            assertThat(view.capitalReserveAdded()).isEqualTo(10_900);
            assertThat(view.holders()).flatExtracting(HoldingView::exercises)
                    .extracting(ExerciseRecord::exerciseDate, ExerciseRecord::exercisedBy, ExerciseRecord::rights,
                            ExerciseRecord::sharesDelivered, ExerciseRecord::amountPaidIn)
                    .containsExactly(
                            tuple(day("2020-07-01"), "D02", 5L, 1_000L, 1_000L),
                            tuple(day("2021-12-01"), "H03", 10L, 4_000L, 4_000L),
                            tuple(day("2023-06-26"), "D04", 20L, 16_000L, 16_000L),
                            tuple(day("2023-06-30"), "D04", 1L, 800L, 800L));
        }

        /** RULES.md 6: 3 rights of 200 shares at 100,000 yen per right: limit 300,600, 150,300 each. */
        @Test
        void capitalIncludesTheBookValueOfTheRights() {
            SeriesRegister register = afterAllotment(allotmentAmount(100_000), leftOffice("D02", "2020-06-25"),
                    exercised("D02", "D02", "2020-06-30", 3, 200, 100_000),
                    exercised("D02", "D02", "2020-07-01", 1, 200, 100_000));

            assertThat(holding(register, "D02").exercises().get(0))
                    .isEqualTo(new ExerciseRecord(day("2020-06-30"), "D02", 3, 200, 600, 600, 300_000, 150_300,
                            150_300));
            RegisterView view = Views.register(register, day("2020-07-01"));
            assertThat(view.allotmentAmountPerRight()).isEqualTo(100_000);
            assertThat(view.sharesDelivered()).isEqualTo(800);
            assertThat(view.amountPaidIn()).isEqualTo(800);
            assertThat(view.capitalStockAdded()).isEqualTo(150_300 + 50_100);
            assertThat(view.capitalReserveAdded()).isEqualTo(150_300 + 50_100);
        }

        @Test
        void capitalStockTakesTheOddYen() {
            SeriesRegister register = afterAllotment(allotmentAmount(100_001), leftOffice("D02", "2020-06-25"),
                    exercised("D02", "D02", "2020-06-30", 1, 200, 100_001));

            RegisterView view = Views.register(register, day("2020-06-30"));
            assertThat(view.capitalStockAdded()).isEqualTo(50_101);
            assertThat(view.capitalReserveAdded()).isEqualTo(50_100);
        }
    }

    // ---- open windows

    @Nested
    class OpenWindows {

        @Test
        void openWindowsAreListedSoonestClosingFirstWithTheDaysLeft() {
            SeriesRegister register = afterAllotment(split("2020-12-31", 200, 400), split("2022-09-30", 400, 800),
                    diedAwaitingHeir("D03", "2023-03-01", 22),
                    inherited("D03", "H03", "2023-05-01", 22),
                    leftOffice("E02", "2023-06-01"),
                    leftOffice("D02", "2023-06-20"),
                    leftOffice("D04", "2023-06-23"),
                    exercised("D04", "2023-06-24", 1, 800),
                    leftOffice("E01", "2023-06-25"));

            List<OpenWindow> windows = Views.openWindows(register, day("2023-06-25")).toList();

            assertThat(windows)
                    .extracting(OpenWindow::holderId, OpenWindow::currentHolderId, OpenWindow::state,
                            OpenWindow::firstDay, OpenWindow::lastDay, OpenWindow::daysLeft, OpenWindow::rightsHeld,
                            OpenWindow::sharesDeliverable)
                    .containsExactly(
                            tuple("D02", "D02", ViewState.WINDOW_OPEN, day("2023-06-21"), day("2023-06-30"), 5L,
                                    25L, 20_000L),
                            tuple("D04", "D04", ViewState.WINDOW_OPEN, day("2023-06-24"), day("2023-07-03"), 8L,
                                    20L, 16_000L),
                            // lost office today: the window starts tomorrow
                            tuple("E01", "E01", ViewState.WINDOW_OPEN, day("2023-06-26"), day("2023-07-05"), 10L,
                                    7L, 5_600L),
                            tuple("D03", "H03", ViewState.HEIR_WINDOW_OPEN, day("2023-05-01"), day("2023-11-01"),
                                    129L, 22L, 17_600L));
            assertThat(windows).extracting(OpenWindow::seriesId).containsOnly(S.value());
            // E02's window closed on 2023-06-11 (lapse due), D01 is in office: neither is listed
            assertThat(state(register, "E02", "2023-06-25")).isEqualTo(ViewState.LAPSE_DUE);
        }

        @Test
        void aWindowOnItsLastDayHasZeroDaysLeftAndIsGoneTheDayAfter() {
            SeriesRegister register = afterAllotment(leftOffice("D02", "2020-06-25"));

            assertThat(Views.openWindows(register, day("2020-07-05")))
                    .extracting(OpenWindow::holderId, OpenWindow::daysLeft)
                    .containsExactly(tuple("D02", 0L));
            assertThat(Views.openWindows(register, day("2020-07-06"))).isEmpty();
        }

        @Test
        void noWindowWhileInOfficeAwaitingAnHeirOrAfterTheEnd() {
            SeriesRegister register = afterAllotment(leftOffice("D02", "2020-06-25"),
                    lapsed("D02", 25, LapseReason.WINDOW_AFTER_LEAVING_OFFICE_CLOSED, "2020-07-06"),
                    FIRST_SPLIT, diedAwaitingHeir("D03", "2021-03-01", 22), SECOND_SPLIT,
                    leftOffice("D04", "2023-06-23"), exercised("D04", "2023-06-26", 21, 800));

            assertThat(Views.openWindows(register, day("2023-06-27"))).isEmpty();
        }
    }

    @Test
    void windowRecordIsTheCutOneAtTheEndOfThePeriod() {
        SeriesRegister register = afterAllotment(leftOffice("D01", "2045-07-08"));

        HoldingView d01 = view(register, "D01", "2045-07-10");
        assertThat(d01.state()).isEqualTo(ViewState.WINDOW_OPEN);
        assertThat(new ExerciseWindow(d01.windowFirstDay(), d01.windowLastDay()))
                .isEqualTo(window("2045-07-09", "2045-07-13"));
        assertThat(state(register, "D01", "2045-07-14")).isEqualTo(ViewState.LAPSE_DUE);
    }
}
