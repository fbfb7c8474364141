package io.sartracker.service.notice;

/** What a user may ask to be told. Two of them are told a number of days ahead ({@code daysBefore}). */
public enum NoticeKind {
    /** A holding's exercise window is open (after leaving office, or an heir's). */
    WINDOW_OPENS(false),
    /** An open window's last day is at most daysBefore days away. */
    WINDOW_CLOSING(true),
    /** A holder died and the rights await an heir's inheritance. */
    AWAITING_HEIR(false),
    /** A registration of change is unfiled and its deadline is at most daysBefore days away. */
    REGISTRATION_DUE(true);

    private final boolean daysAhead;

    NoticeKind(boolean daysAhead) {
        this.daysAhead = daysAhead;
    }

    public boolean daysAhead() {
        return daysAhead;
    }
}
