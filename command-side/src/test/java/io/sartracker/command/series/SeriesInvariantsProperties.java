package io.sartracker.command.series;

import io.sartracker.command.issuer.IssuerCommandHandler;
import io.sartracker.command.series.SeriesStepArbitraries.Acquire;
import io.sartracker.command.series.SeriesStepArbitraries.Adjust;
import io.sartracker.command.series.SeriesStepArbitraries.Allot;
import io.sartracker.command.series.SeriesStepArbitraries.Consolidate;
import io.sartracker.command.series.SeriesStepArbitraries.Depart;
import io.sartracker.command.series.SeriesStepArbitraries.Die;
import io.sartracker.command.series.SeriesStepArbitraries.DueLapses;
import io.sartracker.command.series.SeriesStepArbitraries.Exercise;
import io.sartracker.command.series.SeriesStepArbitraries.Inherit;
import io.sartracker.command.series.SeriesStepArbitraries.Restructure;
import io.sartracker.command.series.SeriesStepArbitraries.Reverse;
import io.sartracker.command.series.SeriesStepArbitraries.Split;
import io.sartracker.command.series.SeriesStepArbitraries.Step;
import io.sartracker.command.series.SeriesStepArbitraries.Transfer;
import io.sartracker.kernel.command.AcquireRights;
import io.sartracker.kernel.command.AdjustSharesPerRight;
import io.sartracker.kernel.command.AllotRights;
import io.sartracker.kernel.command.ExerciseRights;
import io.sartracker.kernel.command.InheritRights;
import io.sartracker.kernel.command.IssueSeries;
import io.sartracker.kernel.command.RecordDeath;
import io.sartracker.kernel.command.RecordDepartureFromOffice;
import io.sartracker.kernel.command.RecordDueLapses;
import io.sartracker.kernel.command.RecordShareConsolidation;
import io.sartracker.kernel.command.RecordShareSplit;
import io.sartracker.kernel.command.RestructureSeries;
import io.sartracker.kernel.command.ReverseLatestFact;
import io.sartracker.kernel.command.TransferRights;
import io.sartracker.kernel.event.FactReversed;
import io.sartracker.kernel.event.HolderDied;
import io.sartracker.kernel.event.RightsAcquired;
import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.event.RightsExercised;
import io.sartracker.kernel.event.RightsLapsed;
import io.sartracker.kernel.event.SeriesIssued;
import io.sartracker.kernel.event.SeriesRestructured;
import io.sartracker.kernel.event.SharesPerRightAdjusted;
import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.model.Terms;
import io.sartracker.kernel.model.Yen;
import io.sartracker.kernel.rule.RuleViolation;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Random sequences of commands sent through a real Axon configuration (command bus, event-sourcing
 * repository, in-memory event store) to two series of one issuer. After every command, for each
 * series, the aggregate as loaded from the repository and an independent fold of its events must
 * agree, and:
 * <ol>
 *     <li>the total allotted never exceeds the maximum;</li>
 *     <li>no holding goes below zero, and the aggregate's holdings are those of the fold;</li>
 *     <li>outstanding + exercised + lapsed + acquired = allotted, in the aggregate's totals and in
 *     the fold of the events, and the two agree;</li>
 *     <li>a rejected command (a {@link RuleViolation}) appended no event to any series.</li>
 * </ol>
 * Any exception other than a {@link RuleViolation} fails the property. Also checked while folding:
 * a lapse or an acquisition takes exactly the holding's outstanding rights, a restructuring replaces
 * exactly the outstanding rights, and an exercise's figures follow RULES.md 6 with the shares per
 * right in force on its date (RULES.md 7).
 * <p>
 * The second series has a short exercise period (to 2017-07-13) so that the end of the period, and
 * what happens to holdings after it, is inside most sequences. An accepted restructuring moves the
 * series to the restructured company in the directory, as {@code JdbcSeriesDirectory} does.
 * Statistics label each command accepted or rejected (and the rule code), so a run shows that the
 * sequences are not all rejected.
 */
