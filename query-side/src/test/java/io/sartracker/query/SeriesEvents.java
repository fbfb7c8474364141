package io.sartracker.query;

import io.sartracker.kernel.event.AllotmentAmountDetermined;
import io.sartracker.kernel.event.FactReversed;
import io.sartracker.kernel.event.HolderDied;
import io.sartracker.kernel.event.HolderLeftOffice;
import io.sartracker.kernel.event.RightsAcquired;
import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.event.RightsExercised;
import io.sartracker.kernel.event.RightsInherited;
import io.sartracker.kernel.event.RightsLapsed;
import io.sartracker.kernel.event.SeriesEvent;
import io.sartracker.kernel.event.SeriesIssued;
import io.sartracker.kernel.event.SeriesRestructured;
import io.sartracker.kernel.event.SharesPerRightAdjusted;
import io.sartracker.kernel.model.AcquisitionCause;
import io.sartracker.kernel.model.AdjustmentCause;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.LapseReason;
import io.sartracker.kernel.model.Ratio;
import io.sartracker.kernel.model.RestructuringKind;
import io.sartracker.kernel.model.ReversibleFact;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.model.Terms;
import io.sartracker.kernel.model.Yen;
import io.sartracker.kernel.valuation.Valuation;
import io.sartracker.query.history.RecordedEvent;
import io.sartracker.query.register.HoldingRecord;
import io.sartracker.query.register.SeriesRegister;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-built events of the 5th series, shaped as the command side's aggregate
 * ({@code StockAcquisitionRight}) records them: windows are D+1..D+10 (or I..I+6 months) cut to the
 * exercise period with the lapse date the day after, exercises carry the figures of RULES.md 6, an
 * heir's death is a {@link HolderDied} with outcome RIGHTS_LAPSE followed by a {@link RightsLapsed}
 * (HEIR_DIED) on the same date, and a {@link FactReversed} carries what it gives back.
 */
public final class SeriesEvents {
    public static final SeriesId S = SeriesId.of("IIJ-SAR-5");
    public static final IssuerId IIJ = IssuerId.of("IIJ");
    public static final Terms TERMS = Terms.fifthSeries();
    public static final ExerciseWindow PERIOD = TERMS.exercisePeriod();
    public static final LocalDate RESOLUTION = LocalDate.of(2015, 6, 26);
    public static final LocalDate ALLOTMENT = LocalDate.of(2015, 7, 13);
    public static final LocalDate PERIOD_END = LocalDate.of(2045, 7, 13);
    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    /** RULES.md 12: seven directors with 153 rights and eleven executive officers with 7 each (77). */
    public static final long[] DIRECTOR_RIGHTS = {30, 25, 22, 21, 20, 20, 15};
    public static final int OFFICERS = 11;
    public static final long OFFICER_RIGHTS = 7;

    private SeriesEvents() {
    }

    public static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    public static HolderId id(String value) {
        return HolderId.of(value);
    }

    public static ExerciseWindow window(String firstDay, String lastDay) {
        return new ExerciseWindow(day(firstDay), day(lastDay));
    }

