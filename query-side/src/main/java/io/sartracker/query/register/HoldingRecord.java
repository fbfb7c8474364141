package io.sartracker.query.register;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.sartracker.kernel.lifecycle.HoldingLife;
import io.sartracker.kernel.lifecycle.Stage;
import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.HoldingStatus;
import io.sartracker.kernel.model.LapseReason;
import io.sartracker.kernel.model.Role;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One holding as the register records it: the shared kernel's {@link HoldingLife} (its stage, counts and
 * the facts that could still be reversed, folded by {@code HoldingLifecycle}), and what the register adds
 * for its views: the exercises, one record each, and the day after the exercise period, the date the
 * lapse of rights awaiting an heir will carry, and the allotments with their dates (when the rights were
 * acquired, as the statutory register names it).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class HoldingRecord {
    /**
     * How many of the latest reversible facts a stored document keeps with their earlier states, as the
     * series' snapshot does: the older ones made two thirds of a long series' document and were rewritten
     * with it at every batch. A reversal that reaches them is rare; the register projection folds the
     * holding's life again from the series' events first ({@link #restoreWholeLife}).
     */
    static final int REVERSIBLE_FACTS_STORED = 1;

    HoldingLife life;
    /**
     * The reversible facts older than those in {@code life.earlier()} that the stored document this record
     * was read from left out; 0 when the life is whole (always so in a fold from the events).
     */
    int earlierLeftOut;
    LocalDate dayAfterPeriod;
    List<ExerciseRecord> exercises = new ArrayList<>();
    List<AllotmentRecord> allotments = new ArrayList<>();

    HoldingRecord() {
        // for Jackson
    }

    @JsonProperty("life")
    private HoldingLife lifeAsStored() {
        return life.keepingLatestReversible(REVERSIBLE_FACTS_STORED);
    }

    @JsonProperty("life")
    private void lifeFromStore(HoldingLife stored) {
        life = stored;
    }

    @JsonProperty("earlierLeftOut")
    private int earlierLeftOutAsStored() {
        return earlierLeftOut + life.earlier().size() - Math.min(life.earlier().size(), REVERSIBLE_FACTS_STORED);
    }

    @JsonProperty("earlierLeftOut")
    private void earlierLeftOutFromStore(int leftOut) {
        earlierLeftOut = leftOut;
    }

    /** Whether the stored document this record was read from left out reversible facts of its life. */
    public boolean lacksEarlierFacts() {
        return earlierLeftOut > 0;
    }

    /**
     * Puts back the reversible facts the stored document left out, from the holding's life folded again
     * from the series' events: the same holding, only more of its past.
     *
     * @throws IllegalStateException when the events fold to another holding than this one
     */
    public void restoreWholeLife(HoldingLife whole) {
        if (!life.isLatestPartOf(whole, earlierLeftOut)) {
            throw new IllegalStateException("the recorded events of " + life.holderId() + " fold to " + whole
                    + ", not to the stored holding " + life + " with " + earlierLeftOut + " facts left out");
        }
        life = whole;
        earlierLeftOut = 0;
    }

    HoldingRecord(HoldingLife life, LocalDate dayAfterPeriod) {
        this.life = life;
        this.dayAfterPeriod = dayAfterPeriod;
    }

    /** The holding's life in the shared kernel's terms. */
    public HoldingLife life() {
        return life;
    }

    private Stage stage() {
        return life.stage();
    }

    public String holderId() {
        return life.holderId().value();
    }

    /** The person who holds the rights now: the heir once one inherited. */
    public String currentHolderId() {
        return life.currentHolder().value();
    }

    public Role role() {
        return life.role();
    }

    public HoldingStatus status() {
        return stage().status();
    }

    public long allotted() {
        return life.counts().allotted().count();
    }

    public long held() {
        return life.counts().held().count();
    }

    public long exercised() {
        return life.counts().exercised().count();
    }

    public long lapsed() {
        return life.counts().lapsed().count();
    }

    public long acquired() {
        return life.counts().acquired().count();
    }

    public ExerciseWindow window() {
        return stage().window();
    }

    /**
     * The first day the rights can no longer be exercised: the date of the recorded lapse or acquisition,
     * the day after the window that applies, or, while the rights await an heir, the day after the period.
     */
    public LocalDate lapseDate() {
        return lapseDate(stage());
    }

    private LocalDate lapseDate(Stage stage) {
        if (stage instanceof Stage.Closed closed) {
            return closed.ending() == Stage.Ending.FULLY_EXERCISED ? lapseDate(closed.from()) : closed.on();
        }
        if (stage instanceof Stage.DiedLeavingNothing died) {
            return lapseDate(died.stage());
        }
        if (stage instanceof Stage.AwaitingHeir) {
            return dayAfterPeriod;
        }
        return stage.lapseDate();
    }

    public String heirId() {
        return stage().heirId() == null ? null : stage().heirId().value();
    }

    public LocalDate departureDate() {
        return stage().departureDate();
    }

    public LocalDate dateOfDeath() {
        return stage().dateOfDeath();
    }

    public LocalDate inheritanceDate() {
        return stage().inheritanceDate();
    }

    public LapseReason lapseReason() {
        return closed(Stage.Ending.LAPSED) instanceof Stage.Closed c ? c.lapseReason() : null;
    }

    public LocalDate lapsedOn() {
        return closed(Stage.Ending.LAPSED) instanceof Stage.Closed c ? c.on() : null;
    }

    public LocalDate acquiredOn() {
        return closed(Stage.Ending.ACQUIRED) instanceof Stage.Closed c ? c.on() : null;
    }

    /** The stage that closed the holding that way, looking through a death recorded after it closed. */
    private Stage closed(Stage.Ending ending) {
        Stage stage = stage();
        if (stage instanceof Stage.DiedLeavingNothing died) {
            stage = died.stage();
        }
        return stage instanceof Stage.Closed c && c.ending() == ending ? c : null;
    }

    public List<ExerciseRecord> exercises() {
        return List.copyOf(exercises);
    }

    /** The allotments to the allottee, oldest first: when each part of the holding was acquired. */
    public List<AllotmentRecord> allotments() {
        return List.copyOf(allotments);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HoldingRecord h && Objects.equals(toComparable(), h.toComparable());
    }

    @Override
    public int hashCode() {
        return toComparable().hashCode();
    }

    private List<Object> toComparable() {
        return Arrays.asList(life, dayAfterPeriod, exercises, allotments);
    }
}
