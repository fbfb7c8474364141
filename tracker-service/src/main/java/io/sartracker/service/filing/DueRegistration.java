package io.sartracker.service.filing;

import java.time.LocalDate;

/**
 * A registration of change not marked filed, for whoever reminds people of it.
 *
 * @param key        stable: {@code EXERCISES-yyyy-mm} for a month's exercises, {@code CHANGE-yyyy-mm-dd} for
 *                   the lapses and acquisitions of a day
 * @param changeDate the day the registered matters are as at: the month's last day, or the day of the change
 * @param deadline   two weeks from the change date (Companies Act art. 915)
 */
public record DueRegistration(String issuerId, String key, RegistrationKind kind, LocalDate changeDate,
                              LocalDate deadline) {
}
