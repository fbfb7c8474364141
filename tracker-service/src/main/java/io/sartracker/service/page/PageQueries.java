package io.sartracker.service.page;

import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.query.FindAuditTrail;
import io.sartracker.kernel.query.FindAwaitingHeir;
import io.sartracker.kernel.query.FindHolder;
import io.sartracker.kernel.query.FindOpenWindows;
import io.sartracker.kernel.query.FindRegister;
import io.sartracker.kernel.query.FindSeries;
import io.sartracker.query.api.TrackerQueryHandlers.AuditPage;
import io.sartracker.query.api.TrackerQueryHandlers.AwaitingHeirPage;
import io.sartracker.query.api.TrackerQueryHandlers.HolderView;
import io.sartracker.query.api.TrackerQueryHandlers.SeriesList;
import io.sartracker.query.api.TrackerQueryHandlers.WindowPage;
import io.sartracker.query.register.Views;
import io.sartracker.service.security.AccessPolicy;
import io.sartracker.service.security.SignedIn;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletionException;

/** The pages' reads: the same Axon queries the HTTP API's {@code QueryController} sends. */
@Component
class PageQueries {
    private final QueryGateway queries;

    PageQueries(QueryGateway queries) {
        this.queries = queries;
    }

    private <Q, R> R ask(Q query, Class<R> type) {
        try {
            return queries.query(query, ResponseTypes.instanceOf(type)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    SeriesList series() {
        return ask(new FindSeries(null), SeriesList.class);
    }

    Views.RegisterView register(String seriesId, LocalDate asOf, Instant knownAt) {
        return ask(new FindRegister(SeriesId.of(seriesId), asOf, knownAt), Views.RegisterView.class);
    }

    /** Every series' register as of the reader's date (today when none). */
    List<Views.RegisterView> registers(When when) {
        return series().series().stream().map(s -> register(s.seriesId(), when.asOf(), when.knownAt())).toList();
    }

    HolderView holder(String personId, When when) {
        return ask(new FindHolder(HolderId.of(personId), when.asOf(), when.knownAt()), HolderView.class);
    }

    /** The open windows as of the reader's date, as known at the reader's instant (now when none). */
    WindowPage windows(When when) {
        return ask(new FindOpenWindows(when.asOf(), null, 0, 500, when.knownAt()), WindowPage.class);
    }

    AwaitingHeirPage awaitingHeir(When when) {
        return ask(new FindAwaitingHeir(when.asOf(), 0, 500, when.knownAt()), AwaitingHeirPage.class);
    }

    /** The audit trail; payloads only for the roles that may read them, as {@code GET /audit} answers. */
    AuditPage audit(String seriesId, String holderId, boolean newestFirst, int size) {
        AuditPage trail = ask(new FindAuditTrail(seriesId, holderId, null, null, null, null, newestFirst, 0, size),
                AuditPage.class);
        return AccessPolicy.readsPayloads(SignedIn.roles()) ? trail : trail.withoutPayloads();
    }

    AuditPage audit(FindAuditTrail query) {
        AuditPage trail = ask(query, AuditPage.class);
        return AccessPolicy.readsPayloads(SignedIn.roles()) ? trail : trail.withoutPayloads();
    }
}
