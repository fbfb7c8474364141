package io.sartracker.service.accounting;

import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.query.FindSeries;
import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import io.sartracker.query.api.TrackerQueryHandlers.SeriesList;
import io.sartracker.service.contract.ApiContract;
import io.sartracker.service.contract.Refusals;
import io.sartracker.service.security.Recorder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The accounting journal of a series (ASBJ Statement No. 8 or IFRS 2), the balance of its stock acquisition
 * rights account on a day, and each issuer's choice of standard.
 */
@RestController
@Tag(name = ApiContract.VIEWS)
public class JournalController {
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final SeriesJournals journals;
    private final AccountingStandardChoices choices;
    private final QueryGateway queries;

    public JournalController(SeriesJournals journals, AccountingStandardChoices choices, QueryGateway queries) {
        this.journals = journals;
        this.choices = choices;
        this.queries = queries;
    }

    /** The standard an issuer chooses for the journals of its series. */
    public record StandardChoice(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
            allowableValues = {"ASBJ", "IFRS"}) String standard) {
    }

    @Operation(operationId = "seriesJournal", summary = "The accounting journal of a series for a period",
            description = "Each entry with its date, accounts, debit and credit in whole yen, and the event it comes"
                    + " from (type, sequence number, holder, inputs): the allotment (share-based remuneration expense"
                    + " against stock acquisition rights), each exercise (into capital stock and capital reserve), each"
                    + " lapse and acquisition (ASBJ: a gain; IFRS: a transfer to retained earnings). Reversed facts are"
                    + " left out and a corrected allotment amount restates the allotments. from: the first entry by"
                    + " default; to: today. standard: ASBJ or IFRS, the issuer's choice by default. format: json or"
                    + " csv (one row per line, UTF-8 with a byte order mark, CRLF).")
    @ApiResponse(responseCode = "200", description = "The journal",
            content = {@Content(mediaType = "application/json", schema = @Schema(implementation = Journal.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string", description = "format=csv"))})
    @Refusals(RuleCode.UNKNOWN_SERIES)
    @GetMapping("/series/{seriesId}/journal")
    public ResponseEntity<?> journal(
            @PathVariable String seriesId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(schema = @Schema(allowableValues = {"ASBJ", "IFRS"}))
            @RequestParam(required = false) String standard,
            @Parameter(schema = @Schema(allowableValues = {"json", "csv"}))
            @RequestParam(required = false) String format) {
        boolean csv = "csv".equalsIgnoreCase(format);
        if (format != null && !csv && !"json".equalsIgnoreCase(format)) {
            throw RuleViolation.of(RuleCode.INVALID_INPUT, "format is json or csv, was '" + format + "'.",
                    "format", format);
        }
        Journal journal = journals.journal(seriesId, from, to, standard);
        if (!csv) {
            return ResponseEntity.ok(journal);
        }
        String name = "journal-" + journal.seriesId().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + journal.standard()
                + "-" + journal.from() + "-" + journal.to() + ".csv";
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .contentType(CSV).body(SeriesJournals.csv(journal));
    }

    @Operation(operationId = "seriesJournalBalance",
            summary = "The balance of a series' stock acquisition rights account (新株予約権) on a day",
            description = "At the end of the day (today by default), under the standard named or the issuer's choice.")
    @Refusals(RuleCode.UNKNOWN_SERIES)
    @GetMapping("/series/{seriesId}/journal/balance")
    public SeriesJournals.Balance balance(
            @PathVariable String seriesId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @Parameter(schema = @Schema(allowableValues = {"ASBJ", "IFRS"}))
            @RequestParam(required = false) String standard) {
        return journals.balance(seriesId, on, standard);
    }

    @Operation(operationId = "accountingStandard", summary = "An issuer's accounting standard for its journals",
            description = "ASBJ until one is chosen; with every choice, who made it and when.")
    @Refusals(RuleCode.UNKNOWN_ISSUER)
    @GetMapping("/issuers/{issuerId}/accounting-standard")
    public AccountingStandardChoices.IssuerStandard standard(@PathVariable String issuerId) {
        return choices.of(knownIssuer(issuerId));
    }

    @Operation(operationId = "chooseAccountingStandard", summary = "Choose an issuer's accounting standard",
            description = "ASBJ (Statement No. 8) or IFRS (IFRS 2); kept with the signed-in user and the time. The"
                    + " journals of the issuer's series follow it from then on; nothing is recorded in the events.")
    @Refusals(RuleCode.UNKNOWN_ISSUER)
    @PutMapping("/issuers/{issuerId}/accounting-standard")
    public AccountingStandardChoices.IssuerStandard choose(@PathVariable String issuerId,
                                                           @RequestBody StandardChoice choice) {
        if (choice == null || choice.standard() == null) {
            throw RuleViolation.of(RuleCode.INVALID_INPUT, "Give the standard: ASBJ or IFRS.", "field", "standard");
        }
        AccountingStandard standard = AccountingStandard.named(choice.standard());
        return choices.choose(knownIssuer(issuerId), standard, Recorder.current());
    }

    private String knownIssuer(String issuerId) {
        String id = IssuerId.of(issuerId).value();
        SeriesList series = queries.query(new FindSeries(id), ResponseTypes.instanceOf(SeriesList.class)).join();
        if (series.series().isEmpty()) {
            throw RuleViolation.of(RuleCode.UNKNOWN_ISSUER, "No series of issuer " + id + " is recorded; issue one"
                    + " first.", "issuerId", id);
        }
        return id;
    }
}
