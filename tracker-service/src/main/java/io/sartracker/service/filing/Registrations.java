package io.sartracker.service.filing;

import io.sartracker.kernel.event.RightsAcquired;
import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.event.RightsExercised;
import io.sartracker.kernel.event.RightsLapsed;
import io.sartracker.kernel.event.SeriesEvent;
import io.sartracker.kernel.event.SharesPerRightAdjusted;
import io.sartracker.kernel.model.AdjustmentCause;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.query.FindIssuerHistory;
import io.sartracker.kernel.query.FindSeries;
import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import io.sartracker.query.api.TrackerQueryHandlers.IssuerHistory;
import io.sartracker.query.api.TrackerQueryHandlers.SeriesHistory;
import io.sartracker.query.api.TrackerQueryHandlers.SeriesList;
import io.sartracker.query.api.TrackerQueryHandlers.SeriesSummary;
import io.sartracker.service.filing.RegistrationFilings.Filing;
import io.sartracker.service.filing.RegistrationReport.Fact;
import io.sartracker.service.filing.RegistrationReport.FactKind;
import io.sartracker.service.filing.RegistrationReport.Increases;
import io.sartracker.service.filing.RegistrationReport.SeriesFigures;
import io.sartracker.service.filing.RegistrationReport.Totals;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The registrations of change (変更登記) the rights call for, read from the query side's issuer history: the
 * exercises of each month (Companies Act art. 915(3)(i): as at the month's end, within two weeks of it) and the
 * lapses and acquisitions of each day (art. 915(1): within two weeks of the change), each with the report of what
 * it must state and whether it was marked filed.
 */
@Service
public class Registrations {
    /** The corporate actions that change the issuer's issued shares by a ratio (RULES.md 7). */
    private static final Set<AdjustmentCause> SHARE_RATIOS = EnumSet.of(AdjustmentCause.SPLIT,
            AdjustmentCause.CONDITIONAL_SPLIT, AdjustmentCause.CONSOLIDATION);

    private final QueryGateway queries;
    private final ShareCapitalStatements statements;
    private final RegistrationFilings filings;

    public Registrations(QueryGateway queries, ShareCapitalStatements statements, RegistrationFilings filings) {
        this.queries = queries;
        this.statements = statements;
        this.filings = filings;
    }

    /** Refuses an issuer of which no series is recorded. */
    public void requireIssuer(String issuerId) {
        IssuerId.of(issuerId);
        if (ask(new FindSeries(issuerId), SeriesList.class).series().isEmpty()) {
            throw RuleViolation.of(RuleCode.UNKNOWN_ISSUER, "No series of issuer " + issuerId + " is recorded.",
                    "issuerId", issuerId);
        }
    }

    /** Every registration the issuer's facts dated up to the day call for, soonest deadline first. */
    public List<Registration> of(String issuerId, LocalDate today) {
        IssuerHistory history = history(issuerId, today);
        Map<String, Filing> marks = filings.of(issuerId);
        Set<RegistrationKey> keys = new TreeSet<>(Comparator.comparing(RegistrationKey::changeDate)
                .thenComparing(RegistrationKey::monthly));
        events(history).forEach(event -> {
            if (event instanceof RightsExercised e) {
                keys.add(RegistrationKey.exercisesOf(YearMonth.from(e.exerciseDate())));
            } else if (event instanceof RightsLapsed || event instanceof RightsAcquired) {
                keys.add(RegistrationKey.changeOn(event.effectiveDate()));
            }
        });
        return keys.stream().map(key -> {
            long daysLeft = ChronoUnit.DAYS.between(today, key.deadline());
            return new Registration(issuerId, key.toString(), kind(history, key), key.changeDate(), key.deadline(),
                    daysLeft, daysLeft < 0, marks.get(key.toString()));
        }).sorted(Comparator.comparing(Registration::deadline).thenComparing(Registration::key)).toList();
    }

    /** The registrations of every issuer not marked filed, soonest deadline first: for reminders. */
    public List<DueRegistration> unfiled(LocalDate today) {
        return ask(new FindSeries(null), SeriesList.class).series().stream().map(SeriesSummary::issuerId).distinct()
                .sorted()
                .flatMap(issuer -> registrationsOf(issuer, today))
                .filter(r -> r.filing() == null)
                .map(r -> new DueRegistration(r.issuerId(), r.key(), r.kind(), r.changeDate(), r.deadline()))
                .sorted(Comparator.comparing(DueRegistration::deadline).thenComparing(DueRegistration::issuerId))
                .toList();
    }

    /**
     * The issuer's registrations, or none when no series of it runs on the day (all issued later, or handed to
     * a restructured company before it): one such issuer must not take the others' reminders away.
     */
    private Stream<Registration> registrationsOf(String issuerId, LocalDate today) {
        try {
            return of(issuerId, today).stream();
        } catch (RuleViolation e) {
            if (e.code() == RuleCode.UNKNOWN_ISSUER) {
                return Stream.empty();
            }
            throw e;
        }
    }

    /** The registration the key names, whether or not anything happened then (then {@code due} is false). */
    public RegistrationReport report(String issuerId, RegistrationKey key) {
        IssuerHistory history = history(issuerId, key.changeDate());
        Predicate<LocalDate> inPeriod = day -> !day.isBefore(key.firstDay()) && !day.isAfter(key.changeDate());
        List<SeriesFigures> series = history.series().stream().map(s -> figures(s, key, inPeriod))
                .filter(Objects::nonNull).toList();
        Filing filing = filings.find(issuerId, key.toString()).orElse(null);
        if (!key.monthly()) {
            List<Fact> facts = events(history).filter(e -> e.effectiveDate().equals(key.changeDate()))
                    .map(Registrations::rightsFact).filter(Objects::nonNull)
                    .sorted(Comparator.comparing(Fact::seriesId).thenComparing(Fact::holderId)).toList();
            return new RegistrationReport(issuerId, key.toString(), kind(history, key), !facts.isEmpty(),
                    key.firstDay(), key.changeDate(), key.deadline(), filing, null, null, series, facts);
        }
        List<RightsExercised> exercises = events(history).filter(e -> e instanceof RightsExercised)
                .map(RightsExercised.class::cast).filter(e -> inPeriod.test(e.exerciseDate())).toList();
        Increases increases = new Increases(exercises.size(),
                exercises.stream().mapToLong(RightsExercised::sharesDelivered).sum(),
                exercises.stream().mapToLong(e -> e.amountPaidIn().amount()).sum(),
                exercises.stream().mapToLong(e -> e.capitalStockIncrease().amount()).sum(),
                exercises.stream().mapToLong(e -> e.capitalReserveIncrease().amount()).sum());
        Optional<ShareCapitalStatement> statement = statements.latestOnOrBefore(issuerId, key.changeDate());
        List<Fact> facts = new ArrayList<>();
        Totals totals = carriedForward(history, key, statement, facts);
        return new RegistrationReport(issuerId, key.toString(), RegistrationKind.MONTHLY_EXERCISES,
                !exercises.isEmpty(), key.firstDay(), key.changeDate(), key.deadline(), filing, totals, increases,
                series, facts);
    }

    /**
     * The issued shares and capital as at the change date: the statement's, then each split or consolidation
     * (issued shares x its ratio, rounded down) and each exercise (its shares delivered and capital stock
     * increase) dated after it, in date order, a split before the exercises of the day it applies from. The
     * facts listed are those carried forward and the period's own, with the running totals where known.
     */
    private static Totals carriedForward(IssuerHistory history, RegistrationKey key,
                                         Optional<ShareCapitalStatement> statement, List<Fact> facts) {
        LocalDate after = statement.map(ShareCapitalStatement::asAt)
                .filter(asAt -> asAt.isBefore(key.firstDay())).orElse(key.firstDay().minusDays(1));
        Map<String, SharesPerRightAdjusted> ratios = new LinkedHashMap<>();
        List<RightsExercised> exercises = new ArrayList<>();
        events(history).filter(e -> e.effectiveDate().isAfter(after)).forEach(event -> {
            if (event instanceof SharesPerRightAdjusted a && SHARE_RATIOS.contains(a.cause()) && a.ratio() != null) {
                // the same split is an event of every series it adjusted: once for the issuer
                ratios.putIfAbsent(a.cause() + " " + a.appliesFrom() + " " + a.ratio(), a);
            } else if (event instanceof RightsExercised e) {
                exercises.add(e);
            }
        });
        record Step(LocalDate date, int order, SharesPerRightAdjusted ratio, RightsExercised exercise) {
        }
        List<Step> steps = new ArrayList<>();
        ratios.values().forEach(a -> steps.add(new Step(a.appliesFrom(), 0, a, null)));
        exercises.forEach(e -> steps.add(new Step(e.exerciseDate(), 1, null, e)));
        steps.sort(Comparator.comparing(Step::date).thenComparing(Step::order)
                .thenComparing(s -> s.exercise() == null ? "" : s.exercise().seriesId().value())
                .thenComparing(s -> s.exercise() == null ? "" : s.exercise().holderId().value()));
        Long issued = statement.map(ShareCapitalStatement::issuedShares).orElse(null);
        Long capital = statement.map(ShareCapitalStatement::capitalStock).orElse(null);
        LocalDate statementDate = statement.map(ShareCapitalStatement::asAt).orElse(null);
        for (Step step : steps) {
            boolean applies = statementDate != null && step.date().isAfter(statementDate);
            boolean inPeriod = !step.date().isBefore(key.firstDay());
            if (step.ratio() != null) {
                SharesPerRightAdjusted a = step.ratio();
                if (applies) {
                    issued = a.ratio().applyRoundingDown(issued);
                }
                facts.add(new Fact(a.appliesFrom(), a.cause() == AdjustmentCause.CONSOLIDATION ? FactKind.CONSOLIDATION
                        : FactKind.SPLIT, null, null, null, a.ratio().toString(), null, null, null, null,
                        a.cause().name(), inPeriod, applies ? issued : null, applies ? capital : null,
                        trace(a.seriesId().value(), null, a.appliesFrom())));
            } else {
                RightsExercised e = step.exercise();
                if (applies) {
                    issued += e.sharesDelivered();
                    capital += e.capitalStockIncrease().amount();
                }
                facts.add(new Fact(e.exerciseDate(), FactKind.EXERCISE, e.seriesId().value(), e.holderId().value(),
                        e.rights().count(), null, e.sharesDelivered(), e.amountPaidIn().amount(),
                        e.capitalStockIncrease().amount(), e.capitalReserveIncrease().amount(), null, inPeriod,
                        applies ? issued : null, applies ? capital : null,
                        trace(e.seriesId().value(), e.holderId().value(), e.exerciseDate())));
            }
        }
        if (statement.isEmpty()) {
            return new Totals(null, null, null, "No share capital statement of issuer " + history.issuerId()
                    + " is dated on or before " + key.changeDate() + ": record the issued shares and capital stock"
                    + " of the commercial register as at a date (POST /issuers/" + history.issuerId()
                    + "/share-capital-statements) to carry them forward.");
        }
        return new Totals(issued, capital, statement.get(), null);
    }

    /** A series as at the change date; none before its first allotment (the rights exist from it, art. 245). */
    private static SeriesFigures figures(SeriesHistory s, RegistrationKey key, Predicate<LocalDate> inPeriod) {
        long allotted = 0;
        long exercised = 0;
        long lapsed = 0;
        long acquired = 0;
        long exercisedInPeriod = 0;
        long lapsedInPeriod = 0;
        long acquiredInPeriod = 0;
        for (SeriesEvent event : s.events()) {
            boolean within = inPeriod.test(event.effectiveDate());
            if (event instanceof RightsAllotted a) {
                allotted += a.rights().count();
            } else if (event instanceof RightsExercised e) {
                exercised += e.rights().count();
                exercisedInPeriod += within ? e.rights().count() : 0;
            } else if (event instanceof RightsLapsed l) {
                lapsed += l.rights().count();
                lapsedInPeriod += within ? l.rights().count() : 0;
            } else if (event instanceof RightsAcquired a) {
                acquired += a.rights().count();
                acquiredInPeriod += within ? a.rights().count() : 0;
            }
        }
        if (allotted == 0) {
            return null;
        }
        long remaining = allotted - exercised - lapsed - acquired;
        long sharesPerRight = s.register().sharesPerRightOn(key.changeDate());
        return new SeriesFigures(s.register().seriesId(), s.register().terms().name(), remaining, sharesPerRight,
                Math.multiplyExact(remaining, sharesPerRight), remaining == 0, exercisedInPeriod, lapsedInPeriod,
                acquiredInPeriod);
    }

    /** A month's exercises; else the day's extinction of a series, an acquisition, or a lapse, in that order. */
    private static RegistrationKind kind(IssuerHistory history, RegistrationKey key) {
        if (key.monthly()) {
            return RegistrationKind.MONTHLY_EXERCISES;
        }
        LocalDate day = key.changeDate();
        boolean acquisition = false;
        for (SeriesHistory s : history.series()) {
            List<SeriesEvent> ofDay = s.events().stream().filter(e -> e.effectiveDate().equals(day)
                    && (e instanceof RightsLapsed || e instanceof RightsAcquired)).toList();
            if (ofDay.isEmpty()) {
                continue;
            }
            acquisition |= ofDay.stream().anyMatch(e -> e instanceof RightsAcquired);
            SeriesFigures after = figures(new SeriesHistory(s.register(), s.events().stream()
                    .filter(e -> !e.effectiveDate().isAfter(day)).toList()), key, d -> false);
            if (after != null && after.extinguished()) {
                return RegistrationKind.SERIES_EXTINGUISHED;
            }
        }
        return acquisition ? RegistrationKind.ACQUISITION : RegistrationKind.LAPSE;
    }

    private static Fact rightsFact(SeriesEvent event) {
        if (event instanceof RightsLapsed l) {
            return new Fact(l.lapseDate(), FactKind.LAPSE, l.seriesId().value(), l.holderId().value(),
                    l.rights().count(), null, null, null, null, null, l.reason().name(), true, null, null,
                    trace(l.seriesId().value(), l.holderId().value(), l.lapseDate()));
        }
        if (event instanceof RightsAcquired a) {
            return new Fact(a.acquisitionDate(), FactKind.ACQUISITION, a.seriesId().value(), a.holderId().value(),
                    a.rights().count(), null, null, null, null, null, a.cause().name(), true, null, null,
                    trace(a.seriesId().value(), a.holderId().value(), a.acquisitionDate()));
        }
        return null;
    }

    /** The audit trail's entries of the event: its series, holder and effective date. */
    private static String trace(String seriesId, String holderId, LocalDate date) {
        return "/audit?seriesId=" + seriesId + (holderId == null ? "" : "&holderId=" + holderId) + "&from=" + date
                + "&to=" + date;
    }

    private static Stream<SeriesEvent> events(IssuerHistory history) {
        return history.series().stream().flatMap(s -> s.events().stream());
    }

    private IssuerHistory history(String issuerId, LocalDate asOf) {
        return ask(new FindIssuerHistory(IssuerId.of(issuerId), asOf), IssuerHistory.class);
    }

    private <T> T ask(Object query, Class<T> answer) {
        try {
            return queries.query(query, ResponseTypes.instanceOf(answer)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
