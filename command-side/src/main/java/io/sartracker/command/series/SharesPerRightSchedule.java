package io.sartracker.command.series;

import io.sartracker.kernel.model.AdjustmentCause;
import io.sartracker.kernel.model.SharesPerRight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shares per right as a function of the date (RULES.md 7): the figure at issue, then each
 * adjustment from the day it applies. Adjustments are kept in the order they apply.
 */
record SharesPerRightSchedule(SharesPerRight atIssue, List<Step> steps) {

    record Step(LocalDate appliesFrom, SharesPerRight sharesPerRight, AdjustmentCause cause) {
    }

    SharesPerRightSchedule {
        steps = List.copyOf(steps);
    }

    static SharesPerRightSchedule startingWith(SharesPerRight atIssue) {
        return new SharesPerRightSchedule(atIssue, List.of());
    }

    SharesPerRight on(LocalDate date) {
        SharesPerRight inForce = atIssue;
        for (Step step : steps) {
            if (step.appliesFrom().isAfter(date)) {
                break;
            }
            inForce = step.sharesPerRight();
        }
        return inForce;
    }

    Optional<Step> latest() {
        return steps.isEmpty() ? Optional.empty() : Optional.of(steps.get(steps.size() - 1));
    }

    SharesPerRightSchedule with(LocalDate appliesFrom, SharesPerRight sharesPerRight, AdjustmentCause cause) {
        List<Step> more = new ArrayList<>(steps);
        more.add(new Step(appliesFrom, sharesPerRight, cause));
        return new SharesPerRightSchedule(atIssue, more);
    }
}