class SeriesInvariantsProperties {
    static final IssuerId ISSUER = IssuerId.of("IIJ");
    static final IssuerId NEW_COMPANY = IssuerId.of("NEWCO");
    /** The 5th series' terms with a maximum of 30 rights. */
    static final SeriesId S5 = SeriesId.of("IIJ-5");
    /** Like the 5th series, with a maximum of 20 rights, 100 shares per right and a period ending 2017-07-13. */
    static final SeriesId S6 = SeriesId.of("IIJ-6");
    static final List<SeriesId> SERIES = List.of(S5, S6);
    static final LocalDate ALLOTMENT_DATE = LocalDate.of(2015, 7, 13);

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void seriesInvariantsHoldAfterEveryCommand(@ForAll("setup") List<Step> setup,
                                                @ForAll("steps") List<Step> steps) {
        try (Run run = new Run()) {
            for (Step step : setup) {
                run.perform(step);
            }
            for (Step step : steps) {
                run.perform(step);
            }
            int accepted = run.accepted;
            Statistics.label("accepted commands per sequence").collect(
                    accepted == 0 ? "0" : accepted <= 5 ? "1-5" : accepted <= 10 ? "6-10"
                            : accepted <= 20 ? "11-20" : ">20");
        }
    }

    /**
     * The same invariants for a narrower mix (two holders; allotment, departure, death, inheritance,
     * exercise, reversal, lapse sweep) whose dates mostly cross the end of the second series' short
     * exercise period, where the facts of one holding interact most.
     */
    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void invariantsHoldThroughTheLifeOfHoldings(@ForAll("lifecycleSetup") List<Step> setup,
                                                @ForAll("lifecycleSteps") List<Step> steps) {
        try (Run run = new Run()) {
            for (Step step : setup) {
                run.perform(step);
            }
            for (Step step : steps) {
                run.perform(step);
            }
        }
    }

    @Provide
    Arbitrary<List<Step>> lifecycleSetup() {
        return SeriesStepArbitraries.lifecycleSetup();
    }

    @Provide
    Arbitrary<List<Step>> lifecycleSteps() {
        return SeriesStepArbitraries.lifecycleSteps();
    }

    @Provide
    Arbitrary<List<Step>> setup() {
        return SeriesStepArbitraries.setup();
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return SeriesStepArbitraries.steps();
    }

    static Terms fifthSeriesWithMaximum(int maximum) {
        Terms f = Terms.fifthSeries();
        return new Terms(f.name(), f.issuerName(), f.resolutionDate(), Rights.of(maximum),
                f.sharesPerRightAtIssue(), f.exercisePricePerShare(), f.exercisePeriod(), f.allotmentDate(),
                f.paymentDate(), f.windowAfterLeavingOfficeDays(), f.heirWindowMonths(), f.transferAllowed(),
                f.eligibleRoles());
    }

    static Terms shortSeries() {
        Terms f = Terms.fifthSeries();
        return new Terms("Test series with a short exercise period", f.issuerName(), f.resolutionDate(),
                Rights.of(20), SharesPerRight.of(100), f.exercisePricePerShare(),
                new ExerciseWindow(LocalDate.of(2015, 7, 14), LocalDate.of(2017, 7, 13)), f.allotmentDate(),
                f.paymentDate(), f.windowAfterLeavingOfficeDays(), f.heirWindowMonths(), f.transferAllowed(),
                Set.of(Role.DIRECTOR, Role.EXECUTIVE_OFFICER));
    }

    static HolderId person(int index) {
        return index < SeriesStepArbitraries.HOLDERS ? HolderId.of("H" + (index + 1))
                : HolderId.of("HEIR" + (char) ('A' + index - SeriesStepArbitraries.HOLDERS));
    }

    /** One try: a fresh configuration, the business date cursor and the log of what was sent. */
    static final class Run implements AutoCloseable {
        final InMemorySeriesDirectory directory = new InMemorySeriesDirectory();
        final Configuration config;
        final Repository<StockAcquisitionRight> repository;
        final List<String> log = new ArrayList<>();
        final Map<String, LocalDate> departures = new LinkedHashMap<>();
        final Map<String, LocalDate> deaths = new LinkedHashMap<>();
        /** Departures (for each series with a holding of that holder) and inheritances, keyed "series|holder". */
        final Map<String, LocalDate> windowsOpened = new LinkedHashMap<>();
        LocalDate cursor = ALLOTMENT_DATE;
        SeriesId focusSeries;
        HolderId focusHolder;
        int accepted;

