package io.sartracker.service.filing;

import io.sartracker.service.filing.RegistrationFilings.Filing;

import java.time.LocalDate;
import java.util.List;

/**
 * What a registration of change (変更登記) must state, and the facts behind each figure. For a month's exercises:
 * as at the month's last day, the total number of issued shares and the capital stock (carried forward from the
 * latest share capital statement; none without one), and for each series the rights remaining and the shares
 * they are for. For the lapses and acquisitions of a day: the rights of each series remaining after them.
 * Holders are named by identifier only.
 *
 * @param due       whether anything happened that must be registered (a month without exercises has nothing)
 * @param firstDay  the first day of the period the report covers (the month's first day, or the change date)
 * @param filing    the mark that it was filed, or none
 * @param totals    issued shares and capital as at the change date; none for the lapses and acquisitions of a day
 * @param increases what the month's exercises added; none for the lapses and acquisitions of a day
 */
public record RegistrationReport(String issuerId, String key, RegistrationKind kind, boolean due, LocalDate firstDay,
                                 LocalDate changeDate, LocalDate deadline, Filing filing, Totals totals,
                                 Increases increases, List<SeriesFigures> series, List<Fact> facts) {

    /**
     * The totals as at the change date, carried forward from a share capital statement; without one, none, and
     * {@code missing} says what to record.
     */
    public record Totals(Long issuedShares, Long capitalStock, ShareCapitalStatement statement, String missing) {
    }

    /** What the period's exercises added: shares issued, amount paid in, capital stock and capital reserve. */
    public record Increases(long exercises, long sharesIssued, long amountPaidIn, long capitalStock,
                            long capitalReserve) {
    }

    /**
     * A series as at the change date: the rights remaining (新株予約権の数) and the shares they are for (目的たる
     * 株式の数: remaining x shares per right in force); extinguished when none remain.
     */
    public record SeriesFigures(String seriesId, String name, long rightsRemaining, long sharesPerRight,
                                long sharesForRights, boolean extinguished, long rightsExercisedInPeriod,
                                long rightsLapsedInPeriod, long rightsAcquiredInPeriod) {
    }

    /** What a fact is. */
    public enum FactKind { EXERCISE, SPLIT, CONSOLIDATION, LAPSE, ACQUISITION }

    /**
     * A fact behind a figure. For a split or consolidation the series and holder are none (it is the issuer's).
     * {@code issuedSharesAfter} and {@code capitalStockAfter} are the running totals after it, where a statement
     * precedes it. {@code trace} finds the recorded event in the audit trail.
     */
    public record Fact(LocalDate date, FactKind fact, String seriesId, String holderId, Long rights, String ratio,
                       Long sharesDelivered, Long amountPaidIn, Long capitalStockIncrease, Long capitalReserveIncrease,
                       String reason, boolean inPeriod, Long issuedSharesAfter, Long capitalStockAfter, String trace) {
    }
}
