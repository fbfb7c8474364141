package io.sartracker.query.api;

import io.sartracker.kernel.event.SeriesEvent;
import io.sartracker.kernel.query.FindAuditTrail;
import io.sartracker.kernel.query.FindHolder;
import io.sartracker.kernel.query.FindOpenWindows;
import io.sartracker.kernel.query.FindRegister;
import io.sartracker.kernel.query.FindSeries;
import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import io.sartracker.query.history.HistoryWindow;
import io.sartracker.query.history.RecordedEvent;
import io.sartracker.query.register.SeriesRegister;
import io.sartracker.query.register.Views;
import io.sartracker.query.store.AuditStore;
import io.sartracker.query.store.ProjectionGenerations;
import io.sartracker.query.store.RegisterStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Answers the queries of reporting and compliance. Today's views come from the stored projection;
 * a view as of a date or as known at an instant is folded from the events by the same projector.
 */
public class TrackerQueryHandlers {
    private final RegisterStore registers;
    private final AuditStore audit;
    private final ProjectionGenerations generations;
    private final EventStore eventStore;
    private final Clock clock;

    public TrackerQueryHandlers(RegisterStore registers, AuditStore audit, ProjectionGenerations generations,
                                EventStore eventStore, Clock clock) {
        this.registers = registers;
        this.audit = audit;
        this.generations = generations;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    public record HolderView(String personId, LocalDate on, Instant knownAt, List<Views.HoldingView> holdings) {
    }

    /** A page of open windows; {@code total} counts all pages. */
    public record WindowPage(List<Views.OpenWindow> items, int page, int size, long total) {
    }

    /** A page of the audit trail; {@code total} counts all pages. */
    public record AuditPage(List<AuditStore.AuditEntry> items, int page, int size, long total) {
    }

    @QueryHandler
    public HolderView holder(FindHolder query) {
        String person = query.personId().value();
        LocalDate on = dayOf(query.asOf(), query.knownAt());
        Set<String> seriesIds = new LinkedHashSet<>(registers.seriesOfPerson(registerGeneration(), person));
        seriesIds.addAll(audit.seriesOfPerson(generations.active(AuditStore.PROJECTION), person));
        List<Views.HoldingView> holdings = seriesIds.stream()
                .map(id -> register(id, query.asOf(), query.knownAt()))
                .filter(r -> r.seriesId() != null)
                .flatMap(r -> r.holdings().stream()
                        .filter(h -> h.holderId().equals(person) || person.equals(h.currentHolderId()))
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

    @QueryHandler
    public SeriesList series(FindSeries query) {
        LocalDate today = LocalDate.now(clock);
        int generation = registerGeneration();
        return new SeriesList(registers.allSeries(generation).stream()
                .flatMap(id -> registers.load(generation, id).stream())
                .filter(r -> query.issuerId() == null || query.issuerId().equals(r.issuerId()))
                .map(r -> Views.register(r, today))
                .map(v -> new SeriesSummary(v.seriesId(), v.issuerId(), v.terms().name(), v.allotted(),
                        v.outstanding(), v.exercised(), v.lapsed(), v.acquired(), v.sharesPerRightInForce(),
                        v.replacedBy()))
                .toList());
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
        LocalDate on = query.on() != null ? query.on() : LocalDate.now(clock);
        int generation = registerGeneration();
        List<Views.OpenWindow> windows = registers.seriesWithWindowsEndingFrom(generation, on).stream()
                .flatMap(id -> registers.load(generation, id).stream())
                .flatMap(r -> Views.openWindows(r, on))
                .filter(w -> query.closingWithinDays() == null || w.daysLeft() <= query.closingWithinDays())
                .sorted(Comparator.comparing(Views.OpenWindow::lastDay).thenComparing(Views.OpenWindow::seriesId)
                        .thenComparing(Views.OpenWindow::holderId))
                .toList();
        return new WindowPage(windows.stream().skip((long) query.page() * query.size()).limit(query.size()).toList(),
                query.page(), query.size(), windows.size());
    }

    @QueryHandler
    public AuditPage auditTrail(FindAuditTrail query) {
        int generation = generations.active(AuditStore.PROJECTION);
        AuditStore.AuditFilter filter = new AuditStore.AuditFilter(query.seriesId(), query.holderId(),
                query.effectiveFrom(), query.effectiveTo(), query.recordedFrom(), query.recordedTo());
        return new AuditPage(audit.find(generation, filter, query.newestFirst(), query.page(), query.size()), query.page(), query.size(),
                audit.count(generation, filter));
    }

    private SeriesRegister register(String seriesId, LocalDate asOf, Instant knownAt) {
        if (asOf == null && knownAt == null) {
            return registers.load(registerGeneration(), seriesId).orElseGet(SeriesRegister::new);
        }
        List<RecordedEvent> history = eventStore.readEvents(seriesId, 0).asStream()
                .filter(m -> m.getPayload() instanceof SeriesEvent)
                .map(m -> new RecordedEvent((SeriesEvent) m.getPayload(), m.getTimestamp()))
                .toList();
        return new HistoryWindow(asOf, knownAt).fold(history);
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
