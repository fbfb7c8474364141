package io.sartracker.kernel.lifecycle;

import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.HoldingStatus;
import io.sartracker.kernel.model.LapseReason;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where a holding stands in its life (RULES.md 3-5, 9): each stage carries exactly the dates that
 * belong to it. The accessors below read the figures every stage shares, for views and comparisons;
 * a figure a stage does not have reads as null. Stored documents name the stage in {@code "stage"}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "stage")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Stage.InOffice.class, name = "IN_OFFICE"),
        @JsonSubTypes.Type(value = Stage.LeftOffice.class, name = "LEFT_OFFICE"),
        @JsonSubTypes.Type(value = Stage.AwaitingHeir.class, name = "AWAITING_HEIR"),
        @JsonSubTypes.Type(value = Stage.Inherited.class, name = "INHERITED"),
        @JsonSubTypes.Type(value = Stage.DiedLeavingNothing.class, name = "DIED_LEAVING_NOTHING"),
        @JsonSubTypes.Type(value = Stage.Closed.class, name = "CLOSED")})
public sealed interface Stage permits Stage.InOffice, Stage.LeftOffice, Stage.AwaitingHeir, Stage.Inherited,
        Stage.DiedLeavingNothing, Stage.Closed {

    HoldingStatus status();

    default LocalDate departureDate() {
        return null;
    }

    default LocalDate dateOfDeath() {
        return null;
    }

    default HolderId heirId() {
        return null;
    }

    default LocalDate inheritanceDate() {
        return null;
    }

    default LocalDate dateOfHeirsDeath() {
        return null;
    }

    /** The window that applies after losing office or inheriting, cut to the period; null if none. */
    default ExerciseWindow window() {
        return null;
    }

    /** The first day the window no longer allows an exercise; null where no window applies. */
    default LocalDate lapseDate() {
        return null;
    }

    /**
     * The allottee's departure from office, kept after a later death, so that an exercise made in its window
     * before the death and recorded after it can still be checked; null if the allottee never left office.
     */
    default LeftOffice departure() {
        return null;
    }

    /** The holder holds office and cannot exercise (RULES.md 3). */
    record InOffice() implements Stage {
        @Override
        public HoldingStatus status() {
            return HoldingStatus.IN_OFFICE;
        }
    }

    /**
     * The holder lost office on {@code departureDate} (RULES.md 4); {@code window} is D+1..D+10 cut to the
     * period, null when nothing of it lies in the period.
     */
    record LeftOffice(LocalDate departureDate, ExerciseWindow window, LocalDate lapseDate) implements Stage {
        public LeftOffice {
            Objects.requireNonNull(departureDate, "departureDate");
        }

        @Override
        public HoldingStatus status() {
            return HoldingStatus.LEFT_OFFICE;
        }

        @Override
        public LeftOffice departure() {
            return this;
        }
    }

    /**
     * The allottee died in office or inside the window (RULES.md 5): the rights await one heir.
     * {@code departure} is the stage the allottee left office in, its window kept; null when the allottee died
     * in office.
     */
    record AwaitingHeir(LeftOffice departure, LocalDate dateOfDeath) implements Stage {
        public AwaitingHeir {
            Objects.requireNonNull(dateOfDeath, "dateOfDeath");
        }

        @Override
        public HoldingStatus status() {
            return HoldingStatus.AWAITING_HEIR;
        }

        @Override
        public LocalDate departureDate() {
            return departure == null ? null : departure.departureDate();
        }
    }

    /**
     * One heir inherited (RULES.md 5): the heir's window I..I+6 months cut to the period, null if none.
     * {@code dateOfHeirsDeath} is set once the heir died (the rights then lapse with the death).
     */
    record Inherited(AwaitingHeir from, HolderId heirId, LocalDate inheritanceDate, ExerciseWindow window,
                     LocalDate lapseDate, LocalDate dateOfHeirsDeath) implements Stage {
        public Inherited {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(heirId, "heirId");
            Objects.requireNonNull(inheritanceDate, "inheritanceDate");
        }

        @Override
        public HoldingStatus status() {
            return HoldingStatus.INHERITED;
        }

        @Override
        public LocalDate departureDate() {
            return from.departureDate();
        }

        @Override
        public LocalDate dateOfDeath() {
            return from.dateOfDeath();
        }

        @Override
        public LeftOffice departure() {
            return from.departure();
        }

        Inherited heirDied(LocalDate date) {
            return new Inherited(from, heirId, inheritanceDate, window, lapseDate, date);
        }
    }

    /**
     * The allottee died when there was nothing to inherit (after the window closed, or after the holding
     * closed): the holding stays where it was, and the death is recorded on it.
     */
    record DiedLeavingNothing(Stage stage, LocalDate dateOfDeath) implements Stage {
        public DiedLeavingNothing {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(dateOfDeath, "dateOfDeath");
        }

        @Override
        public HoldingStatus status() {
            return stage.status();
        }

        @Override
        public LocalDate departureDate() {
            return stage.departureDate();
        }

        @Override
        public HolderId heirId() {
            return stage.heirId();
        }

        @Override
        public LocalDate inheritanceDate() {
            return stage.inheritanceDate();
        }

        @Override
        public LocalDate dateOfHeirsDeath() {
            return stage.dateOfHeirsDeath();
        }

        @Override
        public ExerciseWindow window() {
            return stage.window();
        }

        @Override
        public LocalDate lapseDate() {
            return stage.lapseDate();
        }

        @Override
        public LeftOffice departure() {
            return stage.departure();
        }
    }

    /**
     * Nothing is held any more: every right was exercised, lapsed or acquired, on {@code on}. {@code from} is
     * the stage the holding closed in; its dates stay readable. {@code lapseReason} says why the rights lapsed,
     * and is null for an exercise or an acquisition.
     */
    record Closed(Ending ending, LocalDate on, LapseReason lapseReason, Stage from) implements Stage {
        public Closed {
            Objects.requireNonNull(ending, "ending");
            Objects.requireNonNull(on, "on");
            Objects.requireNonNull(from, "from");
            if ((ending == Ending.LAPSED) != (lapseReason != null)) {
                throw new IllegalArgumentException("a lapse, and only a lapse, has a reason: " + ending + " "
                        + lapseReason);
            }
        }

        @Override
        public HoldingStatus status() {
            return ending.status;
        }

        @Override
        public LocalDate departureDate() {
            return from.departureDate();
        }

        @Override
        public LocalDate dateOfDeath() {
            return from.dateOfDeath();
        }

        @Override
        public HolderId heirId() {
            return from.heirId();
        }

        @Override
        public LocalDate inheritanceDate() {
            return from.inheritanceDate();
        }

        @Override
        public LocalDate dateOfHeirsDeath() {
            return from.dateOfHeirsDeath();
        }

        @Override
        public ExerciseWindow window() {
            return from.window();
        }

        /** The lapse date of the window the holding closed in, not the date it closed on ({@link #on}). */
        @Override
        public LocalDate lapseDate() {
            return from.lapseDate();
        }

        @Override
        public LeftOffice departure() {
            return from.departure();
        }
    }

    /** How a holding closed. */
    enum Ending {
        FULLY_EXERCISED(HoldingStatus.FULLY_EXERCISED),
        LAPSED(HoldingStatus.LAPSED),
        ACQUIRED(HoldingStatus.ACQUIRED);

        private final HoldingStatus status;

        Ending(HoldingStatus status) {
            this.status = status;
        }
    }
}
