package io.sartracker.service.ocf;

import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.query.FindIssuerHistory;
import io.sartracker.query.api.TrackerQueryHandlers.IssuerHistory;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Open Cap Format packages of the query side's issuer histories, for the API and the pages alike. */
public class OcfPackages {
    private final QueryGateway queries;
    private final OcfExport export;
    private final Clock clock;

    public OcfPackages(QueryGateway queries, OcfExport export, Clock clock) {
        this.queries = queries;
        this.export = export;
        this.clock = clock;
    }

    /** The issuer's package as of the date, or as of today without one. */
    public OcfPackage of(IssuerId issuerId, LocalDate asOf) {
        IssuerHistory history = queries.query(new FindIssuerHistory(issuerId, asOf),
                ResponseTypes.instanceOf(IssuerHistory.class)).join();
        return export.build(history, OffsetDateTime.now(clock).withNano(0));
    }
}
