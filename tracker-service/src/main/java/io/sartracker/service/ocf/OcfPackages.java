package io.sartracker.service.ocf;

import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.query.FindIssuerHistory;
import io.sartracker.query.api.TrackerQueryHandlers.IssuerHistory;
import io.sartracker.service.directory.DirectoryEntry;
import io.sartracker.service.directory.HolderDirectory;
import io.sartracker.service.security.AccessPolicy;
import io.sartracker.service.security.SignedIn;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Open Cap Format packages of the query side's issuer histories, for the API and the pages alike. */
public class OcfPackages {
    private final QueryGateway queries;
    private final OcfExport export;
    private final HolderDirectory directory;
    private final Clock clock;

    public OcfPackages(QueryGateway queries, OcfExport export, HolderDirectory directory, Clock clock) {
        this.queries = queries;
        this.export = export;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * The issuer's package as of the date, or as of today without one. The stakeholders carry their names
     * from the holder directory only for a caller who may read personal data (as the statutory register);
     * for the others, and for a person without an entry, the identifier stands for the name.
     */
    public OcfPackage of(IssuerId issuerId, LocalDate asOf) {
        IssuerHistory history = queries.query(new FindIssuerHistory(issuerId, asOf),
                ResponseTypes.instanceOf(IssuerHistory.class)).join();
        StakeholderNames names = StakeholderNames.IDENTIFIERS;
        if (AccessPolicy.readsPayloads(SignedIn.roles())) {
            names = (issuer, personId) -> directory.find(personId).map(DirectoryEntry::nameKanji).orElse(personId);
        }
        return export.build(history, OffsetDateTime.now(clock).withNano(0), names);
    }
}
