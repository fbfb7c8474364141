package io.sartracker.query.api;

import io.sartracker.kernel.event.SeriesEvent;
import io.sartracker.kernel.query.FindAuditTrail;
import io.sartracker.kernel.query.FindAwaitingHeir;
import io.sartracker.kernel.query.FindHolder;
import io.sartracker.kernel.query.FindIssuerHistory;
import io.sartracker.kernel.query.FindOpenWindows;
import io.sartracker.kernel.query.FindRegister;
import io.sartracker.kernel.query.FindSeries;
import io.sartracker.kernel.query.FindSeriesEvents;
import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import io.sartracker.query.history.HistoryWindow;
import io.sartracker.query.history.RecordedEvent;
import io.sartracker.query.history.SeriesHistories;
import io.sartracker.query.register.SeriesProjector;
import io.sartracker.query.register.SeriesRegister;
import io.sartracker.query.register.Views;
import io.sartracker.query.store.AuditStore;
import io.sartracker.query.store.HoldingHistories;
import io.sartracker.query.store.ProjectionGenerations;
import io.sartracker.query.store.RegisterStore;
import org.axonframework.queryhandling.QueryHandler;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Answers the queries of reporting and compliance. Today's views come from the stored projection;
 * a view as of a date or as known at an instant is folded from the events by the same projector.
 */
public class TrackerQueryHandlers {
    private final RegisterStore registers;
    private final AuditStore audit;
    private final ProjectionGenerations generations;
    private final SeriesHistories histories;
    private final HoldingHistories holdingHistories;
    private final Clock clock;

    public TrackerQueryHandlers(RegisterStore registers, AuditStore audit, ProjectionGenerations generations,
                                SeriesHistories histories, HoldingHistories holdingHistories, Clock clock) {
        this.registers = registers;
        this.audit = audit;
        this.generations = generations;
        this.histories = histories;
        this.holdingHistories = holdingHistories;
        this.clock = clock;
    }

    public record HolderView(String personId, LocalDate on, Instant knownAt, List<Views.HoldingView> holdings) {
    }

    /** A page of open windows; {@code total} counts all pages. */
    public record WindowPage(List<Views.OpenWindow> items, int page, int size, long total) {
    }

    /** A page of holdings awaiting an heir; {@code total} counts all pages. */
    public record AwaitingHeirPage(LocalDate on, List<Views.AwaitingHeir> items, int page, int size, long total) {
    }

    /** A page of the audit trail; {@code total} counts all pages. */
    public record AuditPage(List<AuditStore.AuditEntry> items, int page, int size, long total) {
        public AuditPage withoutPayloads() {
            return new AuditPage(items.stream().map(AuditStore.AuditEntry::withoutPayload).toList(), page, size, total);
        }
    }

    @QueryHandler
    public HolderView holder(FindHolder query) {
        String person = query.personId().value();
        LocalDate on = dayOf(query.asOf(), query.knownAt());
        Set<String> seriesIds = new LinkedHashSet<>(registers.seriesOfPerson(registerGeneration(), person));
        seriesIds.addAll(audit.seriesOfPerson(generations.active(AuditStore.PROJECTION), person));
        List<Views.HoldingView> holdings = seriesIds.stream()
                // the person's holdings fold as in the whole series, from a few of its events
                .map(id -> register(id, query.asOf(), query.knownAt(), () -> holdingHistories.of(id, person)))
                .filter(r -> r.seriesId() != null)
                .flatMap(r -> r.holdings().stream()
                        .filter(h -> h.holderId().equals(person) || person.equals(h.currentHolderId())
                                || person.equals(h.heirId()))
                        .map(h -> Views.holding(r, h, on)))
                .toList();
        if (holdings.isEmpty()) {
            throw RuleViolation.of(RuleCode.UNKNOWN_HOLDER, "No rights are recorded for " + person
                    + (query.asOf() != null ? " as of " + query.asOf() : "") + ".", "holderId", person);
        }
        return new HolderView(person, on, query.knownAt(), holdings);
    }

    /** One line per series: what it is and where its rights stand today. */
    public record SeriesSummary(String seriesId, String issuerId, String name, long allotted, long outstanding,
                                long exercised, long lapsed, long acquired, long sharesPerRightInForce,
                                String replacedBy) {
    }

    public record SeriesList(List<SeriesSummary> series) {
    }

    /**
     * The stored totals of each series that they answer for today; the others (a fact dated after today, a
     * change scheduled after it, a document of another shape) read as the register does.
     */
    @QueryHandler
    public SeriesList series(FindSeries query) {
        LocalDate today = LocalDate.now(clock);
        int generation = registerGeneration();
        return new SeriesList(registers.totals(generation, today).stream()
                .map(totals -> totals.answers() ? Optional.of(summary(totals))
                        : summaryRead(generation, totals.seriesId(), today))
                .flatMap(Optional::stream)
                .filter(summary -> query.issuerId() == null || query.issuerId().equals(summary.latestIssuerId()))
                .map(SeriesWithIssuer::summary)
                .toList());
    }

