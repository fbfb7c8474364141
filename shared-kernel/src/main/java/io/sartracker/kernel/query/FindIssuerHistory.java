package io.sartracker.kernel.query;

import io.sartracker.kernel.model.IssuerId;

import java.time.LocalDate;

/**
 * Every series of an issuer as of a business date, each with the events its as-of register folds:
 * what an export of the issuer's whole history (the Open Cap Format package) is built from.
 * Without a date: as of today.
 */
public record FindIssuerHistory(IssuerId issuerId, LocalDate asOf) {
}
