package io.sartracker.query.register;

import io.sartracker.kernel.event.AllotmentAmountCorrected;
import io.sartracker.kernel.event.HolderRoleChanged;
import io.sartracker.kernel.event.SeriesEvent;
import io.sartracker.kernel.model.LapseReason;
import io.sartracker.kernel.model.ReversibleFact;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.Yen;
import io.sartracker.query.history.HistoryWindow;
import io.sartracker.query.history.RecordedEvent;
import io.sartracker.query.register.Views.HoldingView;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.sartracker.query.SeriesEvents.S;
import static io.sartracker.query.SeriesEvents.acquired;
import static io.sartracker.query.SeriesEvents.allotmentAmount;
import static io.sartracker.query.SeriesEvents.day;
import static io.sartracker.query.SeriesEvents.diedAwaitingHeir;
import static io.sartracker.query.SeriesEvents.director;
import static io.sartracker.query.SeriesEvents.exercised;
import static io.sartracker.query.SeriesEvents.heirDied;
import static io.sartracker.query.SeriesEvents.holding;
import static io.sartracker.query.SeriesEvents.id;
import static io.sartracker.query.SeriesEvents.inherited;
import static io.sartracker.query.SeriesEvents.issued;
import static io.sartracker.query.SeriesEvents.lapsed;
import static io.sartracker.query.SeriesEvents.leftOffice;
import static io.sartracker.query.SeriesEvents.recorded;
import static io.sartracker.query.SeriesEvents.restructured;
import static io.sartracker.query.SeriesEvents.reversed;
import static io.sartracker.query.SeriesEvents.split;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * RULES.md 13 on the fold and the views, on plain event lists: facts dated after the view's day are
 * not counted, corporate actions recorded in advance show as scheduled, the lapse date is the lapse's
 * own, holdings awaiting an heir are listed, and the projector knows every event of the kernel.
 */
class Rules13ProjectionTest {
    private static final LocalDate TODAY = day("2026-11-27");

    private static List<RecordedEvent> history(Object... events) {
        List<RecordedEvent> history = new ArrayList<>();
        for (Object event : events) {
            if (event instanceof List<?> several) {
                several.forEach(e -> history.add(recorded((SeriesEvent) e)));
            } else {
                history.add(recorded((SeriesEvent) event));
            }
        }
        return history;
    }

    private static List<SeriesEvent> payloads(List<RecordedEvent> history) {
        return history.stream().map(RecordedEvent::payload).toList();
    }

    // ---- fault 4 (view part): facts dated after today

    @Test
    void fault4_aDepartureAndAnExerciseDatedNextYearAreNotCountedAsOfToday() {
        List<RecordedEvent> history = history(issued(), director("D01", 30), director("D02", 25),
                leftOffice("D01", "2027-03-31"), exercised("D01", "2027-04-05", 10, 200));
        SeriesRegister stored = SeriesProjector.fold(payloads(history));

        assertThat(stored.lastFactDate()).isEqualTo(day("2027-04-05"));
        assertThat(stored.answersFor(TODAY)).as("the stored document holds facts dated after today").isFalse();
        assertThat(stored.answersFor(day("2027-04-05"))).isTrue();

        SeriesRegister today = HistoryWindow.asOf(TODAY).fold(history);
        HoldingView d01 = Views.holding(today, holding(today, "D01"), TODAY);
        assertThat(d01.state()).isEqualTo(ViewState.IN_OFFICE);
        assertThat(d01.rightsExercised()).isZero();
        assertThat(Views.register(today, TODAY).exercised()).isZero();
        assertThat(Views.openWindows(today, TODAY)).isEmpty();

        SeriesRegister april = HistoryWindow.asOf(day("2027-04-01")).fold(history);
        assertThat(Views.openWindows(april, day("2027-04-01")))
                .extracting(Views.OpenWindow::holderId, Views.OpenWindow::firstDay, Views.OpenWindow::lastDay)
                .containsExactly(tuple("D01", day("2027-04-01"), day("2027-04-10")));
    }

    @Test
    void fault4_aSplitRecordedInAdvanceIsScheduledUntilItsDateAndTheFigureInForceIsTodays() {
        List<RecordedEvent> history = history(issued(), director("D01", 30), split("2027-06-30", 200, 400));
        SeriesRegister stored = SeriesProjector.fold(payloads(history));
        assertThat(stored.answersFor(TODAY)).as("a scheduled split does not stop the document answering").isTrue();

        for (SeriesRegister register : List.of(stored, HistoryWindow.asOf(TODAY).fold(history))) {
            Views.RegisterView view = Views.register(register, TODAY);
            assertThat(view.sharesPerRightInForce()).isEqualTo(200);
            assertThat(view.sharesPerRightHistory())
                    .extracting(Views.Step::appliesFrom, Views.Step::sharesPerRight, Views.Step::scheduled)
                    .containsExactly(tuple(day("2015-07-13"), 200L, false), tuple(day("2027-07-01"), 400L, true));
        }
        assertThat(Views.register(stored, day("2027-07-01")).sharesPerRightHistory())
                .extracting(Views.Step::scheduled).containsExactly(false, false);
    }

