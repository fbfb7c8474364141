package io.sartracker.query.history;

import io.sartracker.kernel.event.SeriesRestructured;
import io.sartracker.kernel.event.SharesPerRightAdjusted;
import io.sartracker.kernel.lifecycle.HoldingLifecycle;
import io.sartracker.query.register.SeriesProjector;
import io.sartracker.query.register.SeriesRegister;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which part of a series' history a view is computed from.
 * <ul>
 * <li><b>As known at</b> an instant: the events recorded by then, corrections included as they were
 * recorded: what the tracker showed at that instant.</li>
 * <li><b>As of</b> a business date: what was true on that date by what is known now: facts dated on or
 * before it, with every reversed fact taken out together with its reversal.</li>
 * </ul>
 * Both fold the chosen events with the one {@link SeriesProjector}.
 */
public record HistoryWindow(LocalDate asOf, Instant knownAt) {

    public static HistoryWindow asOf(LocalDate date) {
        return new HistoryWindow(date, null);
    }

    public static HistoryWindow knownAt(Instant instant) {
        return new HistoryWindow(null, instant);
    }

    public SeriesRegister fold(List<RecordedEvent> history) {
        return SeriesProjector.fold(chosen(history).stream().map(RecordedEvent::payload).toList());
    }

    /** The events of the history that the view folds, in their recorded order. */
    public List<RecordedEvent> chosen(List<RecordedEvent> history) {
        List<RecordedEvent> known = knownAt == null ? history
                : history.stream().filter(e -> !e.recordedAt().isAfter(knownAt)).toList();
        return asOf == null ? known
                : withoutReversedFacts(known).stream().filter(e -> countsOn(e, asOf)).toList();
    }

    /**
     * Whether an event belongs to the series as of a day (RULES.md 13). A fact counts from its effective
     * date. A corporate action that a board resolves in advance (a split, a consolidation, a board's
     * adjustment, a restructuring) is always folded in, whatever its date: it applies from its date, and
     * the views, which read shares per right, the issuer and the replacement by date, show it as
     * scheduled until then. So a view as of any day from today on agrees with the stored document,
     * which folds every recorded event, and no view depends on when an event was recorded.
     */
    static boolean countsOn(RecordedEvent e, LocalDate day) {
        return !e.effectiveDate().isAfter(day) || scheduledInAdvance(e.payload());
    }

    /** A corporate action that may be recorded before the day it applies from. */
    public static boolean scheduledInAdvance(Object event) {
        return event instanceof SharesPerRightAdjusted || event instanceof SeriesRestructured;
    }

    /**
     * The history with each reversal and the fact it reversed left out, as the shared kernel's holding
     * lifecycle defines reversals ({@link HoldingLifecycle#reversedEvents}): the lapse on an heir's death
     * goes with the death, and nothing before a lapse or an acquisition can be reversed.
     */
    public static List<RecordedEvent> withoutReversedFacts(List<RecordedEvent> history) {
        Set<Integer> removed = HoldingLifecycle.reversedEvents(history.stream().map(RecordedEvent::payload).toList());
        if (removed.isEmpty()) {
            return history;
        }
        List<RecordedEvent> kept = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            if (!removed.contains(i)) {
                kept.add(history.get(i));
            }
        }
        return kept;
    }
}
