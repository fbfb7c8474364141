package io.sartracker.service.filing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Which registration a key names: the exercises of a month ({@code EXERCISES-2024-03}, registered as at the
 * month's last day, art. 915(3)(i)) or the lapses and acquisitions of a day ({@code CHANGE-2024-03-15}, art.
 * 915(1)). Either way the deadline is two weeks from the change date: the period starts the next day (Civil
 * Code art. 140) and ends on the day before the same weekday two weeks on (art. 143(2)), the 14th day after.
 */
public record RegistrationKey(boolean monthly, LocalDate firstDay, LocalDate changeDate) {
    static final String EXERCISES = "EXERCISES-";
    static final String CHANGE = "CHANGE-";
    static final int WEEKS = 2;

    public static RegistrationKey exercisesOf(YearMonth month) {
        return new RegistrationKey(true, month.atDay(1), month.atEndOfMonth());
    }

    public static RegistrationKey changeOn(LocalDate day) {
        return new RegistrationKey(false, day, day);
    }

    public static RegistrationKey parse(String key) {
        try {
            if (key != null && key.startsWith(EXERCISES)) {
                return exercisesOf(YearMonth.parse(key.substring(EXERCISES.length())));
            }
            if (key != null && key.startsWith(CHANGE)) {
                return changeOn(LocalDate.parse(key.substring(CHANGE.length())));
            }
        } catch (DateTimeException e) {
            // refused below, with the forms a key takes
        }
        throw new IllegalArgumentException("key is EXERCISES-yyyy-mm (a month's exercises) or CHANGE-yyyy-mm-dd (the"
                + " lapses and acquisitions of a day), was '" + key + "'");
    }

    public LocalDate deadline() {
        return changeDate.plusWeeks(WEEKS);
    }

    @Override
    public String toString() {
        return monthly ? EXERCISES + YearMonth.from(changeDate) : CHANGE + changeDate;
    }
}