    /** The instant of a time of day in Tokyo, the issuer's calendar. */
    public static Instant tokyo(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).atZone(TOKYO).toInstant();
    }

    public static Instant tokyo(String date, int hour, int minute) {
        return tokyo(day(date), hour, minute);
    }

    // ---- events

    public static SeriesIssued issued() {
        return new SeriesIssued(S, IIJ, TERMS);
    }

    public static RightsAllotted allotted(String holder, Role role, long rights) {
        return new RightsAllotted(S, id(holder), role, Rights.of(rights), ALLOTMENT);
    }

    public static RightsAllotted director(String holder, long rights) {
        return allotted(holder, Role.DIRECTOR, rights);
    }

    public static RightsAllotted officer(String holder, long rights) {
        return allotted(holder, Role.EXECUTIVE_OFFICER, rights);
    }

    /** A 2-for-1 split with this record date: it applies from the next day (RULES.md 7). */
    public static SharesPerRightAdjusted split(String recordDate, long before, long after) {
        LocalDate record = day(recordDate);
        return new SharesPerRightAdjusted(S, AdjustmentCause.SPLIT, Ratio.of(2, 1), record, record.plusDays(1),
                SharesPerRight.of(before), SharesPerRight.of(after), null);
    }

    /** A valuation with this amount per right; the other figures are plausible but not recomputed here. */
    public static AllotmentAmountDetermined allotmentAmount(long amountPerRight) {
        Valuation valuation = new Valuation(Valuation.BLACK_SCHOLES_WITH_DIVIDEND_YIELD, ALLOTMENT,
                new BigDecimal("1000"), BigDecimal.ONE, new BigDecimal("15"), new BigDecimal("0.01"),
                new BigDecimal("20"), 0.02, 0.3, Valuation.VolatilitySource.GIVEN, null, null, List.of(),
                1.0, amountPerRight / 200.0, SharesPerRight.of(200), Yen.of(amountPerRight));
        return new AllotmentAmountDetermined(S, LocalDate.of(2015, 7, 1), valuation);
    }

    /** Lost office on D: the window is D+1..D+10 cut to the exercise period, the lapse date the day after it. */
    public static HolderLeftOffice leftOffice(String holder, String departureDate) {
        LocalDate d = day(departureDate);
        LocalDate lastDay = d.plusDays(TERMS.windowAfterLeavingOfficeDays());
        ExerciseWindow window = new ExerciseWindow(d.plusDays(1), lastDay).cutTo(PERIOD).orElse(null);
        LocalDate lapseDate = window != null ? window.dayAfter() : lastDay.plusDays(1);
        return new HolderLeftOffice(S, id(holder), d, DepartureReason.RETIREMENT, window, lapseDate);
    }

    /** An exercise by the allottee, with book value 0 (no allotment amount recorded). */
    public static RightsExercised exercised(String holder, String date, long rights, long sharesPerRight) {
        return exercised(holder, holder, date, rights, sharesPerRight, 0);
    }

    /** An exercise with the figures of RULES.md 6, as the aggregate computes them. */
    public static RightsExercised exercised(String holder, String exercisedBy, String date, long rights,
                                            long sharesPerRight, long bookValuePerRight) {
        Rights k = Rights.of(rights);
        SharesPerRight perRight = SharesPerRight.of(sharesPerRight);
        long shares = perRight.sharesFor(k);
        Yen price = TERMS.exercisePricePerShare();
        Yen paidIn = price.times(shares);
        Yen bookValue = Yen.of(bookValuePerRight).times(rights);
        Yen limit = paidIn.plus(bookValue);
        Yen capitalStock = limit.halfRoundedUp();
        return new RightsExercised(S, id(holder), id(exercisedBy), day(date), k, perRight, shares, price, paidIn,
                Yen.of(bookValuePerRight), bookValue, limit, capitalStock, limit.minus(capitalStock), bookValuePerRight > 0);
    }

    /** The allottee died in office or inside the 10-day window: the rights await one heir. */
    public static HolderDied diedAwaitingHeir(String holder, String date, long rightsHeld) {
        return new HolderDied(S, id(holder), id(holder), day(date), HolderDied.Outcome.AWAITING_HEIR,
                Rights.of(rightsHeld));
    }

    /** The heir inherited on I: the window is I..I+6 months cut to the period. */
    public static RightsInherited inherited(String holder, String heir, String date, long rightsHeld) {
        LocalDate i = day(date);
        LocalDate lastDay = i.plusMonths(TERMS.heirWindowMonths());
        ExerciseWindow window = new ExerciseWindow(i, lastDay).cutTo(PERIOD).orElse(null);
        LocalDate lapseDate = window != null ? window.dayAfter() : lastDay.plusDays(1);
        return new RightsInherited(S, id(holder), id(heir), i, Rights.of(rightsHeld), window, lapseDate);
    }

    /** The heir died: the death, then the lapse of what the heir held, on the same date. */
    public static List<SeriesEvent> heirDied(String holder, String heir, String date, long rightsHeld) {
        return List.of(
                new HolderDied(S, id(holder), id(heir), day(date), HolderDied.Outcome.RIGHTS_LAPSE,
                        Rights.of(rightsHeld)),
                new RightsLapsed(S, id(holder), Rights.of(rightsHeld), LapseReason.HEIR_DIED, day(date)));
    }

    public static RightsLapsed lapsed(String holder, long rights, LapseReason reason, String lapseDate) {
        return new RightsLapsed(S, id(holder), Rights.of(rights), reason, day(lapseDate));
    }

    public static RightsAcquired acquired(String holder, long rights, String approvalDate, String acquisitionDate) {
        return new RightsAcquired(S, id(holder), Rights.of(rights), AcquisitionCause.SHARE_EXCHANGE,
                day(approvalDate), day(acquisitionDate));
    }

    public static FactReversed reversed(String holder, ReversibleFact fact, String factDate, String reversedOn,
                                        long fromExercise, long fromLapse) {
        return new FactReversed(S, id(holder), fact, day(factDate), "recorded in error", day(reversedOn),
                Rights.of(fromExercise), Rights.of(fromLapse));
    }

    public static SeriesRestructured restructured(String effectiveDate, Ratio ratio, long sharesPerRightBefore,
                                                  long rightsReplaced) {
        LocalDate effective = day(effectiveDate);
        ExerciseWindow period = new ExerciseWindow(
                effective.isAfter(PERIOD.firstDay()) ? effective : PERIOD.firstDay(), PERIOD.lastDay());
        SharesPerRight before = SharesPerRight.of(sharesPerRightBefore);
        return new SeriesRestructured(S, RestructuringKind.MERGER_COMPANY_DISSOLVES, IIJ, IssuerId.of("NEWCO"),
                "NewCo Holdings Inc.", effective, ratio, before, before.adjustedBy(ratio), Yen.of(1), period,
                Rights.of(rightsReplaced));
    }

    // ---- recorded events

    /** Recorded on its effective date at 10:00 in Tokyo. */
    public static RecordedEvent recorded(SeriesEvent event) {
        return new RecordedEvent(event, tokyo(event.effectiveDate(), 10, 0));
    }

    public static RecordedEvent recorded(SeriesEvent event, Instant recordedAt) {
        return new RecordedEvent(event, recordedAt);
    }

    /**
     * RULES.md 12 up to (not including) D01's departure: resolution, the allotment of 230 rights
     * (D01..D07 directors, E01..E11 executive officers) and the two 2-for-1 splits. Each event is
     * recorded on its effective date at 10:00 in Tokyo; a split on its record date (the board's decision).
     */
    public static List<RecordedEvent> referenceHistoryBeforeDeparture() {
        List<RecordedEvent> history = new ArrayList<>();
        history.add(recorded(issued()));
        for (int i = 0; i < DIRECTOR_RIGHTS.length; i++) {
            history.add(recorded(director(String.format("D%02d", i + 1), DIRECTOR_RIGHTS[i])));
        }
        for (int i = 0; i < OFFICERS; i++) {
            history.add(recorded(officer(String.format("E%02d", i + 1), OFFICER_RIGHTS)));
        }
        history.add(recorded(split("2020-12-31", 200, 400), tokyo("2020-12-31", 10, 0)));
        history.add(recorded(split("2022-09-30", 400, 800), tokyo("2022-09-30", 10, 0)));
        return history;
    }

    // ---- reading the register

    public static HoldingRecord holding(SeriesRegister register, String holderId) {
        return register.holdings().stream().filter(h -> h.holderId().equals(holderId)).findFirst()
                .orElseThrow(() -> new AssertionError("no holding of " + holderId));
    }

    public static <T> List<T> concat(List<? extends T> first, List<? extends T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
