package io.sartracker.command.series;

import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.HoldingStatus;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;

import java.time.LocalDate;

/**
 * Everything the rules need to know about one holding, as one immutable value: a reversal puts
 * back the value from before the reversed fact.
 *
 * @param window    the window that applies after losing office or inheriting, cut to the period;
 *                  null while in office, or when nothing of the window lies in the period
 * @param lapseDate the first day the rights can no longer be exercised in that window; null in office
 * @param departureWindow the allottee's own window after losing office, kept after a death so that an
 *                        exercise made before the death and recorded after it can still be checked
 */
record HoldingState(
        HolderId holderId,
        Role role,
        HoldingStatus status,
        Rights allotted,
        Rights held,
        Rights exercised,
        Rights lapsed,
        Rights acquired,
        LocalDate departureDate,
        LocalDate dateOfDeath,
        HolderId heirId,
        LocalDate inheritanceDate,
        LocalDate dateOfHeirsDeath,
        ExerciseWindow window,
        LocalDate lapseDate,
        LocalDate latestFactDate,
        LocalDate latestExerciseDate,
        ExerciseWindow departureWindow) {

    static HoldingState allotted(HolderId holderId, Role role, Rights rights, LocalDate date) {
        return new HoldingState(holderId, role, HoldingStatus.IN_OFFICE, rights, rights, Rights.NONE, Rights.NONE,
                Rights.NONE, null, null, null, null, null, null, null, date, null, null);
    }

    /** The person who holds the rights now: the heir once one inherited. */
    HolderId currentHolder() {
        return heirId != null ? heirId : holderId;
    }

    boolean isLive() {
        return !held.isZero() && switch (status) {
            case IN_OFFICE, LEFT_OFFICE, AWAITING_HEIR, INHERITED -> true;
            case FULLY_EXERCISED, LAPSED, ACQUIRED -> false;
        };
    }

    boolean allotteeDied() {
        return dateOfDeath != null;
    }

    HoldingState withMoreRights(Rights more) {
        return new HoldingState(holderId, role, status, allotted.plus(more), held.plus(more), exercised, lapsed,
                acquired, departureDate, dateOfDeath, heirId, inheritanceDate, dateOfHeirsDeath, window, lapseDate,
                latestFactDate, latestExerciseDate, departureWindow);
    }

    HoldingState withRole(Role newRole) {
        return new HoldingState(holderId, newRole, status, allotted, held, exercised, lapsed, acquired, departureDate,
                dateOfDeath, heirId, inheritanceDate, dateOfHeirsDeath, window, lapseDate, latestFactDate,
                latestExerciseDate, departureWindow);
    }

    HoldingState leftOffice(LocalDate date, ExerciseWindow window, LocalDate lapseDate) {
        return new HoldingState(holderId, role, HoldingStatus.LEFT_OFFICE, allotted, held, exercised, lapsed, acquired,
                date, dateOfDeath, heirId, inheritanceDate, dateOfHeirsDeath, window, lapseDate, date,
                latestExerciseDate, window);
    }

    HoldingState allotteeDied(LocalDate date, boolean awaitingHeir) {
        return new HoldingState(holderId, role, awaitingHeir ? HoldingStatus.AWAITING_HEIR : status, allotted, held,
                exercised, lapsed, acquired, departureDate, date, heirId, inheritanceDate, dateOfHeirsDeath,
                awaitingHeir ? null : window, awaitingHeir ? null : lapseDate, date, latestExerciseDate, departureWindow);
    }

    HoldingState heirDied(LocalDate date) {
        return new HoldingState(holderId, role, status, allotted, held, exercised, lapsed, acquired, departureDate,
                dateOfDeath, heirId, inheritanceDate, date, window, lapseDate, date, latestExerciseDate, departureWindow);
    }

    HoldingState inherited(HolderId heir, LocalDate date, ExerciseWindow window, LocalDate lapseDate) {
        return new HoldingState(holderId, role, HoldingStatus.INHERITED, allotted, held, exercised, lapsed, acquired,
                departureDate, dateOfDeath, heir, date, dateOfHeirsDeath, window, lapseDate, date,
                latestExerciseDate, departureWindow);
    }

    HoldingState exercised(Rights rights, LocalDate date) {
        Rights left = held.minus(rights);
        return new HoldingState(holderId, role, left.isZero() ? HoldingStatus.FULLY_EXERCISED : status, allotted, left,
                exercised.plus(rights), lapsed, acquired, departureDate, dateOfDeath, heirId, inheritanceDate,
                dateOfHeirsDeath, window, lapseDate, laterOf(latestFactDate, date), laterOf(latestExerciseDate, date), departureWindow);
    }

    HoldingState lapsedAll(LocalDate date) {
        return new HoldingState(holderId, role, HoldingStatus.LAPSED, allotted, Rights.NONE, exercised,
                lapsed.plus(held), acquired, departureDate, dateOfDeath, heirId, inheritanceDate, dateOfHeirsDeath,
                window, lapseDate, laterOf(latestFactDate, date), latestExerciseDate, departureWindow);
    }

    HoldingState acquiredAll(LocalDate date) {
        return new HoldingState(holderId, role, HoldingStatus.ACQUIRED, allotted, Rights.NONE, exercised, lapsed,
                acquired.plus(held), departureDate, dateOfDeath, heirId, inheritanceDate, dateOfHeirsDeath, window,
                lapseDate, laterOf(latestFactDate, date), latestExerciseDate, departureWindow);
    }

    private static LocalDate laterOf(LocalDate a, LocalDate b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