    @Test
    void fault4_aRestructuringRecordedInAdvanceLeavesTheIssuerAsItIsUntilItsDate() {
        SeriesRegister register = SeriesProjector.fold(List.of(issued(), director("D01", 30),
                restructured("2027-04-01", io.sartracker.kernel.model.Ratio.of(3, 2), 200, 30)));

        Views.RegisterView today = Views.register(register, TODAY);
        assertThat(today.issuerId()).isEqualTo("IIJ");
        assertThat(today.replacedBy()).isNull();
        assertThat(today.sharesPerRightInForce()).isEqualTo(200);
        assertThat(today.sharesPerRightHistory()).last().extracting(Views.Step::scheduled).isEqualTo(true);
        Views.RegisterView after = Views.register(register, day("2027-04-01"));
        assertThat(after.issuerId()).isEqualTo("NEWCO");
        assertThat(after.replacedBy()).isEqualTo("NewCo Holdings Inc.");
        assertThat(after.sharesPerRightInForce()).isEqualTo(300);
    }

    @Test
    void theStoredDocumentAndTheFoldAsOfTodayAgreeWhenNoFactIsDatedLater() {
        List<RecordedEvent> history = history(issued(), director("D01", 30), director("D02", 25),
                split("2020-12-31", 200, 400), leftOffice("D01", "2023-06-23"), exercised("D01", "2023-06-30", 5, 400),
                diedAwaitingHeir("D02", "2024-01-10", 25), inherited("D02", "H02", "2024-02-01", 25),
                exercised("D02", "H02", "2024-03-01", 3, 400, 0), reversed("D02", ReversibleFact.EXERCISE,
                        "2024-03-01", "2024-03-05", 3, 0), split("2027-06-30", 400, 800));
        SeriesRegister stored = SeriesProjector.fold(payloads(history));
        assertThat(stored.answersFor(TODAY)).isTrue();
        assertThat(HistoryWindow.asOf(TODAY).fold(history)).isEqualTo(stored);
        assertThat(Views.register(HistoryWindow.asOf(TODAY).fold(history), TODAY))
                .isEqualTo(Views.register(stored, TODAY));
    }

    // ---- fault 7: lapse dates

    @Test
    void fault7_aLapseOnTheHeirsDeathShowsTheDateOfDeath() {
        SeriesRegister register = SeriesProjector.fold(concat(List.of(issued(), director("D01", 30),
                diedAwaitingHeir("D01", "2025-01-10", 30), inherited("D01", "H01", "2025-02-01", 30)),
                heirDied("D01", "H01", "2025-03-01", 30)));
        HoldingView d01 = Views.holding(register, holding(register, "D01"), TODAY);
        assertThat(d01.state()).isEqualTo(ViewState.LAPSED);
        assertThat(d01.lapseDate()).as("not the end of the heir's window plus one day").isEqualTo(day("2025-03-01"));
        assertThat(holding(register, "D01").lapseDate()).as("the stored holding row too").isEqualTo(day("2025-03-01"));
    }

    @Test
    void fault7_aLapseAtThePeriodsEndShowsTheDayAfterItAndADueOneTheDateItWillCarry() {
        SeriesRegister due = SeriesProjector.fold(List.of(issued(), director("D01", 30)));
        HoldingView dueView = Views.holding(due, holding(due, "D01"), day("2045-07-20"));
        assertThat(dueView.state()).isEqualTo(ViewState.LAPSE_DUE);
        assertThat(dueView.lapseDate()).isEqualTo(day("2045-07-14"));
        assertThat(Views.holding(due, holding(due, "D01"), TODAY).lapseDate()).as("in office").isNull();

        SeriesRegister lapsedRegister = SeriesProjector.fold(List.of(issued(), director("D01", 30),
                lapsed("D01", 30, LapseReason.EXERCISE_PERIOD_ENDED, "2045-07-14")));
        HoldingView lapsedView = Views.holding(lapsedRegister, holding(lapsedRegister, "D01"), day("2045-07-20"));
        assertThat(lapsedView.state()).isEqualTo(ViewState.LAPSED);
        assertThat(lapsedView.lapseDate()).isEqualTo(day("2045-07-14"));
    }

    @Test
    void fault7_anAcquisitionShowsItsDateAndAFullyExercisedHoldingNone() {
        SeriesRegister register = SeriesProjector.fold(List.of(issued(), director("D01", 30), director("D02", 25),
                leftOffice("D02", "2023-06-23"), exercised("D02", "2023-06-30", 25, 200),
                acquired("D01", 30, "2030-02-01", "2030-04-01")));
        assertThat(Views.holding(register, holding(register, "D01"), day("2030-04-01")).lapseDate())
                .isEqualTo(day("2030-04-01"));
        HoldingView d02 = Views.holding(register, holding(register, "D02"), day("2030-04-01"));
        assertThat(d02.state()).isEqualTo(ViewState.FULLY_EXERCISED);
        assertThat(d02.lapseDate()).isNull();
    }