        Run() {
            // the runs walk to the end of the 5th series' period (2045): a clock set after it
            config = TwoSeries.configuration(directory, FifthSeries.clockOn(FifthSeries.day(FifthSeries.AFTER_THE_PERIOD)));
            config.start();
            repository = config.repository(StockAcquisitionRight.class);
            config.commandGateway().sendAndWait(new IssueSeries(S5, ISSUER, fifthSeriesWithMaximum(30)));
            config.commandGateway().sendAndWait(new IssueSeries(S6, ISSUER, shortSeries()));
            directory.register(S5, ISSUER).register(S6, ISSUER);
            checkInvariants("after issuing the series");
        }

        @Override
        public void close() {
            config.shutdown();
        }

        void perform(Step step) {
            cursor = cursor.plusDays(step.advanceDays());
            Object command = toCommand(step);
            String type = command.getClass().getSimpleName();
            Map<SeriesId, Integer> before = eventCounts();
            String outcome;
            try {
                config.commandGateway().sendAndWait(command);
                List<String> appended = appendedEvents(before);
                outcome = appended.isEmpty() ? "accepted, no event" : "accepted";
                accepted++;
                log.add("#" + (log.size() + 1) + " ACCEPTED " + command + " -> " + appended);
                appended.forEach(e -> Statistics.label("events appended").collect(e));
                remember(command);
            } catch (RuleViolation violation) {
                outcome = "rejected";
                log.add("#" + (log.size() + 1) + " rejected " + violation.code() + " " + command);
                Statistics.label("rejection codes").collect(type, violation.code().name());
                Map<SeriesId, Integer> after = eventCounts();
                if (!after.equals(before)) {
                    throw failure("invariant 4: the rejected command appended events (counts before " + before
                            + ", after " + after + "): " + appendedEvents(before), null);
                }
            } catch (AssertionError e) {
                throw e;
            } catch (Throwable t) {
                log.add("#" + (log.size() + 1) + " THREW " + t + " " + command);
                throw failure("a command threw " + t.getClass().getName() + " instead of a RuleViolation: " + t, t);
            }
            Statistics.label("outcome per command").collect(type, outcome);
            checkInvariants("after " + log.get(log.size() - 1));
        }

