package io.sartracker.kernel.command;

import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.Require;
import io.sartracker.kernel.model.SeriesId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Exercise rights of a holding, named either as a number of rights or as a number of shares.
 * Both are decimals on purpose: a fraction of a right, or shares that are not a whole multiple
 * of the shares per right, are answered with the rule (11)-1 rather than a parse error.
 */
public record ExerciseRights(@TargetAggregateIdentifier SeriesId seriesId, HolderId holderId, LocalDate exerciseDate,
                             BigDecimal rights, BigDecimal shares) {
    public ExerciseRights {
        Require.present(seriesId, "seriesId");
        Require.present(holderId, "holderId");
        Require.date(exerciseDate, "exerciseDate");
        if ((rights == null) == (shares == null)) {
            throw new IllegalArgumentException("give either rights or shares, not both and not neither");
        }
        if (rights != null && rights.signum() <= 0) {
            throw new IllegalArgumentException("rights must be positive, was " + rights.toPlainString());
        }
        if (shares != null && shares.signum() <= 0) {
            throw new IllegalArgumentException("shares must be positive, was " + shares.toPlainString());
        }
    }

    public static ExerciseRights ofRights(SeriesId seriesId, HolderId holderId, LocalDate exerciseDate, long rights) {
        return new ExerciseRights(seriesId, holderId, exerciseDate, BigDecimal.valueOf(rights), null);
    }
}
