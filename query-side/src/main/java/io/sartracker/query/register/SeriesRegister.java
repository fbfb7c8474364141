package io.sartracker.query.register;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.Terms;
import io.sartracker.kernel.valuation.Valuation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A series as its events describe it: the state every view of the query side is read from. Built
 * only by {@link SeriesProjector}, both for the stored projection and for the as-of computations,
 * so the two cannot disagree.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class SeriesRegister {
    String seriesId;
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
    Map<String, HoldingRecord> holdings = new LinkedHashMap<>();
    /** The global index of the last event folded in; the stored projection skips anything at or before it. */
    long lastGlobalIndex = -1;
    /** The series' version: the aggregate sequence number of the last event folded in; -1 when not known. */
    long version = -1;

    public String seriesId() {
        return seriesId;
    }

    public String issuerId() {
        return issuerId;
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

    public long lastGlobalIndex() {
        return lastGlobalIndex;
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
                && Objects.equals(restructuredOn, r.restructuredOn) && Objects.equals(holdings, r.holdings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seriesId, holdings);
    }
}