        Object toCommand(Step step) {
            if (step instanceof Allot s) {
                return new AllotRights(series(s.series(), s.holder()), holder(s.holder()), s.role(),
                        Rights.of(s.rights()),
                        s.dateOffset() == null ? ALLOTMENT_DATE : ALLOTMENT_DATE.plusDays(s.dateOffset()));
            }
            if (step instanceof Depart s) {
                return new RecordDepartureFromOffice(s.toNewCompany() ? NEW_COMPANY : ISSUER, holder(s.holder()),
                        cursor, s.reason());
            }
            if (step instanceof Die s) {
                Map.Entry<String, LocalDate> departed = s.afterDeparture() == null ? null : latest(departures);
                return departed == null ? new RecordDeath(ISSUER, holder(s.person()), cursor)
                        : new RecordDeath(ISSUER, HolderId.of(departed.getKey()),
                        departed.getValue().plusDays(s.afterDeparture()));
            }
            if (step instanceof Inherit s) {
                Map.Entry<String, LocalDate> died = s.afterDeath() == null ? null : latest(allotteeDeaths());
                HolderId holder = died == null ? holder(s.holder()) : HolderId.of(died.getKey());
                List<HolderId> heirs = new ArrayList<>();
                heirs.add(person(s.heir()));
                if (s.secondHeir() != null) {
                    heirs.add(person(s.secondHeir()));
                }
                LocalDate date = died == null ? cursor : died.getValue().plusDays(s.afterDeath());
                return new InheritRights(died == null ? series(s.series(), s.holder()) : SERIES.get(s.series()),
                        holder, heirs, date);
            }
            if (step instanceof Exercise s) {
                Map.Entry<String, LocalDate> anchor = s.afterAnchor() == null ? null : latest(windowsOpened);
                String[] key = anchor == null ? null : anchor.getKey().split("\\|");
                SeriesId series = key == null ? series(s.series(), s.holder()) : SeriesId.of(key[0]);
                HolderId holder = key == null ? holder(s.holder()) : HolderId.of(key[1]);
                LocalDate date = anchor == null ? cursor : anchor.getValue().plusDays(s.afterAnchor());
                long perRight = fold(series).sharesPerRightOn(date);
                BigDecimal k = BigDecimal.valueOf(s.rights());
                return switch (s.mode()) {
                    case RIGHTS -> new ExerciseRights(series, holder, date, k, null);
                    case FRACTIONAL_RIGHTS -> new ExerciseRights(series, holder, date,
                            k.subtract(new BigDecimal("0.5")), null);
                    case SHARES -> new ExerciseRights(series, holder, date, null,
                            perRight == 0 ? k : k.multiply(BigDecimal.valueOf(perRight)));
                    case ODD_SHARES -> new ExerciseRights(series, holder, date, null,
                            k.multiply(BigDecimal.valueOf(perRight))
                                    .add(perRight > 1 ? BigDecimal.ONE : new BigDecimal("0.5")));
                };
            }
            if (step instanceof Split s) {
                IssuerId issuer = s.toNewCompany() ? NEW_COMPANY : ISSUER;
                LocalDate meeting = switch (s.meeting()) {
                    case 0 -> null;
                    case 1 -> cursor.plusDays(1);
                    default -> cursor.plusDays(5);
                };
                return new RecordShareSplit(issuer, SeriesStepArbitraries.SPLIT_RATIOS.get(s.ratio()), cursor,
                        meeting);
            }
            if (step instanceof Consolidate s) {
                return new RecordShareConsolidation(s.toNewCompany() ? NEW_COMPANY : ISSUER,
                        SeriesStepArbitraries.CONSOLIDATION_RATIOS.get(s.ratio()), cursor);
            }
            if (step instanceof Adjust s) {
                return new AdjustSharesPerRight(SERIES.get(s.series()), SharesPerRight.of(s.shares()),
                        cursor.plusDays(s.appliesInDays()), "board adjustment after a demerger");
            }
            if (step instanceof Restructure s) {
                return new RestructureSeries(SERIES.get(s.series()), s.kind(), NEW_COMPANY, "NewCo Holdings",
                        cursor, SeriesStepArbitraries.RESTRUCTURING_RATIOS.get(s.ratio()),
                        s.providesReplacement());
            }
            if (step instanceof Acquire s) {
                return new AcquireRights(SERIES.get(s.series()), s.cause(), cursor,
                        cursor.plusDays(s.acquisitionDelay()));
            }
            if (step instanceof DueLapses s) {
                return new RecordDueLapses(SERIES.get(s.series()), cursor.plusDays(s.lookAheadDays()));
            }
            if (step instanceof Reverse s) {
                return new ReverseLatestFact(series(s.series(), s.holder()), holder(s.holder()), "entered in error",
                        cursor);
            }
            if (step instanceof Transfer s) {
                return new TransferRights(series(s.series(), s.holder()), holder(s.holder()), person(s.transferee()),
                        Rights.of(s.rights()), cursor, s.withApproval() ? "BR-2016-07" : null);
            }
            throw new IllegalStateException("unknown step " + step);
        }

        SeriesId series(int seriesIndex, int holderIndex) {
            return holderIndex == SeriesStepArbitraries.FOCUS && focusSeries != null ? focusSeries
                    : SERIES.get(seriesIndex);
        }

        HolderId holder(int holderIndex) {
            return holderIndex < 0 ? (focusHolder != null ? focusHolder : person(0)) : person(holderIndex);
        }

