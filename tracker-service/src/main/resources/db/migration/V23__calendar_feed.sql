-- Calendar feeds (issue 12): each user's subscribable iCalendar of the windows' last days. The secret in the
-- feed's address is never stored: only its SHA-256 (hex), so a copy of the database opens no feed. One feed
-- per user; a new address replaces the row's hash, and the old address stops answering.
create table calendar_feed (
    username               varchar(200) not null primary key,
    token_sha256           char(64)     not null,
    -- what the feed holds
    leaving_office_windows boolean      not null,
    window_first_days      boolean      not null,
    heir_windows           boolean      not null,
    registration_deadlines boolean      not null,
    -- days before an event its reminder (VALARM) rings; 0 for none
    reminder_days          integer      not null,
    created_at             timestamp with time zone not null,
    created_by             varchar(200) not null,
    changed_at             timestamp with time zone not null
);
create unique index ux_calendar_feed_token on calendar_feed (token_sha256);
