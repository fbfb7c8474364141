package io.sartracker.service.directory;

import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.query.FindRegister;
import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import io.sartracker.query.register.ExerciseRecord;
import io.sartracker.query.register.ViewState;
import io.sartracker.query.register.Views;
import io.sartracker.query.register.Views.HoldingView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;

/**
 * When a person's personal data may be erased (Act on the Protection of Personal Information, art. 22: erase
 * it once it is no longer needed). The register of stock acquisition rights needs a holder's name and address
 * while they hold rights (Companies Act art. 249), and the company may need them for a while after (questions
 * about an exercise, tax records, disputes): the data is kept for {@code tracker.holder-directory.retention}
 * (ten years by default) after the day the person's last holding ended, and may be erased from then on. A
 * person with no holding at all (an entry made ahead of an allotment) may be erased at once.
 */
@Component
public class Retention {
    /** The states in which a holding has ended: nothing is held any more. */
    private static final Set<ViewState> ENDED = EnumSet.of(ViewState.FULLY_EXERCISED, ViewState.LAPSED,
            ViewState.ACQUIRED);

    private final QueryGateway queries;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Period retention;

    public Retention(QueryGateway queries, JdbcTemplate jdbc, Clock clock,
                     @Value("${tracker.holder-directory.retention}") Period retention) {
        this.queries = queries;
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * Why the data may be erased today: the day the last holding ended (none for a person who never held
     * rights), the retention and the first day of erasure.
     */
    public record Erasable(LocalDate lastHoldingEnded, Period retention, LocalDate erasableFrom, LocalDate today) {
    }

    public Period retention() {
        return retention;
    }

    /**
     * Checks that the person's data may be erased today.
     *
     * @throws RuleViolation {@code RIGHTS_STILL_HELD} while a holding runs, {@code RETENTION_NOT_ELAPSED} before
     *                       the retention has passed since the last holding ended
     */
    public Erasable check(String personId) {
        LocalDate today = LocalDate.now(clock);
        List<HoldingView> holdings = holdings(personId, today);
        if (holdings.isEmpty()) {
            return new Erasable(null, retention, today, today);
        }
        for (HoldingView h : holdings) {
            if (!ENDED.contains(h.state())) {
                throw RuleViolation.of(RuleCode.RIGHTS_STILL_HELD, personId + " still holds rights in series "
                                + h.seriesId() + " (" + h.state() + ", " + h.rightsHeld() + " rights); the register"
                                + " needs the name and address until every holding has ended and the retention of "
                                + retention + " has passed.", "personId", personId, "seriesId", h.seriesId(),
                        "state", h.state().name(), "rightsHeld", h.rightsHeld(), "retention", retention.toString());
            }
        }
        LocalDate lastEnded = holdings.stream().map(Retention::ended).max(LocalDate::compareTo).orElseThrow();
        LocalDate erasableFrom = lastEnded.plus(retention);
        if (today.isBefore(erasableFrom)) {
            throw RuleViolation.of(RuleCode.RETENTION_NOT_ELAPSED, "The last holding of " + personId + " ended on "
                            + lastEnded + "; its personal data is kept for " + retention + " after that and may be"
                            + " erased from " + erasableFrom + ".", "personId", personId, "lastHoldingEnded", lastEnded,
                    "retention", retention.toString(), "erasableFrom", erasableFrom, "today", today);
        }
        return new Erasable(lastEnded, retention, erasableFrom, today);
    }

    /** The day a holding ended: its recorded lapse or acquisition, or its last exercise. */
    private static LocalDate ended(HoldingView h) {
        if (h.state() == ViewState.FULLY_EXERCISED) {
            return h.exercises().stream().map(ExerciseRecord::exerciseDate).max(LocalDate::compareTo)
                    .orElseThrow(() -> new IllegalStateException("a fully exercised holding has an exercise"));
        }
        return h.lapseDate();
    }

    /**
     * The person's holdings today, as allottee or heir; none when no rights were ever recorded for them. An
     * erasure cannot be undone, so this reads what the events say, not the projections (which may trail a
     * command by up to a second): the series come from the command side's {@code series_person} table, written
     * with the events, and each series is the register as of today folded from its events (an explicit
     * {@code asOf} always is).
     */
    private List<HoldingView> holdings(String personId, LocalDate today) {
        List<String> series = jdbc.queryForList("select series_id from series_person where person_id = ?"
                + " order by series_id", String.class, personId);
        return series.stream().flatMap(id -> register(id, today).holders().stream())
                .filter(h -> personId.equals(h.holderId()) || personId.equals(h.currentHolderId())
                        || personId.equals(h.heirId()))
                .toList();
    }

    private Views.RegisterView register(String seriesId, LocalDate today) {
        try {
            return queries.query(new FindRegister(SeriesId.of(seriesId), today, null),
                    ResponseTypes.instanceOf(Views.RegisterView.class)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
