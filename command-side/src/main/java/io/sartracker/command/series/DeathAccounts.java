package io.sartracker.command.series;

import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.LapseReason;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.SeriesId;

import java.time.LocalDate;

/**
 * What a death did to one holding of the deceased (RULES.md 5, 13), said in a sentence for the answer
 * to whoever recorded it: a death is accepted even where it changes nothing, so the answer says why.
 * One method per outcome; the sentences are written here and nowhere else.
 */
final class DeathAccounts {
    private DeathAccounts() {
    }

    static String awaitingHeir(SeriesId seriesId, HolderId deceased, Rights rights) {
        return "In series " + seriesId + ", the " + rights + " rights of " + deceased
                + " await the one heir who inherits them (11)-3; record the inheritance.";
    }

    static String heirsRightsLapse(SeriesId seriesId, HolderId heir, HolderId holderId, Rights rights,
                                   LocalDate dateOfDeath) {
        return "In series " + seriesId + ", the " + rights + " rights " + heir + " inherited from " + holderId
                + " lapse with the heir's death on " + dateOfDeath + ": rights inherited once cannot pass on (11)-3.";
    }

    /** The rights lapsed before the death, the lapse not recorded yet: the sweep records it. */
    static String nothingToInheritLapsed(SeriesId seriesId, HolderId deceased, LocalDate lapseDate,
                                         LapseReason reason) {
        return "In series " + seriesId + ", nothing is left to inherit from " + deceased + ": the rights lapsed on "
                + lapseDate + ", " + why(reason) + ", before the death.";
    }

    /** RULES.md 13: a recorded lapse stands, even when the death is dated inside the window it closed. */
    static String nothingToInheritLapseRecorded(SeriesId seriesId, HolderId deceased, LocalDate lapseDate,
                                                LapseReason reason) {
        return "In series " + seriesId + ", nothing is left to inherit from " + deceased + ": the rights lapsed on "
                + lapseDate + ", " + why(reason) + "; that lapse is recorded and stands, so the series records"
                + " nothing of the death.";
    }

    static String nothingToInheritExercised(SeriesId seriesId, HolderId deceased) {
        return "In series " + seriesId + ", nothing is left to inherit from " + deceased
                + ": every right was exercised.";
    }

    static String nothingToInheritAcquired(SeriesId seriesId, HolderId deceased, LocalDate acquisitionDate) {
        return "In series " + seriesId + ", nothing is left to inherit from " + deceased
                + ": the company acquired the rights on " + acquisitionDate + " (8).";
    }

    private static String why(LapseReason reason) {
        return switch (reason) {
            case WINDOW_AFTER_LEAVING_OFFICE_CLOSED -> "when the window after leaving office closed (11)-2";
            case HEIR_WINDOW_CLOSED -> "when the heir's window closed (11)-3";
            case HEIR_DIED -> "with the heir's death (11)-3";
            case EXERCISE_PERIOD_ENDED -> "when the exercise period ended (5)";
        };
    }
}
