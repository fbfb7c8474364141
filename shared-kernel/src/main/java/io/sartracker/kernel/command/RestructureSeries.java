package io.sartracker.kernel.command;

import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Ratio;
import io.sartracker.kernel.model.Require;
import io.sartracker.kernel.model.RestructuringKind;
import io.sartracker.kernel.model.SeriesId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * An Organizational Restructuring took effect (9). When the agreement or plan provides for it,
 * every remaining right is replaced by a right of the restructured company.
 *
 * @param shareRatio shares of the restructured company per share of the issuer
 */
public record RestructureSeries(@TargetAggregateIdentifier SeriesId seriesId, RestructuringKind kind,
                                IssuerId restructuredCompanyId, String restructuredCompanyName,
                                LocalDate effectiveDate, Ratio shareRatio, boolean agreementProvidesReplacement) {
    public RestructureSeries {
        Require.present(seriesId, "seriesId");
        Require.present(kind, "kind");
        Require.present(restructuredCompanyId, "restructuredCompanyId");
        restructuredCompanyName = Require.name(restructuredCompanyName, "restructuredCompanyName");
        Require.date(effectiveDate, "effectiveDate");
        Require.present(shareRatio, "shareRatio");
    }
}
