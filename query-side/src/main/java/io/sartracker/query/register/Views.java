package io.sartracker.query.register;

import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.Terms;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The views the users read, computed from a {@link SeriesRegister} on a given date. */
public final class Views {
    private Views() {
    }

    /** One holding of a person, with what its rights would deliver on the date. */
    public record HoldingView(String seriesId, String seriesName, String issuerId, String holderId,
                              String currentHolderId, Role role, ViewState state, long rightsAllotted,
                              long rightsHeld, long rightsExercised, long rightsLapsed, long rightsAcquired,
                              long sharesPerRight, long sharesDeliverable, LocalDate windowFirstDay,
                              LocalDate windowLastDay, LocalDate lapseDate, String replacedBy,
                              List<ExerciseRecord> exercises) {
    }

    /**
     * What the Companies Act asks of a register of stock acquisition rights, on a date. {@code version}
     * is the series' version the register folded (the sequence number of its last event), when known.
     */
    public record RegisterView(String seriesId, String issuerId, Long version, LocalDate on, Terms terms, long allotted,
                               long outstanding, long exercised, long lapsed, long acquired,
                               long sharesPerRightInForce, List<SharesPerRightStep> sharesPerRightHistory,
                               long allotmentAmountPerRight, long sharesDelivered, long amountPaidIn,
                               long capitalStockAdded, long capitalReserveAdded, String replacedBy,
                               List<HoldingView> holders) {
    }

    /** A window in which rights can be exercised now or soon. */
    public record OpenWindow(String seriesId, String holderId, String currentHolderId, ViewState state,
                             LocalDate firstDay, LocalDate lastDay, long daysLeft, long rightsHeld,
                             long sharesDeliverable) {
    }

    public static HoldingView holding(SeriesRegister series, HoldingRecord h, LocalDate on) {
        ViewState state = ViewState.of(h, series, on);
        long sharesPerRight = series.sharesPerRightOn(on);
        boolean windowShown = state == ViewState.WINDOW_OPEN || state == ViewState.HEIR_WINDOW_OPEN;
        return new HoldingView(series.seriesId(), series.terms().name(), series.issuerId(), h.holderId(),
                h.currentHolderId(), h.role(), state, h.allotted(), h.held(), h.exercised(), h.lapsed(),
                h.acquired(), sharesPerRight, h.held() * sharesPerRight,
                windowShown && h.window() != null ? h.window().firstDay() : null,
                windowShown && h.window() != null ? h.window().lastDay() : null,
                h.lapseDate(), replacedBy(series, on), h.exercises());
    }

    public static RegisterView register(SeriesRegister series, LocalDate on) {
        List<HoldingView> holders = series.holdings().stream().map(h -> holding(series, h, on)).toList();
        List<ExerciseRecord> exercises = series.holdings().stream().flatMap(h -> h.exercises().stream()).toList();
        return new RegisterView(series.seriesId(), series.issuerId(),
                series.version() < 0 ? null : series.version(), on, series.terms(),
                holders.stream().mapToLong(HoldingView::rightsAllotted).sum(),
                holders.stream().mapToLong(HoldingView::rightsHeld).sum(),
                holders.stream().mapToLong(HoldingView::rightsExercised).sum(),
                holders.stream().mapToLong(HoldingView::rightsLapsed).sum(),
                holders.stream().mapToLong(HoldingView::rightsAcquired).sum(),
                series.sharesPerRightOn(on), series.sharesPerRightHistory(), series.allotmentAmountPerRight(),
                exercises.stream().mapToLong(ExerciseRecord::sharesDelivered).sum(),
                exercises.stream().mapToLong(ExerciseRecord::amountPaidIn).sum(),
                exercises.stream().mapToLong(ExerciseRecord::capitalStockIncrease).sum(),
                exercises.stream().mapToLong(ExerciseRecord::capitalReserveIncrease).sum(),
                replacedBy(series, on), holders);
    }

    /** Open windows of the series on the date (including a window starting tomorrow), soonest closing first. */
    public static Stream<OpenWindow> openWindows(SeriesRegister series, LocalDate on) {
        return series.holdings().stream()
                .map(h -> holding(series, h, on))
                .filter(v -> v.windowLastDay() != null)
                .map(v -> new OpenWindow(v.seriesId(), v.holderId(), v.currentHolderId(), v.state(),
                        v.windowFirstDay(), v.windowLastDay(), ChronoUnit.DAYS.between(on, v.windowLastDay()),
                        v.rightsHeld(), v.sharesDeliverable()))
                .sorted(Comparator.comparing(OpenWindow::lastDay).thenComparing(OpenWindow::seriesId)
                        .thenComparing(OpenWindow::holderId));
    }

    private static String replacedBy(SeriesRegister series, LocalDate on) {
        return series.restructuredOn() != null && !on.isBefore(series.restructuredOn())
                ? series.restructuredCompanyName() : null;
    }
}
