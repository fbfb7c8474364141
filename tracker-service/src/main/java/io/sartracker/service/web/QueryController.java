package io.sartracker.service.web;

import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.query.FindAuditTrail;
import io.sartracker.kernel.query.FindAwaitingHeir;
import io.sartracker.kernel.query.FindHolder;
import io.sartracker.kernel.query.FindOpenWindows;
import io.sartracker.kernel.query.FindRegister;
import io.sartracker.kernel.query.FindSeries;
import io.sartracker.query.api.TrackerQueryHandlers.HolderView;
import io.sartracker.query.api.TrackerQueryHandlers.SeriesList;
import io.sartracker.query.api.TrackerQueryHandlers.AuditPage;
import io.sartracker.query.api.TrackerQueryHandlers.AwaitingHeirPage;
import io.sartracker.query.api.TrackerQueryHandlers.WindowPage;
import io.sartracker.query.register.Views;
import io.sartracker.service.security.AccessPolicy;
import io.sartracker.service.security.SignedIn;
import io.sartracker.service.contract.ApiContract;
import io.sartracker.service.contract.Refusals;
import io.sartracker.kernel.rule.RuleCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The views of reporting and compliance. {@code asOf} (a business date) and {@code knownAt} (an
 * instant) replay history; without them the answer is today's, from the stored projections.
 */
@RestController
@Tag(name = ApiContract.VIEWS)
public class QueryController {
    static final MediaType TEXT_CSV = MediaType.valueOf("text/csv");
    private static final int MAX_PAGE_SIZE = 500;

    private final QueryGateway queries;

    public QueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(operationId = "holder", summary = "A person's holdings in every series",
            description = "As allottee or as heir; asOf (a business date) or knownAt (an instant) replay history.")
    @Refusals(RuleCode.UNKNOWN_HOLDER)
    @GetMapping("/holders/{personId}")
    public HolderView holder(@PathVariable String personId,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt) {
        return queries.query(new FindHolder(HolderId.of(personId), asOf, knownAt),
                ResponseTypes.instanceOf(HolderView.class)).join();
    }

    @Operation(operationId = "seriesList", summary = "Every series, with its figures today",
            description = "Of one issuer with issuerId.")
    @GetMapping("/series")
    public SeriesList series(@RequestParam(required = false) String issuerId) {
        return queries.query(new FindSeries(issuerId), ResponseTypes.instanceOf(SeriesList.class)).join();
    }

    @Operation(operationId = "register", summary = "The register of a series",
            description = "Every holding with its state, figures and window; asOf (a business date) or knownAt"
                    + " (an instant) replay history. Today's register answers the version its stored document"
                    + " folded as its ETag; a replayed one has none.")
    @ApiResponse(responseCode = "200", description = "The register",
            headers = @Header(name = "ETag", description = "The series' version the register folded (today's only)",
                    schema = @Schema(type = "string")),
            content = {@Content(mediaType = "application/json", schema = @Schema(implementation = Views.RegisterView.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string",
                            description = "format=csv: one row per holding"))})
    @Refusals(RuleCode.UNKNOWN_SERIES)
    @GetMapping("/series/{seriesId}/register")
    public ResponseEntity<?> register(@PathVariable String seriesId,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt,
                                      @Parameter(description = "csv: the same rows as text/csv",
                                                 schema = @Schema(allowableValues = {"json", "csv"}))
                                      @RequestParam(required = false) String format) {
        Views.RegisterView register = queries.query(new FindRegister(SeriesId.of(seriesId), asOf, knownAt),
                ResponseTypes.instanceOf(Views.RegisterView.class)).join();
        // today's register answers the version its stored document folded; a replayed view has none
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (register.version() != null) {
            ok.eTag(SeriesVersions.etag(register.version()));
        }
        if (!"csv".equalsIgnoreCase(format)) {
            return ok.body(register);
        }
        String csv = Csv.of(List.of("series_id", "on", "holder_id", "current_holder_id", "role", "state",
                        "rights_allotted", "rights_held", "rights_exercised", "rights_lapsed", "rights_acquired",
                        "shares_per_right", "shares_deliverable", "window_first_day", "window_last_day", "lapse_date"),
                register.holders().stream().map(h -> List.<Object>of(register.seriesId(), register.on(),
                        h.holderId(), h.currentHolderId(), h.role(), h.state(), h.rightsAllotted(), h.rightsHeld(),
                        h.rightsExercised(), h.rightsLapsed(), h.rightsAcquired(), h.sharesPerRight(),
                        h.sharesDeliverable(), blank(h.windowFirstDay()), blank(h.windowLastDay()),
                        blank(h.lapseDate()))).toList());
        return ok.contentType(TEXT_CSV).body(csv);
    }

