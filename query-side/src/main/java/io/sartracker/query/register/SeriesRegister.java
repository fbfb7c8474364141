package io.sartracker.query.register;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.Terms;
import io.sartracker.kernel.valuation.Valuation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A series as its events describe it: the state every view of the query side is read from. Built
 * only by {@link SeriesProjector}, both for the stored projection and for the as-of computations,
 * so the two cannot disagree.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class SeriesRegister {
    /**
     * The shape of this document as the code writes it. A stored document of another version (one
     * written before the field existed reads as 0) is not trusted: the views fold the series from its
     * events instead, and the register projection is re-folded at start-up. Raise it whenever a change
     * to the fold would leave documents already stored wrong or incomplete. (6: the holdings are stored one
     * per row beside the document, not inside it.)
     */
    public static final int FORMAT_VERSION = 6;

    int formatVersion;
    String seriesId;
    /** The issuer before a restructuring moved the series to the restructured company, else null. */
    String previousIssuerId;
    String issuerId;
    Terms terms;
    ExerciseWindow exercisePeriod;
    long exercisePricePerShare;
    List<SharesPerRightStep> sharesPerRight = new ArrayList<>();
    Valuation allotmentValuation;
    long allotmentAmountPerRight;
    String restructuredCompanyId;
    String restructuredCompanyName;
    LocalDate restructuredOn;
    /** Stored each in a row of its own (RegisterStore), not in the series' document: a batch writes those it changed. */
    @JsonIgnore
    Map<String, HoldingRecord> holdings = new LinkedHashMap<>();
    /** {@link #placeOf}'s numbering, made again once a holding is added. */
    @JsonIgnore
    private Map<String, Integer> places = Map.of();
    /**
     * The series' version: the aggregate sequence number of the last event folded in. The stored
     * projection skips any event at or before it.
     */
    long version = -1;
    /**
     * The latest effective date of the holder facts folded in (allotments, departures, deaths,
     * inheritances, exercises, lapses, acquisitions, reversals), or null when there are none. A document
     * whose latest fact lies after a day cannot answer for that day: the view is folded from the events.
     */
    LocalDate lastFactDate;

    public int formatVersion() {
        return formatVersion;
    }

    /** True when this document was written in the shape the code writes now. */
    public boolean currentFormat() {
        return formatVersion == FORMAT_VERSION;
    }

    public LocalDate lastFactDate() {
        return lastFactDate;
    }

    /**
     * Whether this document, folded from every recorded event, is also the series as of {@code day}:
     * it is in the current shape and holds no holder fact dated after the day. (Corporate actions
     * recorded in advance are dated by the views themselves: they show as scheduled until their date.)
     */
    public boolean answersFor(LocalDate day) {
        return currentFormat() && (lastFactDate == null || !lastFactDate.isAfter(day));
    }

    /**
     * The first day from which the series read on a day no longer changes with the day alone: its latest
     * holder fact, its restructuring, its latest change of shares per right. Null when none is recorded.
     * The register projection stores the series' totals as read on this day (RegisterStore#save).
     */
    public LocalDate settledFrom() {
        return Stream.concat(Stream.of(lastFactDate, restructuredOn),
                        sharesPerRight.stream().map(SharesPerRightStep::appliesFrom))
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }

    public String previousIssuerId() {
        return previousIssuerId;
    }

    public String seriesId() {
        return seriesId;
    }

    public String issuerId() {
        return issuerId;
    }

    /** The issuer on a date: before a restructuring takes effect, the issuer it replaced. */
    public String issuerIdOn(LocalDate date) {
        return restructuredOn != null && date.isBefore(restructuredOn) && previousIssuerId != null
                ? previousIssuerId : issuerId;
    }

    public Terms terms() {
        return terms;
    }

    public ExerciseWindow exercisePeriod() {
        return exercisePeriod;
    }

    public long exercisePricePerShare() {
        return exercisePricePerShare;
    }

    public List<SharesPerRightStep> sharesPerRightHistory() {
        return List.copyOf(sharesPerRight);
    }

    public long sharesPerRightOn(LocalDate date) {
        // before the allotment date the figure of the terms applies
        long inForce = sharesPerRight.isEmpty() ? 0 : sharesPerRight.get(0).sharesPerRight();
        for (SharesPerRightStep step : sharesPerRight) {
            if (step.appliesFrom().isAfter(date)) {
                break;
            }
            inForce = step.sharesPerRight();
        }
        return inForce;
    }

    public long allotmentAmountPerRight() {
        return allotmentAmountPerRight;
    }

    public Valuation allotmentValuation() {
        return allotmentValuation;
    }

    public String restructuredCompanyName() {
        return restructuredCompanyName;
    }

    public String restructuredCompanyId() {
        return restructuredCompanyId;
    }

    public LocalDate restructuredOn() {
        return restructuredOn;
    }

    public Collection<HoldingRecord> holdings() {
        return holdings.values();
    }

    public HoldingRecord holding(String holderId) {
        return holdings.get(holderId);
    }

    /**
     * The holding's place in the series' order (its first allotment's), as its stored row keeps it. Holdings are
     * only ever added, at the end, so the places found stay true while no holding is added: a batch's save looks up
     * the few holdings it changed instead of numbering every holding again.
     */
    public int placeOf(String holderId) {
        if (places.size() != holdings.size()) {
            Map<String, Integer> numbered = new HashMap<>();
            holdings.keySet().forEach(id -> numbered.put(id, numbered.size()));
            places = numbered;
        }
        return places.get(holderId);
    }

    /** A holding read from its own stored row, put back after those read before it (the series' order). */
    public void addStoredHolding(HoldingRecord holding) {
        holdings.put(holding.holderId(), holding);
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeriesRegister r && Objects.equals(seriesId, r.seriesId)
                && Objects.equals(issuerId, r.issuerId) && Objects.equals(terms, r.terms)
                && Objects.equals(exercisePeriod, r.exercisePeriod) && exercisePricePerShare == r.exercisePricePerShare
                && Objects.equals(sharesPerRight, r.sharesPerRight)
                && Objects.equals(allotmentValuation, r.allotmentValuation)
                && allotmentAmountPerRight == r.allotmentAmountPerRight
                && Objects.equals(restructuredCompanyId, r.restructuredCompanyId)
                && Objects.equals(restructuredOn, r.restructuredOn) && Objects.equals(previousIssuerId, r.previousIssuerId)
                && Objects.equals(holdings, r.holdings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seriesId, holdings);
    }
}