        /** The holding the command concerned becomes the focus; dates for later anchors, latest last. */
        void remember(Object command) {
            if (command instanceof AllotRights c) {
                focus(c.seriesId(), c.holderId());
            } else if (command instanceof ExerciseRights c) {
                focus(c.seriesId(), c.holderId());
            } else if (command instanceof InheritRights c) {
                focus(c.seriesId(), c.holderId());
            } else if (command instanceof ReverseLatestFact c) {
                focus(c.seriesId(), c.holderId());
            } else if (command instanceof RecordDepartureFromOffice c) {
                focus(null, c.holderId());
            } else if (command instanceof RecordDeath c && !c.personId().value().startsWith("HEIR")) {
                focus(null, c.personId());
            }
            if (command instanceof RecordDepartureFromOffice c) {
                departures.remove(c.holderId().value());
                departures.put(c.holderId().value(), c.departureDate());
                for (SeriesId series : SERIES) {
                    if (fold(series).holdings.containsKey(c.holderId())) {
                        putLast(windowsOpened, series + "|" + c.holderId(), c.departureDate());
                    }
                }
            } else if (command instanceof RecordDeath c) {
                deaths.remove(c.personId().value());
                deaths.put(c.personId().value(), c.dateOfDeath());
            } else if (command instanceof InheritRights c) {
                putLast(windowsOpened, c.seriesId() + "|" + c.holderId(), c.inheritanceDate());
            } else if (command instanceof RestructureSeries c) {
                directory.register(c.seriesId(), c.restructuredCompanyId()); // as JdbcSeriesDirectory does
            }
        }

        /** The entry recorded last, or null. */
        static Map.Entry<String, LocalDate> latest(Map<String, LocalDate> anchors) {
            Map.Entry<String, LocalDate> last = null;
            for (Map.Entry<String, LocalDate> entry : anchors.entrySet()) {
                last = entry;
            }
            return last;
        }

        Map<String, LocalDate> allotteeDeaths() {
            Map<String, LocalDate> allottees = new LinkedHashMap<>(deaths);
            allottees.keySet().removeIf(id -> id.startsWith("HEIR"));
            return allottees;
        }

        /** With no series given, the focus series stays if the holder has a holding in it. */
        void focus(SeriesId series, HolderId holder) {
            if (series == null) {
                series = SERIES.stream().filter(id -> id.equals(focusSeries))
                        .filter(id -> fold(id).holdings.containsKey(holder)).findFirst()
                        .orElseGet(() -> SERIES.stream().filter(id -> fold(id).holdings.containsKey(holder))
                                .findFirst().orElse(focusSeries));
            }
            focusSeries = series;
            focusHolder = holder;
        }

        static void putLast(Map<String, LocalDate> anchors, String key, LocalDate date) {
            anchors.remove(key);
            anchors.put(key, date);
        }


        // ---- the invariants

        void checkInvariants(String when) {
            for (SeriesId id : SERIES) {
                EventFold fold = fold(id);
                AggregateView view = load(id);
                StockAcquisitionRight.SeriesTotals t = view.totals();
                long max = fold.maximum;
                // 1. the maximum
                check(view.maximum() == max, when, id,
                        "maximum differs: aggregate " + view.maximum() + ", events " + max);
                check(t.allotted().count() <= max, when, id,
                        "invariant 1: aggregate's total allotted " + t.allotted() + " exceeds the maximum " + max);
                check(fold.total(0) <= max, when, id,
                        "invariant 1: allotted by the events " + fold.total(0) + " exceeds the maximum " + max);
                // 2. no holding below zero; the aggregate's holdings are the fold's
                fold.holdings.forEach((holder, h) -> {
                    for (int i = 0; i < 5; i++) {
                        check(h[i] >= 0, when, id, "invariant 2: holding " + holder + " has " + EventFold.NAMES[i]
                                + " = " + h[i] + " by the events");
                    }
                    check(h[0] == h[1] + h[2] + h[3] + h[4], when, id,
                            "invariant 2: holding " + holder + " by the events: " + EventFold.describe(h));
                });
                check(view.held().keySet().equals(fold.holdings.keySet()), when, id,
                        "invariant 2: holders differ: aggregate " + view.held().keySet() + ", events "
                                + fold.holdings.keySet());
                view.held().forEach((holder, rights) -> {
                    long[] h = fold.holdings.get(holder);
                    check(h != null && h[1] == rights.count(), when, id,
                            "invariant 2: " + holder + " holds " + rights + " in the aggregate but "
                                    + (h == null ? "nothing" : h[1]) + " by the events");
                });
                // 3. outstanding + exercised + lapsed + acquired = allotted, and the fold agrees
                check(t.outstanding().count() + t.exercised().count() + t.lapsed().count() + t.acquired().count()
                                == t.allotted().count(), when, id,
                        "invariant 3: aggregate's totals do not add up: " + t);
                long[] totals = {t.allotted().count(), t.outstanding().count(), t.exercised().count(),
                        t.lapsed().count(), t.acquired().count()};
                for (int i = 0; i < 5; i++) {
                    check(totals[i] == fold.total(i), when, id, "invariant 3: " + EventFold.NAMES[i]
                            + " is " + totals[i] + " in the aggregate but " + fold.total(i) + " by the events ("
                            + t + ")");
                }
                check(fold.problems.isEmpty(), when, id, "event content: " + fold.problems);
            }
        }