    @Operation(operationId = "openWindows", summary = "Open exercise windows, soonest closing first",
            description = "On another date (on) the windows are folded as of that date; closingWithinDays narrows"
                    + " them. Paged: page from 0, size 1 to 500.")
    @ApiResponse(responseCode = "200", description = "A page of windows",
            content = {@Content(mediaType = "application/json", schema = @Schema(implementation = WindowPage.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string",
                            description = "format=csv: one row per window"))})
    @GetMapping("/windows")
    public ResponseEntity<?> windows(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                                     @Parameter(schema = @Schema(minimum = "0")) @RequestParam(required = false) Integer closingWithinDays,
                                     @Parameter(description = "From 0", schema = @Schema(minimum = "0"))
                                     @RequestParam(defaultValue = "0") int page,
                                     @Parameter(description = "1 to 500", schema = @Schema(minimum = "1", maximum = "500"))
                                     @RequestParam(defaultValue = "100") int size,
                                     @Parameter(description = "csv: the same rows as text/csv",
                                                schema = @Schema(allowableValues = {"json", "csv"}))
                                     @RequestParam(required = false) String format) {
        requirePaging(page, size);
        if (closingWithinDays != null && closingWithinDays < 0) {
            throw new IllegalArgumentException("closingWithinDays must not be negative, was " + closingWithinDays);
        }
        WindowPage windows = queries.query(new FindOpenWindows(on, closingWithinDays, page, size),
                ResponseTypes.instanceOf(WindowPage.class)).join();
        if (!"csv".equalsIgnoreCase(format)) {
            return ResponseEntity.ok(windows);
        }
        String csv = Csv.of(List.of("series_id", "holder_id", "current_holder_id", "state", "first_day", "last_day",
                        "days_left", "rights_held", "shares_deliverable"),
                windows.items().stream().map(w -> List.<Object>of(w.seriesId(), w.holderId(), w.currentHolderId(),
                        w.state(), w.firstDay(), w.lastDay(), w.daysLeft(), w.rightsHeld(),
                        w.sharesDeliverable())).toList());
        return ResponseEntity.ok().contentType(TEXT_CSV).body(csv);
    }

    /**
     * Holdings awaiting an heir on a day (today by default): the holder died with rights to inherit
     * and no heir has inherited yet. Longest waiting first; {@code daysWaiting} counts from the death.
     */
    @Operation(operationId = "awaitingHeir", summary = "Holdings awaiting an heir, longest waiting first",
            description = "The holder died with rights to inherit and no heir has inherited yet. Paged: page from 0,"
                    + " size 1 to 500.")
    @ApiResponse(responseCode = "200", description = "A page of holdings awaiting an heir",
            content = {@Content(mediaType = "application/json", schema = @Schema(implementation = AwaitingHeirPage.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string",
                            description = "format=csv: one row per holding"))})
    @GetMapping("/awaiting-heir")
    public ResponseEntity<?> awaitingHeir(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                                          @Parameter(description = "From 0", schema = @Schema(minimum = "0"))
                                          @RequestParam(defaultValue = "0") int page,
                                          @Parameter(description = "1 to 500", schema = @Schema(minimum = "1", maximum = "500"))
                                          @RequestParam(defaultValue = "100") int size,
                                          @Parameter(description = "csv: the same rows as text/csv",
                                                     schema = @Schema(allowableValues = {"json", "csv"}))
                                          @RequestParam(required = false) String format) {
        requirePaging(page, size);
        AwaitingHeirPage waiting = queries.query(new FindAwaitingHeir(on, page, size),
                ResponseTypes.instanceOf(AwaitingHeirPage.class)).join();
        if (!"csv".equalsIgnoreCase(format)) {
            return ResponseEntity.ok(waiting);
        }
        String csv = Csv.of(List.of("series_id", "holder_id", "date_of_death", "days_waiting", "rights_held",
                        "shares_deliverable", "lapse_date"),
                waiting.items().stream().map(w -> List.<Object>of(w.seriesId(), w.holderId(), w.dateOfDeath(),
                        w.daysWaiting(), w.rightsHeld(), w.sharesDeliverable(), blank(w.lapseDate()))).toList());
        return ResponseEntity.ok().contentType(TEXT_CSV).body(csv);
    }

    @Operation(operationId = "auditTrail", summary = "The audit trail",
            description = "Every recorded event with who recorded it and when, by series, holder, business dates"
                    + " (from, to) or recording instants (recordedFrom, recordedTo); order asc (recording order)"
                    + " or desc. REPORTING sees the entries without their payloads. Paged: page from 0, size 1 to 500.")
    @GetMapping("/audit")
    public AuditPage audit(@RequestParam(required = false) String seriesId,
                           @RequestParam(required = false) String holderId,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedFrom,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedTo,
                           @Parameter(description = "asc: recording order; desc: newest first",
                           schema = @Schema(allowableValues = {"asc", "desc"}))
                           @RequestParam(defaultValue = "asc") String order,
                           @Parameter(description = "From 0", schema = @Schema(minimum = "0"))
                           @RequestParam(defaultValue = "0") int page,
                           @Parameter(description = "1 to 500", schema = @Schema(minimum = "1", maximum = "500"))
                           @RequestParam(defaultValue = "100") int size) {
        requirePaging(page, size);
        if (!order.equals("asc") && !order.equals("desc")) {
            throw new IllegalArgumentException("order is asc (recording order) or desc (newest first), was " + order);
        }
        AuditPage trail = queries.query(new FindAuditTrail(seriesId, holderId, from, to, recordedFrom, recordedTo,
                        order.equals("desc"), page, size),
                ResponseTypes.instanceOf(AuditPage.class)).join();
        return AccessPolicy.readsPayloads(SignedIn.roles()) ? trail : trail.withoutPayloads();
    }

    private static void requirePaging(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE
                    + "; were " + page + " and " + size);
        }
    }

    private static Object blank(Object value) {
        return value == null ? "" : value;
    }
}
