package io.sartracker.query.register;

import io.sartracker.kernel.model.AdjustmentCause;
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

    /**
     * One holding of a person, with what its rights would deliver on the date. {@code holderId} is the
     * allottee, {@code currentHolderId} who holds the rights now (the heir once one inherited) and
     * {@code heirId} the heir, if any: an inherited holding is found by either identifier and always
     * names both. {@code lapseDate} is the date of the recorded lapse (or acquisition) once there is one,
     * else the date the lapse will carry when it is recorded; none for a holding fully exercised or in office.
     * {@code allotments} are the allottee's allotments with their dates, oldest first; {@code inheritanceDate} the
     * day the heir acquired the rights, once one inherited.
     */
    public record HoldingView(String seriesId, String seriesName, String issuerId, String holderId,
                              String currentHolderId, String heirId, Role role, ViewState state, long rightsAllotted,
                              long rightsHeld, long rightsExercised, long rightsLapsed, long rightsAcquired,
                              long sharesPerRight, long sharesDeliverable, LocalDate windowFirstDay,
                              LocalDate windowLastDay, LocalDate lapseDate, String replacedBy,
                              List<ExerciseRecord> exercises, List<AllotmentRecord> allotments,
                              LocalDate inheritanceDate) {
    }

    /**
     * What the Companies Act asks of a register of stock acquisition rights, on a date. {@code version}
     * is the series' version the register folded (the sequence number of its last event), when known.
     */
    public record RegisterView(String seriesId, String issuerId, Long version, LocalDate on, Terms terms, long allotted,
                               long outstanding, long exercised, long lapsed, long acquired,
                               long sharesPerRightInForce, List<Step> sharesPerRightHistory,
                               long allotmentAmountPerRight, long sharesDelivered, long amountPaidIn,
                               long capitalStockAdded, long capitalReserveAdded, String replacedBy,
                               List<HoldingView> holders) {
    }

    /**
     * A step of the shares-per-right history; {@code scheduled} when it applies only after the view's
     * date (a split, consolidation, board adjustment or restructuring recorded in advance).
     */
    public record Step(LocalDate appliesFrom, long sharesPerRight, AdjustmentCause cause, String ratio,
                       String reason, boolean scheduled) {
    }

    /**
     * A holding whose holder died with rights to inherit and whose heir has not inherited yet on the
     * date: since when ({@code dateOfDeath}), for how many days, and when the rights lapse if nobody
     * inherits ({@code lapseDate}, the day after the exercise period).
     */
    public record AwaitingHeir(String seriesId, String holderId, LocalDate dateOfDeath, long daysWaiting,
                               long rightsHeld, long sharesDeliverable, LocalDate lapseDate) {
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
        return new HoldingView(series.seriesId(), series.terms().name(), series.issuerIdOn(on), h.holderId(),
                h.currentHolderId(), h.heirId(), h.role(), state, h.allotted(), h.held(), h.exercised(), h.lapsed(),
                h.acquired(), sharesPerRight, h.held() * sharesPerRight,
                windowShown && h.window() != null ? h.window().firstDay() : null,
                windowShown && h.window() != null ? h.window().lastDay() : null,
                lapseDate(series, h, state), replacedBy(series, on), h.exercises(), h.allotments(),
                h.inheritanceDate());
    }

    /** RULES.md 13: the recorded lapse's date, else the date a due or coming lapse will carry. */
    static LocalDate lapseDate(SeriesRegister series, HoldingRecord h, ViewState state) {
        return switch (state) {
            case FULLY_EXERCISED, IN_OFFICE -> null;
            case LAPSED -> h.lapsedOn() != null ? h.lapsedOn() : h.lapseDate();
            case ACQUIRED -> h.acquiredOn();
            // in office or awaiting an heir when the period ended: the lapse carries the day after it
            case LAPSE_DUE -> h.lapseDate() != null ? h.lapseDate() : series.exercisePeriod().dayAfter();
            case WINDOW_OPEN, AWAITING_HEIR, HEIR_WINDOW_OPEN -> h.lapseDate();
        };
    }

    /** The shares-per-right history read on a date: steps applying after it are scheduled. */
    public static List<Step> sharesPerRightHistory(SeriesRegister series, LocalDate on) {
        return series.sharesPerRightHistory().stream()
                .map(s -> new Step(s.appliesFrom(), s.sharesPerRight(), s.cause(), s.ratio(), s.reason(),
                        s.appliesFrom().isAfter(on)))
                .toList();
    }

    public static RegisterView register(SeriesRegister series, LocalDate on) {
        List<HoldingView> holders = series.holdings().stream().map(h -> holding(series, h, on)).toList();
        List<ExerciseRecord> exercises = series.holdings().stream().flatMap(h -> h.exercises().stream()).toList();
        SeriesTotals totals = totals(series, on);
        return new RegisterView(series.seriesId(), series.issuerIdOn(on),
                series.version() < 0 ? null : series.version(), on, series.terms(), totals.allotted(),
                totals.outstanding(), totals.exercised(), totals.lapsed(), totals.acquired(),
                totals.sharesPerRightInForce(), sharesPerRightHistory(series, on), series.allotmentAmountPerRight(),
                exercises.stream().mapToLong(ExerciseRecord::sharesDelivered).sum(),
                exercises.stream().mapToLong(ExerciseRecord::amountPaidIn).sum(),
                exercises.stream().mapToLong(ExerciseRecord::capitalStockIncrease).sum(),
                exercises.stream().mapToLong(ExerciseRecord::capitalReserveIncrease).sum(),
                totals.replacedBy(), holders);
    }

    /** The series' rights in total on a date, and what applies on it: the register's figures above its holders. */
    public record SeriesTotals(long allotted, long outstanding, long exercised, long lapsed, long acquired,
                               long sharesPerRightInForce, String replacedBy) {
    }

    /**
     * The register's totals on a date without each holder's view: the register projection stores them with every
     * batch, and building the whole view for them (each holder's exercises copied) was most of its work on a series
     * of many holders (BENCHMARKS.md, change 51).
     */
    public static SeriesTotals totals(SeriesRegister series, LocalDate on) {
        long allotted = 0;
        long outstanding = 0;
        long exercised = 0;
        long lapsed = 0;
        long acquired = 0;
        for (HoldingRecord h : series.holdings()) {
            allotted += h.allotted();
            outstanding += h.held();
            exercised += h.exercised();
            lapsed += h.lapsed();
            acquired += h.acquired();
        }
        return new SeriesTotals(allotted, outstanding, exercised, lapsed, acquired, series.sharesPerRightOn(on),
                replacedBy(series, on));
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

    /** Holdings awaiting an heir on the date, longest waiting first. */
    public static Stream<AwaitingHeir> awaitingHeir(SeriesRegister series, LocalDate on) {
        return series.holdings().stream()
                .filter(h -> ViewState.of(h, series, on) == ViewState.AWAITING_HEIR)
                .map(h -> {
                    long sharesPerRight = series.sharesPerRightOn(on);
                    return new AwaitingHeir(series.seriesId(), h.holderId(), h.dateOfDeath(),
                            ChronoUnit.DAYS.between(h.dateOfDeath(), on), h.held(), h.held() * sharesPerRight,
                            h.lapseDate());
                })
                .sorted(AWAITING_ORDER);
    }

    /** Longest waiting first, then by series and holder. */
    public static final Comparator<AwaitingHeir> AWAITING_ORDER = Comparator.comparing(AwaitingHeir::dateOfDeath)
            .thenComparing(AwaitingHeir::seriesId).thenComparing(AwaitingHeir::holderId);

    private static String replacedBy(SeriesRegister series, LocalDate on) {
        return series.restructuredOn() != null && !on.isBefore(series.restructuredOn())
                ? series.restructuredCompanyName() : null;
    }
}
