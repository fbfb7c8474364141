package io.sartracker.query.register;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.HoldingStatus;
import io.sartracker.kernel.model.LapseReason;
import io.sartracker.kernel.model.Role;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** One holding as the register records it; {@code earlier} keeps the state before each reversible fact. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class HoldingRecord {
    String holderId;
    Role role;
    HoldingStatus status;
    long allotted;
    long held;
    long exercised;
    long lapsed;
    long acquired;
    LocalDate departureDate;
    LocalDate dateOfDeath;
    String heirId;
    LocalDate inheritanceDate;
    LocalDate dateOfHeirsDeath;
    ExerciseWindow window;
    LocalDate lapseDate;
    LapseReason lapseReason;
    LocalDate lapsedOn;
    LocalDate acquiredOn;
    List<ExerciseRecord> exercises = new ArrayList<>();
    List<HoldingRecord> earlier = new ArrayList<>();

    HoldingRecord() {
        // for Jackson
    }

    HoldingRecord(String holderId, Role role) {
        this.holderId = holderId;
        this.role = role;
        this.status = HoldingStatus.IN_OFFICE;
    }

    /** The state as it is now, without the stack of earlier states. */
    HoldingRecord copy() {
        HoldingRecord copy = new HoldingRecord(holderId, role);
        copy.restore(this);
        return copy;
    }

    /** Takes back the state of {@code before}; the role stays, as a role change is kept through reversals. */
    void restore(HoldingRecord before) {
        status = before.status;
        allotted = before.allotted;
        held = before.held;
        exercised = before.exercised;
        lapsed = before.lapsed;
        acquired = before.acquired;
        departureDate = before.departureDate;
        dateOfDeath = before.dateOfDeath;
        heirId = before.heirId;
        inheritanceDate = before.inheritanceDate;
        dateOfHeirsDeath = before.dateOfHeirsDeath;
        window = before.window;
        lapseDate = before.lapseDate;
        lapseReason = before.lapseReason;
        lapsedOn = before.lapsedOn;
        acquiredOn = before.acquiredOn;
        exercises = new ArrayList<>(before.exercises);
    }

    public String holderId() {
        return holderId;
    }

    /** The person who holds the rights now: the heir once one inherited. */
    public String currentHolderId() {
        return heirId != null ? heirId : holderId;
    }

    public Role role() {
        return role;
    }

    public HoldingStatus status() {
        return status;
    }

    public long allotted() {
        return allotted;
    }

    public long held() {
        return held;
    }

    public long exercised() {
        return exercised;
    }

    public long lapsed() {
        return lapsed;
    }

    public long acquired() {
        return acquired;
    }

    public ExerciseWindow window() {
        return window;
    }

    public LocalDate lapseDate() {
        return lapseDate;
    }

    public String heirId() {
        return heirId;
    }

    public LocalDate departureDate() {
        return departureDate;
    }

    public LocalDate dateOfDeath() {
        return dateOfDeath;
    }

    public LocalDate inheritanceDate() {
        return inheritanceDate;
    }

    public LapseReason lapseReason() {
        return lapseReason;
    }

    public LocalDate lapsedOn() {
        return lapsedOn;
    }

    public LocalDate acquiredOn() {
        return acquiredOn;
    }

    public List<ExerciseRecord> exercises() {
        return List.copyOf(exercises);
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
        return Arrays.asList(holderId, role, status, allotted, held, exercised, lapsed, acquired,
                departureDate, dateOfDeath, heirId, inheritanceDate, dateOfHeirsDeath, window, lapseDate,
                lapseReason, lapsedOn, acquiredOn, exercises, earlier);
    }
}
