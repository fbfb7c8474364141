package io.sartracker.service.accounting;

import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.query.FindSeriesEvents;
import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import io.sartracker.query.api.TrackerQueryHandlers.SeriesEvents;
import io.sartracker.service.web.Csv;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletionException;

/** The journals of series, from the query side's restated events, for the API and the pages alike. */
@Component
public class SeriesJournals {
    private final QueryGateway queries;
    private final AccountingStandardChoices choices;
    private final Clock clock;

    public SeriesJournals(QueryGateway queries, AccountingStandardChoices choices, Clock clock) {
        this.queries = queries;
        this.choices = choices;
        this.clock = clock;
    }

    /** The balance of the stock acquisition rights account at the end of a day, under a standard. */
    public record Balance(String seriesId, AccountingStandard standard, LocalDate on, long balance) {
    }

    /**
     * The journal of the period: from the first entry (none given) to today (none given); under the standard
     * named, else the issuer's choice.
     */
    public Journal journal(String seriesId, LocalDate from, LocalDate to, String standard) {
        LocalDate end = to != null ? to : LocalDate.now(clock);
        if (from != null && from.isAfter(end)) {
            throw RuleViolation.of(RuleCode.INVALID_INPUT, "The period starts on " + from + ", after its end " + end
                    + "; give a 'from' on or before 'to'.", "from", from, "to", end);
        }
        SeriesEvents events = events(seriesId);
        AccountingStandard chosen = standardFor(events.issuerId(), standard);
        List<JournalEntry> all = SeriesJournal.entries(events.events(), chosen);
        LocalDate start = from != null ? from : all.stream().map(JournalEntry::date).min(LocalDate::compareTo)
                .filter(first -> !first.isAfter(end)).orElse(end);
        return Journal.of(events.seriesId(), events.issuerId(), chosen, start, end, all);
    }

    public Balance balance(String seriesId, LocalDate on, String standard) {
        LocalDate day = on != null ? on : LocalDate.now(clock);
        SeriesEvents events = events(seriesId);
        AccountingStandard chosen = standardFor(events.issuerId(), standard);
        return new Balance(events.seriesId(), chosen, day,
                Journal.balanceOn(SeriesJournal.entries(events.events(), chosen), day));
    }

    /** One row per journal line, UTF-8 with a byte order mark and CRLF, for an accounting system. */
    public static byte[] csv(Journal journal) {
        return Csv.forExcel(Csv.of(Journal.CSV_HEADER, journal.csvRows()));
    }

    private AccountingStandard standardFor(String issuerId, String standard) {
        return standard != null ? AccountingStandard.named(standard) : choices.of(issuerId).standard();
    }

    private SeriesEvents events(String seriesId) {
        try {
            return queries.query(new FindSeriesEvents(SeriesId.of(seriesId)),
                    ResponseTypes.instanceOf(SeriesEvents.class)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