        void check(boolean ok, String when, SeriesId id, String message) {
            if (!ok) {
                throw failure(id + ": " + message + " [" + when + "]", null);
            }
        }

        AssertionError failure(String message, Throwable cause) {
            StringBuilder text = new StringBuilder(message).append("\ncommands sent (business date cursor ")
                    .append(cursor).append("):");
            log.forEach(line -> text.append("\n  ").append(line));
            for (SeriesId id : SERIES) {
                text.append("\nevents of ").append(id).append(':');
                config.eventStore().readEvents(id.value()).asStream()
                        .forEach(e -> text.append("\n  ").append(e.getSequenceNumber()).append(' ')
                                .append(e.getPayload()));
            }
            return new AssertionError(text.toString(), cause);
        }

        record AggregateView(StockAcquisitionRight.SeriesTotals totals, Map<HolderId, Rights> held, long maximum) {
        }

        AggregateView load(SeriesId id) {
            ResultMessage<AggregateView> result = DefaultUnitOfWork.startAndGet(null).executeWithResult(
                    () -> repository.load(id.value()).invoke(
                            a -> new AggregateView(a.totals(), a.rightsHeld(), a.maximumRights().count())));
            if (result.isExceptional()) {
                throw failure(id + ": loading the aggregate failed: " + result.exceptionResult(),
                        result.exceptionResult());
            }
            return result.getPayload();
        }

        Map<SeriesId, Integer> eventCounts() {
            Map<SeriesId, Integer> counts = new LinkedHashMap<>();
            for (SeriesId id : SERIES) {
                counts.put(id, (int) config.eventStore().readEvents(id.value()).asStream().count());
            }
            return counts;
        }

        List<String> appendedEvents(Map<SeriesId, Integer> before) {
            List<String> names = new ArrayList<>();
            for (SeriesId id : SERIES) {
                config.eventStore().readEvents(id.value()).asStream().skip(before.get(id))
                        .forEach(e -> names.add(label(e.getPayload())));
            }
            return names;
        }

        /** The event's type, with what kind of death, lapse or reversal it records. */
        static String label(Object event) {
            String name = event.getClass().getSimpleName();
            if (event instanceof HolderDied e) {
                return name + " " + e.outcome();
            }
            if (event instanceof RightsLapsed e) {
                return name + " " + e.reason();
            }
            if (event instanceof FactReversed e) {
                return name + " " + e.fact();
            }
            return name;
        }

        EventFold fold(SeriesId id) {
            EventFold fold = new EventFold();
            config.eventStore().readEvents(id.value()).asStream().forEach(e -> fold.apply(e.getPayload()));
            return fold;
        }
    }

    /**
     * The series' figures computed from its events alone, without the aggregate's code: per holding
     * {allotted, outstanding, exercised, lapsed, acquired}, and the shares per right as a function of
     * the date.
     */
    static final class EventFold {
        static final String[] NAMES = {"allotted", "outstanding", "exercised", "lapsed", "acquired"};
        final Map<HolderId, long[]> holdings = new LinkedHashMap<>();
        final TreeMap<LocalDate, Long> sharesPerRight = new TreeMap<>();
        final List<String> problems = new ArrayList<>();
        long maximum;
        long atIssue;

