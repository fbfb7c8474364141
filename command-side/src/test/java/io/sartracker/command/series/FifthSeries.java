package io.sartracker.command.series;

import io.sartracker.command.issuer.IssuerCommandHandler;
import io.sartracker.command.person.PersonAtIssuer;
import io.sartracker.command.policy.BusinessDate;
import io.sartracker.kernel.command.AllotRights;
import io.sartracker.kernel.command.ExerciseRights;
import io.sartracker.kernel.command.InheritRights;
import io.sartracker.kernel.command.IssueSeries;
import io.sartracker.kernel.command.RecordDeath;
import io.sartracker.kernel.command.RecordDepartureFromOffice;
import io.sartracker.kernel.command.RecordDueLapses;
import io.sartracker.kernel.command.RecordShareConsolidation;
import io.sartracker.kernel.command.RecordShareSplit;
import io.sartracker.kernel.command.ReverseLatestFact;
import io.sartracker.kernel.event.HolderLeftOffice;
import io.sartracker.kernel.event.RightsExercised;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Ratio;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.model.Terms;
import io.sartracker.kernel.model.Yen;
import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.Repository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeDiagnosingMatcher;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The common givens of the aggregate tests: the 5th series of the seed ({@link Terms#fifthSeries()},
 * allotted on 2015-07-13), its holders, short factories for the commands and expected events, and a
 * matcher for the {@link RuleViolation} every rejection answers with.
 */
final class FifthSeries {
    static final SeriesId S = SeriesId.of("IIJ-5");
    static final IssuerId I = IssuerId.of("IIJ");
    static final Terms TERMS = Terms.fifthSeries();
    static final LocalDate ALLOTMENT_DATE = LocalDate.of(2015, 7, 13);
    static final LocalDate PERIOD_START = LocalDate.of(2015, 7, 14);
    static final LocalDate PERIOD_END = LocalDate.of(2045, 7, 13);

    static final HolderId D01 = HolderId.of("D01");
    static final HolderId D02 = HolderId.of("D02");
    static final HolderId E01 = HolderId.of("E01");
    static final HolderId HEIR = HolderId.of("H01");
    static final HolderId SECOND_HEIR = HolderId.of("H02");

    private FifthSeries() {
    }

    /** Today in the fixtures: the date on which the faults of issue 8 were found. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    /** For tests that walk to the end of the exercise period (2045): a clock set later, not weaker rules. */
    static final String AFTER_THE_PERIOD = "2050-01-01";

    /** A fixture for the series, with the issuer-level handler (allotment, departure, death, split...), today 2026-11-27. */
    static AggregateTestFixture<StockAcquisitionRight> fixture() {
        return fixture(TODAY);
    }

    static AggregateTestFixture<StockAcquisitionRight> fixture(String today) {
        return fixture(day(today));
    }

    /** The fixture with a fixed clock: at noon in the issuer's calendar of {@code today}. */
    static AggregateTestFixture<StockAcquisitionRight> fixture(LocalDate today) {
        Clock clock = clockOn(today);
        AggregateTestFixture<StockAcquisitionRight> fixture = new AggregateTestFixture<>(StockAcquisitionRight.class);
        fixture.registerInjectableResource(clock);
        fixture.registerAnnotatedCommandHandler(new IssuerCommandHandler(fixture.getRepository(), people(),
                new InMemorySeriesDirectory().register(S, I), new EventStoreHoldingReplay(fixture.getEventStore()), clock));
        return fixture;
    }

    static Clock clockOn(LocalDate today) {
        return Clock.fixed(today.atTime(12, 0).atZone(BusinessDate.ISSUER_ZONE).toInstant(), BusinessDate.ISSUER_ZONE);
    }

    /**
     * The people's histories, in an event store of their own: a fixture holds one aggregate, and
     * its expectations are about the series' events (the person's are checked in PersonAtIssuerTest).
     */
    static Repository<PersonAtIssuer> people() {
        return EventSourcingRepository.builder(PersonAtIssuer.class)
                .eventStore(EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build())
                .build();
    }

    static LocalDate day(String isoDate) {
        return LocalDate.parse(isoDate);
    }

    static ExerciseWindow window(String firstDay, String lastDay) {
        return new ExerciseWindow(day(firstDay), day(lastDay));
    }

    // ---- terms variants, built with the Terms record constructor

    static Terms termsWithPeriod(LocalDate firstDay, LocalDate lastDay) {
        Terms t = TERMS;
        return new Terms(t.name(), t.issuerName(), t.resolutionDate(), t.maximumRights(), t.sharesPerRightAtIssue(),
                t.exercisePricePerShare(), new ExerciseWindow(firstDay, lastDay), t.allotmentDate(), t.paymentDate(),
                t.windowAfterLeavingOfficeDays(), t.heirWindowMonths(), t.transferAllowed(), t.eligibleRoles());
    }

    static Terms termsWithEligibleRoles(Set<Role> roles) {
        Terms t = TERMS;
        return new Terms(t.name(), t.issuerName(), t.resolutionDate(), t.maximumRights(), t.sharesPerRightAtIssue(),
                t.exercisePricePerShare(), t.exercisePeriod(), t.allotmentDate(), t.paymentDate(),
                t.windowAfterLeavingOfficeDays(), t.heirWindowMonths(), t.transferAllowed(), roles);
    }

    static Terms termsAllowingTransfer() {
        Terms t = TERMS;
        return new Terms(t.name(), t.issuerName(), t.resolutionDate(), t.maximumRights(), t.sharesPerRightAtIssue(),
                t.exercisePricePerShare(), t.exercisePeriod(), t.allotmentDate(), t.paymentDate(),
                t.windowAfterLeavingOfficeDays(), t.heirWindowMonths(), true, t.eligibleRoles());
    }

    // ---- commands

    static IssueSeries issue() {
        return new IssueSeries(S, I, TERMS);
    }

    static IssueSeries issue(Terms terms) {
        return new IssueSeries(S, I, terms);
    }

    static AllotRights allot(HolderId holder, Role role, long rights) {
        return new AllotRights(S, holder, role, Rights.of(rights), ALLOTMENT_DATE);
    }

    static AllotRights director(HolderId holder, long rights) {
        return allot(holder, Role.DIRECTOR, rights);
    }

    static AllotRights officer(HolderId holder, long rights) {
        return allot(holder, Role.EXECUTIVE_OFFICER, rights);
    }

    static RecordDepartureFromOffice departure(HolderId holder, String date) {
        return new RecordDepartureFromOffice(I, holder, day(date), DepartureReason.RETIREMENT);
    }

    static RecordDeath death(HolderId person, String date) {
        return new RecordDeath(I, person, day(date));
    }

    static InheritRights inherit(HolderId holder, HolderId heir, String date) {
        return new InheritRights(S, holder, List.of(heir), day(date));
    }

    static ExerciseRights exercise(HolderId holder, String date, long rights) {
        return ExerciseRights.ofRights(S, holder, day(date), rights);
    }

    static ExerciseRights exerciseRights(HolderId holder, String date, String rights) {
        return new ExerciseRights(S, holder, day(date), new BigDecimal(rights), null);
    }

    static ExerciseRights exerciseShares(HolderId holder, String date, String shares) {
        return new ExerciseRights(S, holder, day(date), null, new BigDecimal(shares));
    }

    static RecordShareSplit split(Ratio ratio, String recordDate) {
        return new RecordShareSplit(I, ratio, day(recordDate), null);
    }

    static RecordShareConsolidation consolidation(Ratio ratio, String effectiveDate) {
        return new RecordShareConsolidation(I, ratio, day(effectiveDate));
    }

    static RecordDueLapses lapsesDueAsOf(String date) {
        return new RecordDueLapses(S, day(date));
    }

    static ReverseLatestFact reverse(HolderId holder, String reversedOn) {
        return new ReverseLatestFact(S, holder, "recorded in error", day(reversedOn));
    }

    // ---- expected events

    /** The 10-day window D+1..D+10 of a departure inside the exercise period, lapsing on D+11. */
    static HolderLeftOffice leftOffice(HolderId holder, String departureDate) {
        LocalDate d = day(departureDate);
        return new HolderLeftOffice(S, holder, d, DepartureReason.RETIREMENT,
                new ExerciseWindow(d.plusDays(1), d.plusDays(10)), d.plusDays(11));
    }

    /**
     * An exercise at 1 yen per share with no allotment amount recorded (book value 0): the capital
     * increase limit is the amount paid in, capital stock half of it rounded up, reserve the rest.
     */
    static RightsExercised exercised(HolderId holder, HolderId by, String date, long rights, long sharesPerRight) {
        long shares = rights * sharesPerRight;
        Yen paidIn = Yen.of(shares);
        Yen stock = paidIn.halfRoundedUp();
        return new RightsExercised(S, holder, by, day(date), Rights.of(rights), SharesPerRight.of(sharesPerRight),
                shares, Yen.of(1), paidIn, Yen.ZERO, Yen.ZERO, paidIn, stock, paidIn.minus(stock), false);
    }

    static RightsExercised exercised(HolderId holder, String date, long rights, long sharesPerRight) {
        return exercised(holder, holder, date, rights, sharesPerRight);
    }

    // ---- rejections

    /** Matches a {@link RuleViolation} with the code, a sentence to act on, and the figures named with {@code with}. */
    static RuleViolationMatcher violation(RuleCode code) {
        return new RuleViolationMatcher(code);
    }

    static final class RuleViolationMatcher extends TypeSafeDiagnosingMatcher<RuleViolation> {
        private final RuleCode code;
        private final Map<String, Object> figures = new LinkedHashMap<>();

        private RuleViolationMatcher(RuleCode code) {
            this.code = code;
        }

        RuleViolationMatcher with(String figure, Object value) {
            figures.put(figure, value);
            return this;
        }

        @Override
        protected boolean matchesSafely(RuleViolation violation, Description mismatch) {
            boolean matches = violation.code() == code;
            if (violation.getMessage() == null || violation.getMessage().isBlank()) {
                matches = false;
            }
            for (Map.Entry<String, Object> expected : figures.entrySet()) {
                if (!violation.figures().containsKey(expected.getKey())
                        || !Objects.equals(violation.figures().get(expected.getKey()), expected.getValue())) {
                    matches = false;
                }
            }
            if (!matches) {
                mismatch.appendText("was a RuleViolation with code ").appendValue(violation.code())
                        .appendText(", figures ").appendValue(violation.figures())
                        .appendText(" and message ").appendValue(violation.getMessage());
            }
            return matches;
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("a RuleViolation with code ").appendValue(code)
                    .appendText(", a message, and figures including ").appendValue(figures);
        }
    }
}
