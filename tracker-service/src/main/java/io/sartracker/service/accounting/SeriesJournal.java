package io.sartracker.service.accounting;

import io.sartracker.kernel.event.AllotmentAmountCorrected;
import io.sartracker.kernel.event.AllotmentAmountDetermined;
import io.sartracker.kernel.event.HoldingEvent;
import io.sartracker.kernel.event.RightsAcquired;
import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.event.RightsExercised;
import io.sartracker.kernel.event.RightsLapsed;
import io.sartracker.kernel.event.SeriesEvent;
import io.sartracker.kernel.valuation.Valuation;
import io.sartracker.query.api.TrackerQueryHandlers.SequencedEvent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.sartracker.service.accounting.Account.CAPITAL_RESERVE;
import static io.sartracker.service.accounting.Account.CAPITAL_STOCK;
import static io.sartracker.service.accounting.Account.CASH_AND_DEPOSITS;
import static io.sartracker.service.accounting.Account.GAIN_ON_CANCELLATION_OF_STOCK_ACQUISITION_RIGHTS;
import static io.sartracker.service.accounting.Account.GAIN_ON_REVERSAL_OF_STOCK_ACQUISITION_RIGHTS;
import static io.sartracker.service.accounting.Account.RETAINED_EARNINGS;
import static io.sartracker.service.accounting.Account.SHARE_BASED_REMUNERATION_EXPENSE;
import static io.sartracker.service.accounting.Account.STOCK_ACQUISITION_RIGHTS;
import static io.sartracker.service.accounting.JournalLine.credit;
import static io.sartracker.service.accounting.JournalLine.debit;

/**
 * The journal entries of a series' events under a standard (README "The accounting journal" gives the
 * sources). The events are the series as known now with reversed facts left out, and the allotment amount is
 * the one last determined or corrected, so the journal is the restated one (ASBJ Statement No. 24 para 21).
 * Splits, consolidations, board adjustments, restructurings, departures, deaths and inheritances change no
 * book value and book nothing.
 */
final class SeriesJournal {
    private SeriesJournal() {
    }

    /** The allotment amount the journal uses: the valuation in force and the events that set it. */
    private record AmountBasis(Valuation valuation, long determinedBy, Long correctedBy, Long previousAmountPerRight,
                               String correctionReason) {
        long perRight() {
            return valuation == null ? 0 : valuation.amountPerRight().amount();
        }
    }

    /** Every entry of the series, in date order, numbered from 1. */
    static List<JournalEntry> entries(List<SequencedEvent> events, AccountingStandard standard) {
        AmountBasis amount = amountBasis(events);
        List<SequencedEvent> booked = events.stream().filter(e -> e.event() instanceof RightsAllotted
                        || e.event() instanceof RightsExercised || e.event() instanceof RightsLapsed
                        || e.event() instanceof RightsAcquired)
                .sorted(Comparator.comparing((SequencedEvent e) -> e.event().effectiveDate())
                        .thenComparingLong(SequencedEvent::sequenceNumber))
                .toList();
        List<JournalEntry> entries = new ArrayList<>();
        for (SequencedEvent e : booked) {
            int number = entries.size() + 1;
            SeriesEvent event = e.event();
            long sequence = e.sequenceNumber();
            if (event instanceof RightsAllotted a) {
                entries.add(allotment(number, sequence, a, amount));
            } else if (event instanceof RightsExercised x) {
                entries.add(exercise(number, sequence, x));
            } else if (event instanceof RightsLapsed l) {
                entries.add(lapse(number, sequence, l, amount, standard));
            } else if (event instanceof RightsAcquired q) {
                entries.add(acquisition(number, sequence, q, amount, standard));
            }
        }
        return entries;
    }

    private static AmountBasis amountBasis(List<SequencedEvent> events) {
        AmountBasis basis = new AmountBasis(null, 0, null, null, null);
        for (SequencedEvent e : events) {
            if (e.event() instanceof AllotmentAmountDetermined d) {
                basis = new AmountBasis(d.valuation(), e.sequenceNumber(), null, null, null);
            } else if (e.event() instanceof AllotmentAmountCorrected c) {
                basis = new AmountBasis(c.valuation(), basis.determinedBy(), e.sequenceNumber(),
                        c.previousAmountPerRight().amount(), c.reason());
            }
        }
        return basis;
    }