        void apply(Object event) {
            if (event instanceof SeriesIssued e) {
                maximum = e.terms().maximumRights().count();
                atIssue = e.terms().sharesPerRightAtIssue().shares();
            } else if (event instanceof RightsAllotted e) {
                long[] h = holdings.computeIfAbsent(e.holderId(), k -> new long[5]);
                h[0] += e.rights().count();
                h[1] += e.rights().count();
            } else if (event instanceof RightsExercised e) {
                long[] h = holding(e.holderId(), event);
                long k = e.rights().count();
                h[1] -= k;
                h[2] += k;
                checkExercise(e);
            } else if (event instanceof RightsLapsed e) {
                long[] h = holding(e.holderId(), event);
                if (e.rights().count() != h[1]) {
                    problems.add("lapse of " + e.rights() + " rights while " + h[1] + " are outstanding: " + e);
                }
                h[1] -= e.rights().count();
                h[3] += e.rights().count();
            } else if (event instanceof RightsAcquired e) {
                long[] h = holding(e.holderId(), event);
                if (e.rights().count() != h[1]) {
                    problems.add("acquisition of " + e.rights() + " rights while " + h[1] + " are outstanding: " + e);
                }
                h[1] -= e.rights().count();
                h[4] += e.rights().count();
            } else if (event instanceof FactReversed e) {
                long[] h = holding(e.holderId(), event);
                h[2] -= e.fromExercise().count();
                h[1] += e.fromExercise().count();
                h[3] -= e.fromLapse().count();
                h[1] += e.fromLapse().count();
            } else if (event instanceof SharesPerRightAdjusted e) {
                if (e.before().shares() != sharesPerRightOn(e.appliesFrom())) {
                    problems.add("adjustment starts from " + e.before() + " but " + sharesPerRightOn(e.appliesFrom())
                            + " is in force on " + e.appliesFrom() + ": " + e);
                }
                sharesPerRight.put(e.appliesFrom(), e.after().shares());
            } else if (event instanceof SeriesRestructured e) {
                long outstanding = total(1);
                if (e.rightsReplaced().count() != outstanding) {
                    problems.add("restructuring replaced " + e.rightsReplaced() + " rights while " + outstanding
                            + " are outstanding: " + e);
                }
                sharesPerRight.put(e.effectiveDate(), e.sharesPerRightAfter().shares());
            }
        }

        private long[] holding(HolderId holderId, Object event) {
            long[] h = holdings.get(holderId);
            if (h == null) {
                problems.add("event for a holding never allotted: " + event);
                h = new long[5];
                holdings.put(holderId, h);
            }
            return h;
        }

        private void checkExercise(RightsExercised e) {
            long k = e.rights().count();
            long perRight = sharesPerRightOn(e.exerciseDate());
            List<String> wrong = new ArrayList<>();
            if (e.sharesPerRight().shares() != perRight) {
                wrong.add("shares per right " + e.sharesPerRight() + " but " + perRight + " in force");
            }
            if (e.sharesDelivered() != k * e.sharesPerRight().shares()) {
                wrong.add("shares delivered");
            }
            if (!e.amountPaidIn().equals(e.exercisePricePerShare().times(e.sharesDelivered()))) {
                wrong.add("amount paid in");
            }
            if (!e.bookValue().equals(e.bookValuePerRight().times(k))) {
                wrong.add("book value");
            }
            Yen limit = e.amountPaidIn().plus(e.bookValue());
            if (!e.capitalIncreaseLimit().equals(limit)) {
                wrong.add("limit");
            }
            long stock = (limit.amount() + 1) / 2;
            if (e.capitalStockIncrease().amount() != stock
                    || e.capitalReserveIncrease().amount() != limit.amount() - stock) {
                wrong.add("capital split");
            }
            if (!wrong.isEmpty()) {
                problems.add("exercise figures " + wrong + ": " + e);
            }
        }

        long sharesPerRightOn(LocalDate date) {
            Map.Entry<LocalDate, Long> step = sharesPerRight.floorEntry(date);
            return step == null ? atIssue : step.getValue();
        }

        long total(int index) {
            return holdings.values().stream().mapToLong(h -> h[index]).sum();
        }

        static String describe(long[] h) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 5; i++) {
                text.append(i == 0 ? "" : ", ").append(NAMES[i]).append(' ').append(h[i]);
            }
            return text.toString();
        }
    }
}
