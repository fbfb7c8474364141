package io.sartracker.kernel.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The terms of issue of one series, as data: the 5th series is one example of them (RULES.md 1).
 *
 * @param windowAfterLeavingOfficeDays days D+1..D+n after losing office (11)-2
 * @param heirWindowMonths             months from inheriting in which the heir may exercise (11)-3
 * @param transferAllowed              whether the terms allow a transfer with board approval (7);
 *                                     false for the 5th series (11)-4
 */
public record Terms(
        String name,
        String issuerName,
        LocalDate resolutionDate,
        Rights maximumRights,
        SharesPerRight sharesPerRightAtIssue,
        Yen exercisePricePerShare,
        ExerciseWindow exercisePeriod,
        LocalDate allotmentDate,
        LocalDate paymentDate,
        int windowAfterLeavingOfficeDays,
        int heirWindowMonths,
        boolean transferAllowed,
        Set<Role> eligibleRoles) {

    public Terms {
        name = Require.text(name, "name");
        issuerName = Require.text(issuerName, "issuerName");
        Require.present(resolutionDate, "resolutionDate");
        Require.present(maximumRights, "maximumRights");
        Require.positive(maximumRights.count(), "maximumRights");
        Require.present(sharesPerRightAtIssue, "sharesPerRightAtIssue");
        Require.positive(sharesPerRightAtIssue.shares(), "sharesPerRightAtIssue");
        Require.present(exercisePricePerShare, "exercisePricePerShare");
        Require.present(exercisePeriod, "exercisePeriod");
        Require.present(allotmentDate, "allotmentDate");
        paymentDate = paymentDate == null ? allotmentDate : paymentDate;
        Require.positive(windowAfterLeavingOfficeDays, "windowAfterLeavingOfficeDays");
        Require.positive(heirWindowMonths, "heirWindowMonths");
        // In the order the roles are declared: every JVM writes the same JSON for the same terms.
        eligibleRoles = Collections.unmodifiableSet(eligibleRoles == null || eligibleRoles.isEmpty()
                ? EnumSet.allOf(Role.class) : EnumSet.copyOf(eligibleRoles));
        if (allotmentDate.isBefore(resolutionDate)) {
            throw new IllegalArgumentException("allotmentDate " + allotmentDate + " is before the resolution " + resolutionDate);
        }
    }

    /** The longest window after losing office that terms may give, in days (about 100 years). */
    public static final int MAX_WINDOW_DAYS = 36_600;
    /** The longest window of an heir that terms may give, in months (100 years). */
    public static final int MAX_HEIR_WINDOW_MONTHS = 1_200;

    /**
     * Terms a board can actually resolve: checked when a series is issued (not when a recorded event
     * is read back, so that history recorded before these checks still reads). Names of at most
     * {@value Require#MAX_NAME_LENGTH} characters, every date in 1900..2200, a positive exercise price,
     * payment and allotment on or before the first day of the exercise period.
     *
     * @return these terms
     * @throws IllegalArgumentException naming the field that contradicts the others
     */
    public Terms requireSound() {
        Require.name(name, "terms.name");
        Require.name(issuerName, "terms.issuerName");
        Require.date(resolutionDate, "terms.resolutionDate");
        Require.date(allotmentDate, "terms.allotmentDate");
        Require.date(paymentDate, "terms.paymentDate");
        Require.date(exercisePeriod.firstDay(), "terms.exercisePeriod.firstDay");
        Require.date(exercisePeriod.lastDay(), "terms.exercisePeriod.lastDay");
        Require.positive(exercisePricePerShare.amount(), "terms.exercisePricePerShare");
        if (allotmentDate.isAfter(exercisePeriod.firstDay())) {
            throw new IllegalArgumentException("terms.allotmentDate " + allotmentDate
                    + " is after the first day of the exercise period " + exercisePeriod.firstDay());
        }
        if (paymentDate.isAfter(exercisePeriod.firstDay())) {
            throw new IllegalArgumentException("terms.paymentDate " + paymentDate
                    + " is after the first day of the exercise period " + exercisePeriod.firstDay());
        }
        if (windowAfterLeavingOfficeDays > MAX_WINDOW_DAYS) {
            throw new IllegalArgumentException("terms.windowAfterLeavingOfficeDays must be at most " + MAX_WINDOW_DAYS
                    + ", was " + windowAfterLeavingOfficeDays);
        }
        if (heirWindowMonths > MAX_HEIR_WINDOW_MONTHS) {
            throw new IllegalArgumentException("terms.heirWindowMonths must be at most " + MAX_HEIR_WINDOW_MONTHS
                    + ", was " + heirWindowMonths);
        }
        return this;
    }

    /** The 5th series of the seed notice, as RULES.md section 1 reads it. */
    public static Terms fifthSeries() {
        return new Terms(
                "Internet Initiative Japan Inc. Stock Acquisition Rights (5th series)",
                "Internet Initiative Japan Inc.",
                LocalDate.of(2015, 6, 26),
                Rights.of(230),
                SharesPerRight.of(200),
                Yen.of(1),
                new ExerciseWindow(LocalDate.of(2015, 7, 14), LocalDate.of(2045, 7, 13)),
                LocalDate.of(2015, 7, 13),
                LocalDate.of(2015, 7, 13),
                10,
                6,
                false,
                Set.of(Role.DIRECTOR, Role.EXECUTIVE_OFFICER));
    }
}