    /**
     * ASBJ Statement No. 8 paras 4-5 and IFRS 2 paras 10 and 14: the rights vest at once (no service condition),
     * so their fair value at grant, the allotment amount offset against the remuneration claim, is expensed in
     * full on the allotment date against the rights in net assets (equity).
     */
    private static JournalEntry allotment(int number, long sequence, RightsAllotted a, AmountBasis amount) {
        long rights = a.rights().count();
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("rights", rights);
        inputs.put("amountPerRight", amount.valuation() == null ? null : amount.perRight());
        if (amount.valuation() != null) {
            Valuation v = amount.valuation();
            inputs.put("determinedByEvent", amount.determinedBy());
            inputs.put("valuationDate", v.valuationDate());
            inputs.put("spot", v.spot());
            inputs.put("strike", v.strike());
            inputs.put("years", v.years());
            inputs.put("riskFreeRate", v.riskFreeRate());
            inputs.put("dividendYield", v.dividendYield());
            inputs.put("volatility", v.volatility());
            inputs.put("optionPricePerShare", v.optionPricePerShare());
            inputs.put("sharesPerRight", v.sharesPerRight().shares());
            if (amount.correctedBy() != null) {
                inputs.put("correctedByEvent", amount.correctedBy());
                inputs.put("previousAmountPerRight", amount.previousAmountPerRight());
                inputs.put("correctionReason", amount.correctionReason());
            }
        }
        JournalEntry.Source source = source(a, sequence, inputs);
        if (amount.valuation() == null) {
            return new JournalEntry(number, a.allotmentDate(), JournalEntry.Kind.ALLOTMENT,
                    "Allotment of " + rights + " rights to " + a.holderId().value() + ": no allotment amount is"
                            + " recorded yet, so nothing is booked; determine it to book the expense.",
                    a.holderId().value() + "への新株予約権" + rights + "個の割当: 払込金額が未決定のため計上なし",
                    List.of(), source);
        }
        long yen = rights * amount.perRight();
        String corrected = amount.correctedBy() == null ? "" : "; amount corrected by event #" + amount.correctedBy()
                + " from " + amount.previousAmountPerRight() + " yen, restated (ASBJ Statement No. 24)";
        String correctedJa = amount.correctedBy() == null ? "" : "（イベント#" + amount.correctedBy() + "で"
                + amount.previousAmountPerRight() + "円から訂正・修正再表示）";
        return new JournalEntry(number, a.allotmentDate(), JournalEntry.Kind.ALLOTMENT,
                "Allotment of " + rights + " rights to " + a.holderId().value() + " at " + amount.perRight()
                        + " yen per right (event #" + amount.determinedBy() + ")" + corrected,
                a.holderId().value() + "への新株予約権" + rights + "個の割当（1個当たり" + amount.perRight() + "円）" + correctedJa,
                List.of(debit(SHARE_BASED_REMUNERATION_EXPENSE, yen), credit(STOCK_ACQUISITION_RIGHTS, yen)), source);
    }

