package io.sartracker.service.filing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The issuer's registered share capital as at a date: the total number of issued shares (発行済株式の総数) and
 * the capital stock (資本金の額, whole yen) as the commercial register states them, with where the figures
 * come from, and who kept them when.
 */
public record ShareCapitalStatement(long statementId, String issuerId, LocalDate asAt, long issuedShares,
                                    long capitalStock, String source, Instant recordedAt, String recordedBy) {
}
