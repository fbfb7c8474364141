package io.sartracker.service.accounting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A journal entry of a series: its number in the series' journal (the same whatever period is shown), its
 * date, its lines, what it books in English and Japanese, and the event it comes from with the event's
 * recorded inputs, so that every figure can be traced and recomputed.
 */
public record JournalEntry(int number, LocalDate date, Kind kind, String description, String descriptionJa,
                           List<JournalLine> lines, Source source) {

    public enum Kind { ALLOTMENT, EXERCISE, LAPSE, ACQUISITION }

    /**
     * The event an entry comes from: its type, its sequence number in the series' stream (its identity in the
     * audit trail and GET /series/{id}/events), its effective date, the holder it names and its inputs.
     */
    public record Source(String eventType, long sequenceNumber, LocalDate effectiveDate, String holderId,
                         Map<String, Object> inputs) {
    }

    public JournalEntry {
        lines = List.copyOf(lines);
    }

    public long debits() {
        return lines.stream().mapToLong(JournalLine::debit).sum();
    }

    public long credits() {
        return lines.stream().mapToLong(JournalLine::credit).sum();
    }

    /** What the entry adds to the balance of the account (credit balance: credits less debits). */
    long creditMovement(Account account) {
        return lines.stream().filter(l -> l.account() == account).mapToLong(l -> l.credit() - l.debit()).sum();
    }
}