    /** A line of the list, with the issuer the series now belongs to, by which the list is filtered. */
    private record SeriesWithIssuer(SeriesSummary summary, String latestIssuerId) {
    }

    private static SeriesWithIssuer summary(RegisterStore.StoredTotals totals) {
        return new SeriesWithIssuer(new SeriesSummary(totals.seriesId(), totals.issuerId(), totals.name(),
                totals.allotted(), totals.outstanding(), totals.exercised(), totals.lapsed(), totals.acquired(),
                totals.sharesPerRightInForce(), totals.replacedBy()), totals.issuerId());
    }

    private Optional<SeriesWithIssuer> summaryRead(int generation, String seriesId, LocalDate today) {
        SeriesRegister register = registerOn(generation, seriesId, today);
        if (register.seriesId() == null) {
            return Optional.empty();
        }
        Views.RegisterView v = Views.register(register, today);
        return Optional.of(new SeriesWithIssuer(new SeriesSummary(v.seriesId(), v.issuerId(), v.terms().name(),
                v.allotted(), v.outstanding(), v.exercised(), v.lapsed(), v.acquired(), v.sharesPerRightInForce(),
                v.replacedBy()), register.issuerId()));
    }

    @QueryHandler
    public Views.RegisterView register(FindRegister query) {
        SeriesRegister register = register(query.seriesId().value(), query.asOf(), query.knownAt());
        if (register.seriesId() == null) {
            throw RuleViolation.of(RuleCode.UNKNOWN_SERIES, "No series " + query.seriesId() + " is recorded"
                    + (query.knownAt() != null ? " at " + query.knownAt() : "") + ".", "seriesId", query.seriesId());
        }
        return Views.register(register, dayOf(query.asOf(), query.knownAt()));
    }

    @QueryHandler
    public WindowPage openWindows(FindOpenWindows query) {
        LocalDate on = dayOf(query.on(), query.knownAt());
        int generation = registerGeneration();
        List<Views.OpenWindow> windows = (query.knownAt() != null ? registers.allSeries(generation)
                : candidates(generation, on, registers.seriesWithWindowsEndingFrom(generation, on)))
                .stream()
                .map(id -> seriesOn(generation, id, on, query.knownAt()))
                .filter(r -> r.seriesId() != null)
                .flatMap(r -> Views.openWindows(r, on))
                .filter(w -> query.closingWithinDays() == null || w.daysLeft() <= query.closingWithinDays())
                .sorted(Comparator.comparing(Views.OpenWindow::lastDay).thenComparing(Views.OpenWindow::seriesId)
                        .thenComparing(Views.OpenWindow::holderId))
                .toList();
        return new WindowPage(windows.stream().skip((long) query.page() * query.size()).limit(query.size()).toList(),
                query.page(), query.size(), windows.size());
    }

    @QueryHandler
    public AwaitingHeirPage awaitingHeir(FindAwaitingHeir query) {
        LocalDate on = dayOf(query.on(), query.knownAt());
        int generation = registerGeneration();
        List<Views.AwaitingHeir> waiting = (query.knownAt() != null ? registers.allSeries(generation)
                : candidates(generation, on, registers.seriesAwaitingHeir(generation)))
                .stream()
                .map(id -> seriesOn(generation, id, on, query.knownAt()))
                .filter(r -> r.seriesId() != null)
                .flatMap(r -> Views.awaitingHeir(r, on))
                .sorted(Views.AWAITING_ORDER)
                .toList();
        return new AwaitingHeirPage(on, waiting.stream().skip((long) query.page() * query.size()).limit(query.size())
                .toList(), query.page(), query.size(), waiting.size());
    }

    @QueryHandler
    public AuditPage auditTrail(FindAuditTrail query) {
        int generation = generations.active(AuditStore.PROJECTION);
        AuditStore.AuditFilter filter = new AuditStore.AuditFilter(query.seriesId(), query.holderId(),
                query.effectiveFrom(), query.effectiveTo(), query.recordedFrom(), query.recordedTo());
        return new AuditPage(audit.find(generation, filter, query.newestFirst(), query.page(), query.size()), query.page(), query.size(),
                audit.count(generation, filter));
    }

    /**
     * A series as of a date: its register and the events folded into it, in their recorded order,
     * reversed facts and their reversals left out, and without the corporate actions scheduled after
     * the date (the register still knows those as scheduled steps).
     */
    public record SeriesHistory(SeriesRegister register, List<SeriesEvent> events) {
    }

    /** Every series of an issuer as of a date, by series identifier. */
    public record IssuerHistory(String issuerId, LocalDate on, List<SeriesHistory> series) {
    }

    @QueryHandler
    public IssuerHistory issuerHistory(FindIssuerHistory query) {
        String issuerId = query.issuerId().value();
        LocalDate on = query.asOf() != null ? query.asOf() : LocalDate.now(clock);
        HistoryWindow window = HistoryWindow.asOf(on);
        List<SeriesHistory> series = registers.allSeries(registerGeneration()).stream().sorted()
                .map(id -> window.chosen(history(id)).stream().map(RecordedEvent::payload).toList())
                .map(events -> new SeriesHistory(SeriesProjector.fold(events),
                        events.stream().filter(e -> !e.effectiveDate().isAfter(on)).toList()))
                .filter(s -> s.register().seriesId() != null && issuerId.equals(s.register().issuerIdOn(on)))
                .toList();
        if (series.isEmpty()) {
            throw RuleViolation.of(RuleCode.UNKNOWN_ISSUER, "No series of issuer " + issuerId + " is recorded as of "
                    + on + ".", "issuerId", issuerId);
        }
        return new IssuerHistory(issuerId, on, series);
    }

