package io.sartracker.service.accounting;

import java.time.LocalDate;
import java.util.List;

/**
 * The journal of a series for a period under a standard: its entries dated in the period, the balance of the
 * stock acquisition rights account (新株予約権) the day before the period and at its end, and the totals,
 * debits equal to credits.
 */
public record Journal(String seriesId, String issuerId, AccountingStandard standard, LocalDate from, LocalDate to,
                      long openingBalance, long closingBalance, long totalDebit, long totalCredit,
                      List<JournalEntry> entries) {

    /** The entries of the series' whole journal dated from {@code from} to {@code to}, both included. */
    static Journal of(String seriesId, String issuerId, AccountingStandard standard, LocalDate from, LocalDate to,
                      List<JournalEntry> all) {
        List<JournalEntry> inPeriod = all.stream()
                .filter(e -> !e.date().isBefore(from) && !e.date().isAfter(to)).toList();
        return new Journal(seriesId, issuerId, standard, from, to, balanceOn(all, from.minusDays(1)),
                balanceOn(all, to), inPeriod.stream().mapToLong(JournalEntry::debits).sum(),
                inPeriod.stream().mapToLong(JournalEntry::credits).sum(), inPeriod);
    }

    /** The credit balance of the stock acquisition rights account at the end of the day. */
    static long balanceOn(List<JournalEntry> all, LocalDate day) {
        return all.stream().filter(e -> !e.date().isAfter(day))
                .mapToLong(e -> e.creditMovement(Account.STOCK_ACQUISITION_RIGHTS)).sum();
    }

    /** One CSV row per journal line, for an accounting system. */
    List<List<Object>> csvRows() {
        return entries.stream().flatMap(e -> e.lines().stream().map(l -> List.<Object>of(e.date(), e.number(),
                l.accountCode(), l.accountNameJa(), l.accountNameEn(), l.debit(), l.credit(), e.descriptionJa(),
                e.source().eventType() + " #" + e.source().sequenceNumber()
                        + (e.source().holderId() == null ? "" : " " + e.source().holderId())))).toList();
    }

    static final List<String> CSV_HEADER = List.of("date", "entry", "account_code", "account_name_ja",
            "account_name_en", "debit", "credit", "description", "source_event");
}