    /**
     * ASBJ Statement No. 8 para 8 (IFRS 2 para 23 and IAS 32: within equity): the book value of the rights
     * exercised and the amount paid in become capital stock and capital reserve, as the event records them
     * (Companies Act art. 445, Corporate Accounting Rules art. 17: at least half to capital stock).
     */
    private static JournalEntry exercise(int number, long sequence, RightsExercised x) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("rights", x.rights().count());
        inputs.put("sharesDelivered", x.sharesDelivered());
        inputs.put("sharesPerRight", x.sharesPerRight().shares());
        inputs.put("exercisePricePerShare", x.exercisePricePerShare().amount());
        inputs.put("amountPaidIn", x.amountPaidIn().amount());
        inputs.put("bookValuePerRight", x.bookValuePerRight().amount());
        inputs.put("bookValue", x.bookValue().amount());
        inputs.put("capitalIncreaseLimit", x.capitalIncreaseLimit().amount());
        inputs.put("allotmentAmountRecorded", x.allotmentAmountRecorded());
        List<JournalLine> lines = new ArrayList<>();
        addIfAny(lines, debit(CASH_AND_DEPOSITS, x.amountPaidIn().amount()));
        addIfAny(lines, debit(STOCK_ACQUISITION_RIGHTS, x.bookValue().amount()));
        addIfAny(lines, credit(CAPITAL_STOCK, x.capitalStockIncrease().amount()));
        addIfAny(lines, credit(CAPITAL_RESERVE, x.capitalReserveIncrease().amount()));
        String holder = x.exercisedBy() != null ? x.exercisedBy().value() : x.holderId().value();
        return new JournalEntry(number, x.exerciseDate(), JournalEntry.Kind.EXERCISE,
                "Exercise of " + x.rights().count() + " rights by " + holder + ": " + x.sharesDelivered()
                        + " shares issued" + (x.allotmentAmountRecorded() ? ""
                        : "; no allotment amount was recorded, so the book value is 0"),
                holder + "による新株予約権" + x.rights().count() + "個の行使（" + x.sharesDelivered() + "株発行）",
                lines, source(x, sequence, inputs));
    }

    /**
     * ASBJ Statement No. 8 para 9: the book value of rights that lapse is reversed to profit (新株予約権戻入益).
     * IFRS 2 para 23: no reversal after vesting; the reserve may be transferred within equity (to retained
     * earnings).
     */
    private static JournalEntry lapse(int number, long sequence, RightsLapsed l, AmountBasis amount,
                                      AccountingStandard standard) {
        long rights = l.rights().count();
        long yen = rights * amount.perRight();
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("rights", rights);
        inputs.put("reason", l.reason());
        inputs.put("amountPerRight", amount.perRight());
        Account other = standard == AccountingStandard.ASBJ ? GAIN_ON_REVERSAL_OF_STOCK_ACQUISITION_RIGHTS
                : RETAINED_EARNINGS;
        return new JournalEntry(number, l.lapseDate(), JournalEntry.Kind.LAPSE,
                "Lapse of " + rights + " rights of " + l.holderId().value() + " (" + l.reason() + "): "
                        + (standard == AccountingStandard.ASBJ ? "book value reversed as a gain"
                        : "book value transferred to retained earnings, no gain"),
                l.holderId().value() + "の新株予約権" + rights + "個の失効：" + (standard == AccountingStandard.ASBJ
                        ? "新株予約権戻入益に振替" : "利益剰余金に振替（利益計上なし）"),
                yen == 0 ? List.of() : List.of(debit(STOCK_ACQUISITION_RIGHTS, yen), credit(other, yen)),
                source(l, sequence, inputs));
    }

    /**
     * Acquisition without contribution (RULES.md 9) and cancellation. ASBJ Guidance No. 17: own rights are
     * carried at cost (here nil) and, cancelled, the difference from the book value of the rights goes to profit
     * (新株予約権消却益). IFRS 2 para 23: a transfer within equity, as for a lapse.
     */
    private static JournalEntry acquisition(int number, long sequence, RightsAcquired q, AmountBasis amount,
                                            AccountingStandard standard) {
        long rights = q.rights().count();
        long yen = rights * amount.perRight();
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("rights", rights);
        inputs.put("cause", q.cause());
        inputs.put("approvalDate", q.approvalDate());
        inputs.put("amountPerRight", amount.perRight());
        Account other = standard == AccountingStandard.ASBJ ? GAIN_ON_CANCELLATION_OF_STOCK_ACQUISITION_RIGHTS
                : RETAINED_EARNINGS;
        return new JournalEntry(number, q.acquisitionDate(), JournalEntry.Kind.ACQUISITION,
                "Acquisition without contribution of " + rights + " rights of " + q.holderId().value()
                        + " and their cancellation",
                q.holderId().value() + "の新株予約権" + rights + "個の無償取得・消却",
                yen == 0 ? List.of() : List.of(debit(STOCK_ACQUISITION_RIGHTS, yen), credit(other, yen)),
                source(q, sequence, inputs));
    }

    private static void addIfAny(List<JournalLine> lines, JournalLine line) {
        if (line.debit() != 0 || line.credit() != 0) {
            lines.add(line);
        }
    }

    private static JournalEntry.Source source(SeriesEvent event, long sequence, Map<String, Object> inputs) {
        String holder = event instanceof HoldingEvent h ? h.holderId().value() : null;
        return new JournalEntry.Source(event.getClass().getSimpleName(), sequence, event.effectiveDate(), holder, inputs);
    }
}