    // ---- fault 5 (view part): awaiting an heir; fault 10: both identifiers

    @Test
    void fault5_holdingsAwaitingAnHeirWithTheDateOfDeathAndTheDaysWaited() {
        SeriesRegister register = SeriesProjector.fold(List.of(issued(), director("D01", 30), director("D02", 25),
                director("D03", 22), diedAwaitingHeir("D02", "2026-06-01", 25), diedAwaitingHeir("D01", "2026-03-01", 30),
                diedAwaitingHeir("D03", "2026-01-01", 22), inherited("D03", "H03", "2026-02-01", 22)));

        assertThat(Views.awaitingHeir(register, TODAY).toList())
                .extracting(Views.AwaitingHeir::holderId, Views.AwaitingHeir::dateOfDeath,
                        Views.AwaitingHeir::daysWaiting, Views.AwaitingHeir::rightsHeld, Views.AwaitingHeir::lapseDate)
                .containsExactly(tuple("D01", day("2026-03-01"), 271L, 30L, day("2045-07-14")),
                        tuple("D02", day("2026-06-01"), 179L, 25L, day("2045-07-14")));
    }

    @Test
    void fault10_anInheritedHoldingNamesTheAllotteeTheCurrentHolderAndTheHeir() {
        SeriesRegister register = SeriesProjector.fold(List.of(issued(), director("D01", 30),
                diedAwaitingHeir("D01", "2026-09-01", 30), inherited("D01", "H01", "2026-10-01", 30)));
        HoldingView view = Views.holding(register, holding(register, "D01"), TODAY);
        assertThat(view).extracting(HoldingView::holderId, HoldingView::currentHolderId, HoldingView::heirId)
                .containsExactly("D01", "H01", "H01");
    }

    // ---- the projector knows every event

    @Test
    void anEventTheProjectorDoesNotKnowIsAFailureNotANoOp() {
        // The series' events are a sealed family (a new one must be named in SeriesEvent); anything else fails.
        SeriesRegister register = SeriesProjector.fold(List.of(issued()));
        assertThatThrownBy(() -> SeriesProjector.apply(register, "not an event"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyConcreteEventOfTheKernelIsFoldedByTheProjector() {
        Map<Class<?>, SeriesEvent> samples = new LinkedHashMap<>();
        List<SeriesEvent> all = concat(List.of(issued(), director("D01", 30), director("D02", 25),
                        director("D03", 10), allotmentAmount(100_000),
                        new AllotmentAmountCorrected(S, day("2015-07-12"), allotmentAmount(90_000).valuation(),
                                Yen.of(100_000), "typo"),
                        new HolderRoleChanged(S, id("D01"), Role.DIRECTOR, Role.EXECUTIVE_OFFICER, day("2018-01-01")),
                        split("2020-12-31", 200, 400), leftOffice("D01", "2023-06-23"),
                        exercised("D01", "2023-06-30", 5, 400),
                        reversed("D01", ReversibleFact.EXERCISE, "2023-06-30", "2023-07-01", 5, 0),
                        lapsed("D01", 30, LapseReason.WINDOW_AFTER_LEAVING_OFFICE_CLOSED, "2023-07-04"),
                        diedAwaitingHeir("D02", "2024-01-10", 25), inherited("D02", "H02", "2024-02-01", 25)),
                concat(heirDied("D02", "H02", "2024-03-01", 25),
                        List.of(restructured("2030-04-01", io.sartracker.kernel.model.Ratio.of(3, 2), 400, 0),
                                acquired("D03", 10, "2030-02-01", "2030-04-01"))));
        all.forEach(event -> samples.putIfAbsent(event.getClass(), event));
        Set<String> kernelEvents = concreteEventTypes();
        assertThat(kernelEvents).as("the sealed family names the kernel's events").contains("RightsExercised", "SeriesIssued");
        Set<String> sampled = samples.keySet().stream().map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(sampled)
                .as("every concrete event of the kernel has a sample here; a new event needs one, and a case in"
                        + " SeriesProjector.apply")
                .isEqualTo(kernelEvents);

        SeriesRegister register = SeriesProjector.empty();
        all.forEach(event -> SeriesProjector.apply(register, event));
        assertThat(register.seriesId()).isEqualTo(S.value());
    }

    /** The records of the sealed family of series events: every event a series can record. */
    private static Set<String> concreteEventTypes() {
        Set<String> names = new TreeSet<>();
        Deque<Class<?>> open = new ArrayDeque<>(List.of(SeriesEvent.class));
        while (!open.isEmpty()) {
            Class<?> type = open.pop();
            if (type.isSealed()) {
                open.addAll(List.of(type.getPermittedSubclasses()));
            } else {
                names.add(type.getSimpleName());
            }
        }
        return names;
    }

    private static <T> List<T> concat(List<? extends T> first, List<? extends T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
