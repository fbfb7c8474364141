package io.sartracker.service.filing;

import io.sartracker.service.filing.RegistrationFilings.Filing;

import java.time.LocalDate;

/**
 * A registration of change the recorded facts call for, with its deadline and its filing mark (none while not
 * filed). {@code daysLeft} counts from the business date asked about; negative when overdue.
 */
public record Registration(String issuerId, String key, RegistrationKind kind, LocalDate changeDate,
                           LocalDate deadline, long daysLeft, boolean overdue, Filing filing) {
}
