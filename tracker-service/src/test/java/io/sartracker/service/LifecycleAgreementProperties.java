package io.sartracker.service;

import io.sartracker.command.directory.SeriesDirectory;
import io.sartracker.command.issuer.IssuerCommandHandler;
import io.sartracker.command.person.PersonAtIssuer;
import io.sartracker.command.policy.BusinessDate;
import io.sartracker.command.series.EventStoreHoldingReplay;
import io.sartracker.command.series.StockAcquisitionRight;
import io.sartracker.command.series.StockAcquisitionRight.HoldingFigures;
import io.sartracker.kernel.command.AcquireRights;
import io.sartracker.kernel.command.AllotRights;
import io.sartracker.kernel.command.ExerciseRights;
import io.sartracker.kernel.command.InheritRights;
import io.sartracker.kernel.command.IssueSeries;
import io.sartracker.kernel.command.RecordDeath;
import io.sartracker.kernel.command.RecordDepartureFromOffice;
import io.sartracker.kernel.command.RecordDueLapses;
import io.sartracker.kernel.command.RecordRoleChange;
import io.sartracker.kernel.command.RecordShareConsolidation;
import io.sartracker.kernel.command.RecordShareSplit;
import io.sartracker.kernel.command.ReverseFactOfPerson;
import io.sartracker.kernel.command.ReverseLatestFact;
import io.sartracker.kernel.event.SeriesEvent;
import io.sartracker.kernel.lifecycle.HoldingLife;
import io.sartracker.kernel.lifecycle.HoldingLifecycle;
import io.sartracker.kernel.model.AcquisitionCause;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.HoldingStatus;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Ratio;
import io.sartracker.kernel.model.ReversibleFact;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.Terms;
import io.sartracker.kernel.rule.RuleViolation;
import io.sartracker.query.history.HistoryWindow;
import io.sartracker.query.history.RecordedEvent;
import io.sartracker.query.register.HoldingRecord;
import io.sartracker.query.register.SeriesProjector;
import io.sartracker.query.register.SeriesRegister;
import io.sartracker.query.register.Views;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Issue 8: after every command, the state the aggregate holds, the stored projection (the
 * {@link SeriesProjector}'s fold of the series' stored events) and the as-of-today fold of the store
 * ({@link HistoryWindow#asOf}, as the query side folds a view as of a date) agree, holding by holding,
 * on every figure they share.
 * <p>
 * Random command sequences (allotment, departure, death, inheritance, exercise, split, consolidation,
 * role change, acquisition, lapse sweep, reversal of a holding's latest fact or of a person's fact)
 * go through a real Axon configuration of the command side (command bus, event-sourcing
 * repositories, in-memory event store, the issuer's handler) to two series of one issuer: the 5th
 * series (period to 2045) and one whose period ends 2017-07-13, so that the end of a period is inside
 * most sequences. Today, from a fixed clock, is after every date a command can carry.
 * <p>
 * Compared per holding, after every command, accepted or rejected:
 * <ul>
 * <li>aggregate against the projector's fold and against the as-of-today fold: the holders, role,
 * status, rights allotted, held, exercised, lapsed and acquired, departure date, date of death,
 * heir, inheritance date, window and the date the window's lapse carries (the lapse date is left out
 * once the lapse or acquisition is recorded, where the register keeps the recorded date instead, and
 * while awaiting an heir, where the register shows the period's end);</li>
 * <li>the projector's fold against the as-of-today fold: the whole register view as of today
 * ({@link Views#register}: totals, shares per right, every holding view with its state, figures,
 * window, lapse date and exercises);</li>
 * <li>aggregate against the shared kernel's pure lifecycle ({@link HoldingLifecycle#fold} of the stored
 * events): every figure of {@link HoldingFigures}, the lapse date and the heir's date of death included,
 * so that the aggregate can switch to it.</li>
 * </ul>
 */
class LifecycleAgreementProperties {
    static final IssuerId ISSUER = IssuerId.of("IIJ");
    static final SeriesId LONG = SeriesId.of("IIJ-5");
    static final SeriesId SHORT = SeriesId.of("IIJ-6");
    static final List<SeriesId> SERIES = List.of(LONG, SHORT);
    static final LocalDate ALLOTMENT_DATE = LocalDate.of(2015, 7, 13);
    /** After every date a sequence reaches (at most 40 steps of at most 500 days from 2015). */
    static final LocalDate TODAY = LocalDate.of(2100, 1, 4);
    static final int HOLDERS = 3;
    /**
     * A holder index that names the holding the last accepted command about a holding concerned, in its
     * series (the step's series index is then not used): consecutive facts of one holding interact most.
     */
    static final int FOCUS = -1;
    static final List<Ratio> SPLITS = List.of(Ratio.of(2, 1), Ratio.of(3, 2));
    static final List<Ratio> CONSOLIDATIONS = List.of(Ratio.of(1, 2), Ratio.of(2, 3));

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void aggregateProjectionAndAsOfFoldAgreeAfterEveryCommand(@ForAll("setup") List<Step> setup,
                                                               @ForAll("steps") List<Step> steps) {
        try (Run run = new Run()) {
            for (Step step : setup) {
                run.perform(step);
            }
            for (Step step : steps) {
                run.perform(step);
            }
            Statistics.label("accepted commands per sequence").collect(
                    run.accepted <= 5 ? "0-5" : run.accepted <= 15 ? "6-15" : ">15");
        }
    }

    // ---- steps and their generators

    /** Every step first moves the business date cursor forward by {@code advance} days. */
    sealed interface Step permits Allot, Depart, Die, Inherit, Exercise, Split, Consolidate, RoleChange, Acquire,
            DueLapses, Reverse, ReversePerson {
        int advance();
    }

    record Allot(int advance, int series, int holder, Role role, int rights) implements Step {
    }

    record Depart(int advance, int holder, DepartureReason reason) implements Step {
    }

    /** person indices from {@link #HOLDERS} on are the heirs. */
    record Die(int advance, int person) implements Step {
    }

    record Inherit(int advance, int series, int holder, int heir) implements Step {
    }

    /** {@code afterAnchor}: that many days after the holding's departure or inheritance; null at the cursor. */
    record Exercise(int advance, int series, int holder, int rights, Integer afterAnchor) implements Step {
    }

    record Split(int advance, int ratio) implements Step {
    }

    record Consolidate(int advance, int ratio) implements Step {
    }

    record RoleChange(int advance, int holder, Role role) implements Step {
    }

    record Acquire(int advance, int series, AcquisitionCause cause) implements Step {
    }

    record DueLapses(int advance, int series) implements Step {
    }

    record Reverse(int advance, int series, int holder) implements Step {
    }

    record ReversePerson(int advance, int person, ReversibleFact fact) implements Step {
    }

    @Provide
    Arbitrary<List<Step>> setup() {
        Arbitrary<Integer> rights = Arbitraries.integers().between(0, 6);
        return Combinators.combine(rights.list().ofSize(2 * HOLDERS), Arbitraries.of(Role.class).list().ofSize(HOLDERS))
                .as((counts, roles) -> {
                    List<Step> allotments = new ArrayList<>();
                    for (int i = 0; i < 2 * HOLDERS; i++) {
                        if (counts.get(i) > 0) {
                            allotments.add(new Allot(0, i / HOLDERS, i % HOLDERS, roles.get(i % HOLDERS),
                                    counts.get(i)));
                        }
                    }
                    return allotments;
                });
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> advance = Arbitraries.frequencyOf(
                Tuple.of(50, Arbitraries.integers().between(0, 2)),
                Tuple.of(30, Arbitraries.integers().between(3, 30)),
                Tuple.of(20, Arbitraries.integers().between(100, 500)));
        Arbitrary<Integer> series = Arbitraries.integers().between(0, 1);
        Arbitrary<Integer> holder = Arbitraries.frequencyOf(
                Tuple.of(55, Arbitraries.integers().between(0, HOLDERS - 1)), Tuple.of(45, Arbitraries.just(FOCUS)));
        Arbitrary<Integer> person = Arbitraries.frequencyOf(
                Tuple.of(70, Arbitraries.integers().between(0, HOLDERS + 1)), Tuple.of(30, Arbitraries.just(FOCUS)));
        Arbitrary<Step> allot = Combinators.combine(advance, series, holder, Arbitraries.of(Role.class),
                Arbitraries.integers().between(1, 4)).as(Allot::new);
        Arbitrary<Step> depart = Combinators.combine(advance, holder, Arbitraries.of(DepartureReason.class))
                .as(Depart::new);
        Arbitrary<Step> die = Combinators.combine(advance, person).as(Die::new);
        // heirs are mostly the two persons without an allotment, sometimes an allottee
        Arbitrary<Integer> heir = Arbitraries.frequencyOf(
                Tuple.of(80, Arbitraries.integers().between(HOLDERS, HOLDERS + 1)),
                Tuple.of(20, Arbitraries.integers().between(0, HOLDERS - 1)));
        Arbitrary<Step> inherit = Combinators.combine(advance, series, holder, heir).as(Inherit::new);
        Arbitrary<Step> exercise = Combinators.combine(advance, series, holder, Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(0, 12).injectNull(0.25)).as(Exercise::new);
        Arbitrary<Step> split = Combinators.combine(advance, Arbitraries.integers().between(0, SPLITS.size() - 1))
                .as(Split::new);
        Arbitrary<Step> consolidate = Combinators.combine(advance,
                Arbitraries.integers().between(0, CONSOLIDATIONS.size() - 1)).as(Consolidate::new);
        Arbitrary<Step> roleChange = Combinators.combine(advance, holder, Arbitraries.of(Role.class))
                .as(RoleChange::new);
        Arbitrary<Step> acquire = Combinators.combine(advance, series, Arbitraries.of(AcquisitionCause.class))
                .as(Acquire::new);
        Arbitrary<Step> lapses = Combinators.combine(advance, series).as(DueLapses::new);
        Arbitrary<Step> reverse = Combinators.combine(advance, series, holder).as(Reverse::new);
        Arbitrary<Step> reversePerson = Combinators.combine(advance, person,
                Arbitraries.of(ReversibleFact.DEPARTURE, ReversibleFact.DEATH)).as(ReversePerson::new);
        return Arbitraries.frequencyOf(
                        Tuple.of(8, allot), Tuple.of(12, depart), Tuple.of(9, die), Tuple.of(8, inherit),
                        Tuple.of(20, exercise), Tuple.of(3, split), Tuple.of(2, consolidate), Tuple.of(3, roleChange),
                        Tuple.of(1, acquire), Tuple.of(6, lapses), Tuple.of(12, reverse), Tuple.of(6, reversePerson))
                .list().ofMinSize(1).ofMaxSize(40).withSizeDistribution(RandomDistribution.uniform());
    }

    static HolderId person(int index) {
        return index < HOLDERS ? HolderId.of("H" + (index + 1)) : HolderId.of("HEIR" + (char) ('A' + index - HOLDERS));
    }

    static Terms withMaximum(Terms f, int maximum, ExerciseWindow period) {
        return new Terms(f.name(), f.issuerName(), f.resolutionDate(), Rights.of(maximum),
                f.sharesPerRightAtIssue(), f.exercisePricePerShare(), period, f.allotmentDate(),
                f.paymentDate(), f.windowAfterLeavingOfficeDays(), f.heirWindowMonths(), f.transferAllowed(),
                Set.of(Role.DIRECTOR, Role.EXECUTIVE_OFFICER));
    }

    // ---- one try

    /** The series of one issuer, registered by hand; every series may concern a person. */
    static final class Directory implements SeriesDirectory {
        @Override
        public List<SeriesId> seriesOf(IssuerId issuerId) {
            return issuerId.equals(ISSUER) ? SERIES : List.of();
        }

        @Override
        public List<SeriesId> seriesOf(IssuerId issuerId, HolderId personId) {
            return seriesOf(issuerId);
        }

        @Override
        public List<SeriesId> allSeries() {
            return SERIES;
        }
    }

    static final class Run implements AutoCloseable {
        final Configuration config;
        final Repository<StockAcquisitionRight> repository;
        final List<String> log = new ArrayList<>();
        /** The latest departure or inheritance per "series|holder", to draw exercise dates in the window. */
        final Map<String, LocalDate> windowsOpened = new LinkedHashMap<>();
        LocalDate cursor = ALLOTMENT_DATE;
        int accepted;
        SeriesId focusSeries = LONG;
        HolderId focusHolder = person(0);

        Run() {
            Clock clock = Clock.fixed(TODAY.atTime(12, 0).atZone(BusinessDate.ISSUER_ZONE).toInstant(),
                    BusinessDate.ISSUER_ZONE);
            config = DefaultConfigurer.defaultConfiguration()
                    .configureAggregate(StockAcquisitionRight.class)
                    .configureAggregate(PersonAtIssuer.class)
                    .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                    .registerComponent(Clock.class, c -> clock)
                    .registerCommandHandler(c -> new IssuerCommandHandler(c.repository(StockAcquisitionRight.class),
                            c.repository(PersonAtIssuer.class), new Directory(),
                            new EventStoreHoldingReplay(c.eventStore()), clock))
                    .buildConfiguration();
            config.start();
            repository = config.repository(StockAcquisitionRight.class);
            Terms fifth = Terms.fifthSeries();
            config.commandGateway().sendAndWait(new IssueSeries(LONG, ISSUER,
                    withMaximum(fifth, 30, fifth.exercisePeriod())));
            config.commandGateway().sendAndWait(new IssueSeries(SHORT, ISSUER, withMaximum(fifth, 20,
                    new ExerciseWindow(LocalDate.of(2015, 7, 14), LocalDate.of(2017, 7, 13)))));
            compare("after issuing the series");
        }

        @Override
        public void close() {
            config.shutdown();
        }

        void perform(Step step) {
            cursor = cursor.plusDays(step.advance());
            Object command = toCommand(step);
            String type = command.getClass().getSimpleName();
            try {
                config.commandGateway().sendAndWait(command);
                accepted++;
                log.add("#" + (log.size() + 1) + " ACCEPTED " + command);
                Statistics.label("outcome").collect(type, "accepted");
                remember(command);
            } catch (RuleViolation violation) {
                log.add("#" + (log.size() + 1) + " rejected " + violation.code() + " " + command);
                Statistics.label("outcome").collect(type, "rejected");
                Statistics.label("rejection codes").collect(type, violation.code().name());
            } catch (AssertionError e) {
                throw e;
            } catch (Throwable t) {
                log.add("#" + (log.size() + 1) + " THREW " + t + " " + command);
                throw failure("a command threw " + t + " instead of a RuleViolation", t);
            }
            compare("after " + log.get(log.size() - 1));
        }

        Object toCommand(Step step) {
            if (step instanceof Allot s) {
                return new AllotRights(where(s.series(), s.holder()), who(s.holder()), s.role(), Rights.of(s.rights()),
                        ALLOTMENT_DATE);
            }
            if (step instanceof Depart s) {
                return new RecordDepartureFromOffice(ISSUER, who(s.holder()), cursor, s.reason());
            }
            if (step instanceof Die s) {
                return new RecordDeath(ISSUER, who(s.person()), cursor);
            }
            if (step instanceof Inherit s) {
                return new InheritRights(where(s.series(), s.holder()), who(s.holder()), List.of(person(s.heir())), cursor);
            }
            if (step instanceof Exercise s) {
                SeriesId series = where(s.series(), s.holder());
                HolderId holder = who(s.holder());
                LocalDate anchor = windowsOpened.get(series + "|" + holder);
                LocalDate date = s.afterAnchor() == null || anchor == null ? cursor : anchor.plusDays(s.afterAnchor());
                return new ExerciseRights(series, holder, date, BigDecimal.valueOf(s.rights()), null);
            }
            if (step instanceof Split s) {
                return new RecordShareSplit(ISSUER, SPLITS.get(s.ratio()), cursor, null);
            }
            if (step instanceof Consolidate s) {
                return new RecordShareConsolidation(ISSUER, CONSOLIDATIONS.get(s.ratio()), cursor);
            }
            if (step instanceof RoleChange s) {
                return new RecordRoleChange(ISSUER, who(s.holder()), s.role(), cursor);
            }
            if (step instanceof Acquire s) {
                return new AcquireRights(SERIES.get(s.series()), s.cause(), cursor, cursor);
            }
            if (step instanceof DueLapses s) {
                return new RecordDueLapses(SERIES.get(s.series()), cursor);
            }
            if (step instanceof Reverse s) {
                return new ReverseLatestFact(where(s.series(), s.holder()), who(s.holder()), "entered in error", cursor);
            }
            if (step instanceof ReversePerson s) {
                return new ReverseFactOfPerson(ISSUER, who(s.person()), s.fact(), "entered in error", cursor);
            }
            throw new IllegalStateException("unknown step " + step);
        }

        HolderId who(int index) {
            return index == FOCUS ? focusHolder : person(index);
        }

        SeriesId where(int seriesIndex, int holderIndex) {
            return holderIndex == FOCUS ? focusSeries : SERIES.get(seriesIndex);
        }

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
                focus(focusSeries, c.holderId());
            } else if (command instanceof RecordDeath c && !c.personId().value().startsWith("HEIR")) {
                focus(focusSeries, c.personId());
            }
            if (command instanceof RecordDepartureFromOffice c) {
                SERIES.forEach(series -> windowsOpened.put(series + "|" + c.holderId(), c.departureDate()));
            } else if (command instanceof InheritRights c) {
                windowsOpened.put(c.seriesId() + "|" + c.holderId(), c.inheritanceDate());
            }
        }

        void focus(SeriesId series, HolderId holder) {
            focusSeries = series;
            focusHolder = holder;
        }

        // ---- the comparison

        void compare(String when) {
            for (SeriesId id : SERIES) {
                List<? extends DomainEventMessage<?>> stored = config.eventStore().readEvents(id.value()).asStream()
                        .toList();
                SeriesRegister projected = SeriesProjector.fold(stored.stream().map(DomainEventMessage::getPayload)
                        .toList());
                SeriesRegister asOfToday = HistoryWindow.asOf(TODAY).fold(stored.stream()
                        .map(e -> new RecordedEvent((SeriesEvent) e.getPayload(), e.getTimestamp())).toList());
                Map<HolderId, HoldingFigures> aggregate = load(id);
                Map<String, HoldingLife> lifecycle = HoldingLifecycle.fold(stored.stream()
                        .map(DomainEventMessage::getPayload).toList());

                Set<String> aggregateHolders = aggregate.keySet().stream().map(HolderId::value)
                        .collect(Collectors.toCollection(TreeSet::new));
                check(aggregateHolders.equals(holders(projected)), when, id, "holders: aggregate " + aggregateHolders
                        + ", projection " + holders(projected));
                check(aggregateHolders.equals(holders(asOfToday)), when, id, "holders: aggregate " + aggregateHolders
                        + ", as of today " + holders(asOfToday));
                check(aggregateHolders.equals(new TreeSet<>(lifecycle.keySet())), when, id, "holders: aggregate "
                        + aggregateHolders + ", lifecycle " + new TreeSet<>(lifecycle.keySet()));
                aggregate.forEach((holder, figures) -> {
                    agree(figures, lifecycle.get(holder.value()), when, id);
                    agree(figures, projected, "projection", when, id);
                    agree(figures, asOfToday, "as-of-today fold", when, id);
                });
                Views.RegisterView fromProjection = Views.register(projected, TODAY);
                Views.RegisterView fromAsOf = Views.register(asOfToday, TODAY);
                check(fromProjection.equals(fromAsOf), when, id, "register views as of today differ:\n  projection "
                        + fromProjection + "\n  as of today " + fromAsOf);
            }
        }

        static Set<String> holders(SeriesRegister register) {
            return register.holdings().stream().map(HoldingRecord::holderId)
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        void agree(HoldingFigures a, SeriesRegister register, String side, String when, SeriesId id) {
            HoldingRecord r = register.holding(a.holderId().value());
            List<String> differ = new ArrayList<>();
            same(differ, "role", a.role(), r.role());
            same(differ, "status", a.status(), r.status());
            same(differ, "allotted", a.allotted().count(), r.allotted());
            same(differ, "held", a.held().count(), r.held());
            same(differ, "exercised", a.exercised().count(), r.exercised());
            same(differ, "lapsed", a.lapsed().count(), r.lapsed());
            same(differ, "acquired", a.acquired().count(), r.acquired());
            same(differ, "departureDate", a.departureDate(), r.departureDate());
            same(differ, "dateOfDeath", a.dateOfDeath(), r.dateOfDeath());
            same(differ, "heirId", a.heirId() == null ? null : a.heirId().value(), r.heirId());
            same(differ, "inheritanceDate", a.inheritanceDate(), r.inheritanceDate());
            same(differ, "window", a.window(), r.window());
            boolean lapseRecorded = a.status() == HoldingStatus.LAPSED || a.status() == HoldingStatus.ACQUIRED;
            boolean periodEndWhileAwaitingHeir = a.lapseDate() == null && a.dateOfDeath() != null
                    && register.exercisePeriod().dayAfter().equals(r.lapseDate());
            if (!lapseRecorded && !periodEndWhileAwaitingHeir) {
                same(differ, "lapseDate", a.lapseDate(), r.lapseDate());
            }
            check(differ.isEmpty(), when, id, "holding " + a.holderId() + ": aggregate and " + side + " differ on "
                    + differ + "\n  aggregate " + a);
        }

        void agree(HoldingFigures a, HoldingLife life, String when, SeriesId id) {
            List<String> differ = new ArrayList<>();
            same(differ, "holderId", a.holderId(), life.holderId());
            same(differ, "role", a.role(), life.role());
            same(differ, "status", a.status(), life.stage().status());
            same(differ, "allotted", a.allotted(), life.counts().allotted());
            same(differ, "held", a.held(), life.counts().held());
            same(differ, "exercised", a.exercised(), life.counts().exercised());
            same(differ, "lapsed", a.lapsed(), life.counts().lapsed());
            same(differ, "acquired", a.acquired(), life.counts().acquired());
            same(differ, "departureDate", a.departureDate(), life.stage().departureDate());
            same(differ, "dateOfDeath", a.dateOfDeath(), life.stage().dateOfDeath());
            same(differ, "heirId", a.heirId(), life.stage().heirId());
            same(differ, "inheritanceDate", a.inheritanceDate(), life.stage().inheritanceDate());
            same(differ, "dateOfHeirsDeath", a.dateOfHeirsDeath(), life.stage().dateOfHeirsDeath());
            same(differ, "window", a.window(), life.stage().window());
            same(differ, "lapseDate", a.lapseDate(), life.stage().lapseDate());
            check(differ.isEmpty(), when, id, "holding " + a.holderId() + ": aggregate and lifecycle differ on "
                    + differ + "\n  aggregate " + a + "\n  lifecycle " + life);
        }

        static void same(List<String> differ, String figure, Object aggregate, Object register) {
            if (!Objects.equals(aggregate, register)) {
                differ.add(figure + " (aggregate " + aggregate + ", register " + register + ")");
            }
        }

        Map<HolderId, HoldingFigures> load(SeriesId id) {
            ResultMessage<Map<HolderId, HoldingFigures>> result = DefaultUnitOfWork.startAndGet(null)
                    .executeWithResult(() -> repository.load(id.value()).invoke(StockAcquisitionRight::holdingFigures));
            if (result.isExceptional()) {
                throw failure(id + ": loading the aggregate failed: " + result.exceptionResult(),
                        result.exceptionResult());
            }
            return result.getPayload();
        }

        void check(boolean ok, String when, SeriesId id, String message) {
            if (!ok) {
                throw failure(id + ": " + message + " [" + when + "]", null);
            }
        }

        AssertionError failure(String message, Throwable cause) {
            StringBuilder text = new StringBuilder(message).append("\ncommands sent (cursor ").append(cursor)
                    .append("):");
            log.forEach(line -> text.append("\n  ").append(line));
            for (SeriesId id : SERIES) {
                text.append("\nevents of ").append(id).append(':');
                config.eventStore().readEvents(id.value()).asStream()
                        .forEach(e -> text.append("\n  ").append(e.getSequenceNumber()).append(' ')
                                .append(e.getPayload()));
            }
            return new AssertionError(text.toString(), cause);
        }
    }
}
