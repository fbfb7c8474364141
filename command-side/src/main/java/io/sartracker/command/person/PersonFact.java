package io.sartracker.command.person;

import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;

import java.time.LocalDate;

/**
 * One fact of a person's history at the issuer (RULES.md 13).
 *
 * @param seriesId    the series of an allotment; null otherwise
 * @param role        the role allotted or changed to; null for a departure or a death
 * @param reappointed an allotment to a person who had left office: holds office again from its date
 */
public record PersonFact(Kind kind, LocalDate date, SeriesId seriesId, Role role, boolean reappointed) {
    public enum Kind {
        ALLOTMENT, DEPARTURE, DEATH, ROLE_CHANGE
    }

    public static PersonFact allotment(SeriesId seriesId, Role role, LocalDate date) {
        return new PersonFact(Kind.ALLOTMENT, date, seriesId, role, false);
    }

    public static PersonFact departure(LocalDate date) {
        return new PersonFact(Kind.DEPARTURE, date, null, null, false);
    }

    public static PersonFact death(LocalDate date) {
        return new PersonFact(Kind.DEATH, date, null, null, false);
    }

    boolean is(Kind other) {
        return kind == other;
    }

    /** A departure, a death, or a re-appointment: the facts that decide whether the person holds office. */
    boolean changesOffice() {
        return kind == Kind.DEPARTURE || kind == Kind.DEATH || (kind == Kind.ALLOTMENT && reappointed);
    }

    String description() {
        return switch (kind) {
            case ALLOTMENT -> (reappointed ? "re-appointment by the allotment of series " : "allotment of series ")
                    + seriesId + " on " + date;
            case DEPARTURE -> "departure from office on " + date;
            case DEATH -> "death on " + date;
            case ROLE_CHANGE -> "change of role to " + role + " on " + date;
        };
    }
}
