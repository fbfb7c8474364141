package io.sartracker.service.filing;

/** What a registration of change (変更登記) registers. */
public enum RegistrationKind {
    /** The month's exercises: issued shares, capital and the rights remaining, as at the month's last day. */
    MONTHLY_EXERCISES,
    /** Rights lapsed (新株予約権の消滅, art. 287): the number of rights of a series changed. */
    LAPSE,
    /** Rights acquired by the company (and cancelled): the number of rights of a series changed. */
    ACQUISITION,
    /** A lapse or acquisition left nothing of a series: the series is extinguished (消滅). */
    SERIES_EXTINGUISHED
}
