package io.sartracker.kernel.model;

import java.time.LocalDate;
import java.util.Optional;

/** A run of business dates, both ends inclusive, in which rights may be exercised. */
public record ExerciseWindow(LocalDate firstDay, LocalDate lastDay) {
    public ExerciseWindow {
        Require.present(firstDay, "firstDay");
        Require.present(lastDay, "lastDay");
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("window ends (" + lastDay + ") before it starts (" + firstDay + ")");
        }
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }

    /** The part of this window that also lies in the other one, if any. */
    public Optional<ExerciseWindow> cutTo(ExerciseWindow other) {
        LocalDate first = firstDay.isAfter(other.firstDay) ? firstDay : other.firstDay;
        LocalDate last = lastDay.isBefore(other.lastDay) ? lastDay : other.lastDay;
        return last.isBefore(first) ? Optional.empty() : Optional.of(new ExerciseWindow(first, last));
    }

    /** The first day on which the window no longer allows an exercise. */
    public LocalDate dayAfter() {
        return lastDay.plusDays(1);
    }

    @Override
    public String toString() {
        return firstDay + " to " + lastDay;
    }
}
