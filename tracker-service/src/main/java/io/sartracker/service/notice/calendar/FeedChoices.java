package io.sartracker.service.notice.calendar;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a calendar feed holds: the last day of each window after leaving office (and, if chosen, its first
 * day), the last day of each heir's window, the registrations of change due, and how many days before each
 * event its reminder rings (0: none).
 */
public record FeedChoices(boolean leavingOfficeWindows, boolean windowFirstDays, boolean heirWindows,
                          boolean registrationDeadlines, int reminderDays) {
    /** A reminder further ahead than a month rings before most windows have even opened. */
    public static final int MAX_REMINDER_DAYS = 30;
    public static final FeedChoices DEFAULT = new FeedChoices(true, false, true, true, 3);

    public FeedChoices {
        if (reminderDays < 0 || reminderDays > MAX_REMINDER_DAYS) {
            throw new IllegalArgumentException("reminderDays is 0 (no reminder) to " + MAX_REMINDER_DAYS
                    + ", was " + reminderDays);
        }
    }

    /** The choices as a request gives them: a field left out keeps its value in {@code base}. */
    @Schema(name = "CalendarFeedChoices", description = "A choice left out keeps its value.")
    public record Request(Boolean leavingOfficeWindows, Boolean windowFirstDays, Boolean heirWindows,
                          Boolean registrationDeadlines, Integer reminderDays) {
        public FeedChoices over(FeedChoices base) {
            return new FeedChoices(or(leavingOfficeWindows, base.leavingOfficeWindows()),
                    or(windowFirstDays, base.windowFirstDays()), or(heirWindows, base.heirWindows()),
                    or(registrationDeadlines, base.registrationDeadlines()),
                    reminderDays == null ? base.reminderDays() : reminderDays);
        }

        private static boolean or(Boolean given, boolean kept) {
            return given == null ? kept : given;
        }
    }
}
