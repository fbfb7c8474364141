package io.sartracker.kernel.event;

import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Ratio;
import io.sartracker.kernel.model.RestructuringKind;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.model.Yen;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * Every remaining right was replaced, one for one, by a right of the restructured company (9).
 * From here on the series tracks those rights: its issuer is the restructured company.
 */
@Revision("1")
public record SeriesRestructured(SeriesId seriesId, RestructuringKind kind, IssuerId previousIssuerId,
                                 IssuerId restructuredCompanyId, String restructuredCompanyName,
                                 LocalDate effectiveDate, Ratio shareRatio, SharesPerRight sharesPerRightBefore,
                                 SharesPerRight sharesPerRightAfter, Yen exercisePricePerShare,
                                 ExerciseWindow exercisePeriod, Rights rightsReplaced) implements SeriesEvent {
}