    /** An event of a series with its sequence number in the series' stream. */
    public record SequencedEvent(long sequenceNumber, SeriesEvent event) {
    }

    /** A series' events as known now, reversed facts and their reversals left out, in recorded order. */
    public record SeriesEvents(String seriesId, String issuerId, List<SequencedEvent> events) {
    }

    @QueryHandler
    public SeriesEvents seriesEvents(FindSeriesEvents query) {
        String seriesId = query.seriesId().value();
        Map<RecordedEvent, Long> sequenceNumbers = new IdentityHashMap<>();
        List<RecordedEvent> history = histories.of(seriesId).stream().map(stored -> {
            sequenceNumbers.put(stored.recorded(), stored.sequenceNumber());
            return stored.recorded();
        }).toList();
        if (history.isEmpty()) {
            throw RuleViolation.of(RuleCode.UNKNOWN_SERIES, "No series " + seriesId + " is recorded.",
                    "seriesId", seriesId);
        }
        List<SequencedEvent> kept = HistoryWindow.withoutReversedFacts(history).stream()
                .map(e -> new SequencedEvent(sequenceNumbers.get(e), e.payload())).toList();
        SeriesRegister register = SeriesProjector.fold(history.stream().map(RecordedEvent::payload).toList());
        return new SeriesEvents(seriesId, register.issuerId(), kept);
    }

    /**
     * The series for a view. Without a date or an instant: as of today (RULES.md 13), from the stored
     * document when it can answer for today, else folded from the events. As known at an instant: what
     * was recorded by then, as of that instant's business date (or the date given).
     */
    private SeriesRegister register(String seriesId, LocalDate asOf, Instant knownAt) {
        return register(seriesId, asOf, knownAt, () -> history(seriesId));
    }

    /** The same, folding the given events of the series (all of them, or those a view needs) for a date or instant. */
    private SeriesRegister register(String seriesId, LocalDate asOf, Instant knownAt,
                                    Supplier<List<RecordedEvent>> events) {
        if (asOf == null && knownAt == null) {
            return registerOn(registerGeneration(), seriesId, LocalDate.now(clock));
        }
        return new HistoryWindow(dayOf(asOf, knownAt), knownAt).fold(events.get());
    }

    /**
     * The series as of a day by what is known now. The stored document is every recorded event folded;
     * it is the series as of any day from today on when it is in the current shape and holds no holder
     * fact dated after the day. Otherwise (a past day, a fact dated later, a document of another shape)
     * the series is folded from its events as of the day.
     */
    private SeriesRegister registerOn(int generation, String seriesId, LocalDate day) {
        Optional<SeriesRegister> stored = registers.load(generation, seriesId);
        if (stored.isEmpty()) {
            return new SeriesRegister();
        }
        if (!day.isBefore(LocalDate.now(clock)) && stored.get().answersFor(day)) {
            return stored.get();
        }
        return HistoryWindow.asOf(day).fold(history(seriesId));
    }

    /**
     * The series as of a day, as known now or, given an instant, as recorded by then. Every series of the
     * store is a candidate as known at an instant: the stored rows say only what is known now (a series
     * recorded after the instant folds to none and is left out).
     */
    private SeriesRegister seriesOn(int generation, String seriesId, LocalDate day, Instant knownAt) {
        return knownAt == null ? registerOn(generation, seriesId, day)
                : new HistoryWindow(day, knownAt).fold(history(seriesId));
    }

    /**
     * The series a list on a day must look at: for today or a later day, those the stored rows name plus
     * those whose stored document cannot answer (a fact dated after today, another shape); for a past
     * day, every series, as its rows today say nothing of what was open then.
     */
    private List<String> candidates(int generation, LocalDate on, List<String> fromStoredRows) {
        LocalDate today = LocalDate.now(clock);
        if (on.isBefore(today)) {
            return registers.allSeries(generation);
        }
        Set<String> ids = new TreeSet<>(fromStoredRows);
        ids.addAll(registers.seriesNotAnsweringFor(generation, today));
        return List.copyOf(ids);
    }

    private List<RecordedEvent> history(String seriesId) {
        return histories.of(seriesId).stream().map(SeriesHistories.StoredEvent::recorded).toList();
    }

    /** The business date a view is evaluated on: the as-of date, else the day of the instant, else today. */
    private LocalDate dayOf(LocalDate asOf, Instant knownAt) {
        if (asOf != null) {
            return asOf;
        }
        return knownAt != null ? LocalDate.ofInstant(knownAt, clock.getZone()) : LocalDate.now(clock);
    }

    private int registerGeneration() {
        return generations.active(RegisterStore.PROJECTION);
    }

}
