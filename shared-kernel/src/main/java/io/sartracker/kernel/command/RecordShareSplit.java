package io.sartracker.kernel.command;

import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Ratio;
import io.sartracker.kernel.model.Require;

import java.time.LocalDate;

/**
 * The issuer split its shares. Applies from the day after the record date; a split conditional on
 * the shareholders' meeting (record date = the day before it closes) applies from the day after
 * the meeting closes (3). Applies to every series of the issuer with rights outstanding.
 */
public record RecordShareSplit(IssuerId issuerId, Ratio ratio, LocalDate recordDate, LocalDate meetingClosingDate) {
    public RecordShareSplit {
        Require.present(issuerId, "issuerId");
        Require.present(ratio, "ratio");
        Require.date(recordDate, "recordDate");
        Require.optionalDate(meetingClosingDate, "meetingClosingDate");
    }

    public boolean conditionalOnMeeting() {
        return meetingClosingDate != null;
    }

    /** The day the split applies from: the day after the record date, or after the meeting closes (3). */
    public LocalDate appliesFrom() {
        return conditionalOnMeeting() ? meetingClosingDate.plusDays(1) : recordDate.plusDays(1);
    }
}
