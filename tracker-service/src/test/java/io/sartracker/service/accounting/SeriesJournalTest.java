package io.sartracker.service.accounting;

import io.sartracker.kernel.event.AllotmentAmountCorrected;
import io.sartracker.kernel.event.AllotmentAmountDetermined;
import io.sartracker.kernel.event.RightsAcquired;
import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.model.AcquisitionCause;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.model.Yen;
import io.sartracker.kernel.valuation.Valuation;
import io.sartracker.query.api.TrackerQueryHandlers.SequencedEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The entries the journal derives from events: no invented amount, a correction restating, an acquisition. */
class SeriesJournalTest {
    private static final SeriesId S = SeriesId.of("S");
    private static final LocalDate ALLOTMENT = LocalDate.of(2015, 7, 13);
    private static final RightsAllotted ALLOTTED = new RightsAllotted(S, HolderId.of("D01"), Role.DIRECTOR,
            Rights.of(10), ALLOTMENT);

    @Test
    void anAllotmentWithoutAnAmountBooksNothingAndSaysSo() {
        List<JournalEntry> entries = SeriesJournal.entries(List.of(new SequencedEvent(1, ALLOTTED)),
                AccountingStandard.ASBJ);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).lines()).isEmpty();
        assertThat(entries.get(0).description()).contains("no allotment amount is recorded");
        assertThat(entries.get(0).source().inputs().get("amountPerRight")).isNull();
    }

    @Test
    void aCorrectedAmountRestatesTheAllotmentAndNamesTheCorrectingEvent() {
        List<JournalEntry> entries = SeriesJournal.entries(List.of(
                new SequencedEvent(1, new AllotmentAmountDetermined(S, ALLOTMENT, valuation(1000))),
                new SequencedEvent(2, ALLOTTED),
                new SequencedEvent(3, new AllotmentAmountCorrected(S, ALLOTMENT.plusDays(5), valuation(1200),
                        Yen.of(1000), "spot mistyped"))), AccountingStandard.IFRS);
        JournalEntry allotment = entries.get(0);
        assertThat(allotment.lines()).extracting(JournalLine::account, JournalLine::debit, JournalLine::credit)
                .containsExactly(tuple(Account.SHARE_BASED_REMUNERATION_EXPENSE, 12_000L, 0L),
                        tuple(Account.STOCK_ACQUISITION_RIGHTS, 0L, 12_000L));
        assertThat(allotment.description()).contains("corrected by event #3", "from 1000 yen");
        assertThat(allotment.source().inputs()).containsEntry("correctedByEvent", 3L)
                .containsEntry("previousAmountPerRight", 1000L).containsEntry("determinedByEvent", 1L);
    }

    @Test
    void anAcquisitionIsAGainUnderAsbjAndATransferUnderIfrs() {
        List<SequencedEvent> events = List.of(
                new SequencedEvent(1, new AllotmentAmountDetermined(S, ALLOTMENT, valuation(1000))),
                new SequencedEvent(2, ALLOTTED),
                new SequencedEvent(3, new RightsAcquired(S, HolderId.of("D01"), Rights.of(10),
                        AcquisitionCause.SHARE_EXCHANGE, LocalDate.of(2020, 1, 10), LocalDate.of(2020, 2, 1))));
        JournalEntry asbj = SeriesJournal.entries(events, AccountingStandard.ASBJ).get(1);
        assertThat(asbj.lines()).extracting(JournalLine::account).containsExactly(Account.STOCK_ACQUISITION_RIGHTS,
                Account.GAIN_ON_CANCELLATION_OF_STOCK_ACQUISITION_RIGHTS);
        assertThat(asbj.credits()).isEqualTo(asbj.debits()).isEqualTo(10_000);
        JournalEntry ifrs = SeriesJournal.entries(events, AccountingStandard.IFRS).get(1);
        assertThat(ifrs.lines()).extracting(JournalLine::account).containsExactly(Account.STOCK_ACQUISITION_RIGHTS,
                Account.RETAINED_EARNINGS);
        assertThat(Journal.balanceOn(SeriesJournal.entries(events, AccountingStandard.IFRS),
                LocalDate.of(2020, 2, 1))).isZero();
    }

    private static Valuation valuation(long amountPerRight) {
        return new Valuation(Valuation.BLACK_SCHOLES_WITH_DIVIDEND_YIELD, ALLOTMENT, new BigDecimal("1000"),
                BigDecimal.ONE, new BigDecimal("15"), new BigDecimal("0.01"), new BigDecimal("20"), 0.02, 0.3,
                Valuation.VolatilitySource.GIVEN, null, null, List.of(), 1.0, amountPerRight / 200.0,
                SharesPerRight.of(200), Yen.of(amountPerRight));
    }
}
