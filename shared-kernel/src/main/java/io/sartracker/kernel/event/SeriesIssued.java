package io.sartracker.kernel.event;

import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.Terms;
import org.axonframework.serialization.Revision;

/** The board resolved to issue the series with these terms; effective on the resolution date. */
@Revision("1")
public record SeriesIssued(SeriesId seriesId, IssuerId issuerId, Terms terms) implements SeriesEvent {
    @Override
    public java.time.LocalDate effectiveDate() {
        return terms.resolutionDate();
    }
}
