package io.sartracker.service.filing;

import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import io.sartracker.service.contract.ApiContract;
import io.sartracker.service.contract.Refusals;
import io.sartracker.service.filing.RegistrationFilings.Filing;
import io.sartracker.service.register.RegisterFiles;
import io.sartracker.service.security.Recorder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * Registrations of change (変更登記) over HTTP: equity administrators keep the issuer's share capital statements
 * and mark registrations filed; equity administrators, compliance and reporting read what each registration must
 * state. Nothing here goes through the command bus: statements and marks are kept beside the events.
 */
@RestController
@Tag(name = ApiContract.REGISTRATIONS)
public class RegistrationController {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final int MAX_REFERENCE = 200;

    private final Registrations registrations;
    private final ShareCapitalStatements statements;
    private final RegistrationFilings filings;
    private final Clock clock;

    public RegistrationController(Registrations registrations, ShareCapitalStatements statements,
                                  RegistrationFilings filings, Clock clock) {
        this.registrations = registrations;
        this.statements = statements;
        this.filings = filings;
        this.clock = clock;
    }

    /** A registration marked filed: on which day, under which reference (the application's number, say). */
    public record FilingMark(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "EXERCISES-2024-03")
                             String key,
                             @Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocalDate filedOn,
                             @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String reference) {
    }

    /** The issuer's registrations as of a business date. */
    public record RegistrationList(String issuerId, LocalDate on, List<Registration> registrations) {
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(TOKYO));
    }

    @Operation(operationId = "recordShareCapitalStatement", summary = "Keep the issuer's registered share capital",
            description = "As at asAt: the total number of issued shares and the capital stock (whole yen) as the"
                    + " commercial register states them, and their source. A registration's totals are carried"
                    + " forward from the latest statement dated on or before its change date. Kept beside the"
                    + " events, with the signed-in user.")
    @ApiResponse(responseCode = "201", description = "The statement kept")
    @Refusals(RuleCode.UNKNOWN_ISSUER)
    @PostMapping("/issuers/{issuerId}/share-capital-statements")
    public ResponseEntity<ShareCapitalStatement> recordStatement(@PathVariable String issuerId,
                                                                 @RequestBody StatementDetails details) {
        registrations.requireIssuer(issuerId);
        return ResponseEntity.status(HttpStatus.CREATED).body(statements.record(issuerId, details, Recorder.current()));
    }

    @Operation(operationId = "shareCapitalStatements", summary = "The issuer's share capital statements",
            description = "Latest date first.")
    @Refusals(RuleCode.UNKNOWN_ISSUER)
    @GetMapping("/issuers/{issuerId}/share-capital-statements")
    public List<ShareCapitalStatement> statements(@PathVariable String issuerId) {
        registrations.requireIssuer(issuerId);
        return statements.all(issuerId);
    }

    @Operation(operationId = "registrations", summary = "The registrations of change the rights call for",
            description = "One for each month with exercises (EXERCISES-yyyy-mm, as at the month's end, due two"
                    + " weeks after it: Companies Act art. 915(3)(i)) and one for each day with lapses or"
                    + " acquisitions (CHANGE-yyyy-mm-dd, due two weeks after it: art. 915(1)), from the facts"
                    + " dated up to asOf (today by default), soonest deadline first, each with its filing mark.")
    @Refusals(RuleCode.UNKNOWN_ISSUER)
    @GetMapping("/issuers/{issuerId}/registrations")
    public RegistrationList registrations(@PathVariable String issuerId,
                                          @RequestParam(required = false)
                                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate on = asOf != null ? asOf : today();
        return new RegistrationList(issuerId, on, registrations.of(issuerId, on));
    }

    @Operation(operationId = "registrationReport", summary = "What a registration of change must state",
            description = "key: EXERCISES-yyyy-mm (this month's by default) or CHANGE-yyyy-mm-dd. For a month:"
                    + " issued shares and capital stock as at its last day (carried forward from the latest share"
                    + " capital statement; none, with what to record, without one), what the month's exercises"
                    + " added, and for each series the rights remaining and the shares they are for. For a day:"
                    + " the rights of each series remaining after its lapses and acquisitions. With the facts"
                    + " behind each figure, holders by identifier only. format: json, csv (UTF-8 with a byte order"
                    + " mark, CRLF) or pdf (Japanese, the font embedded).")
    @ApiResponse(responseCode = "200", description = "The report",
            content = {@Content(mediaType = "application/json",
                    schema = @Schema(implementation = RegistrationReport.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string", description = "format=csv")),
                    @Content(mediaType = "application/pdf",
                            schema = @Schema(type = "string", format = "binary", description = "format=pdf"))})
    @Refusals(RuleCode.UNKNOWN_ISSUER)
    @GetMapping("/issuers/{issuerId}/registration-report")
    public ResponseEntity<?> report(@PathVariable String issuerId, @RequestParam(required = false) String key,
                                    @Parameter(description = "json (default), csv or pdf",
                                            schema = @Schema(allowableValues = {"json", "csv", "pdf"}))
                                    @RequestParam(required = false) String format) {
        String chosen = format == null ? "json" : format.toLowerCase();
        if (!Set.of("json", "csv", "pdf").contains(chosen)) {
            throw new IllegalArgumentException("format is json, csv or pdf, was " + format);
        }
        RegistrationKey named = key == null ? RegistrationKey.exercisesOf(YearMonth.from(today()))
                : RegistrationKey.parse(key);
        RegistrationReport report = registrations.report(issuerId, named);
        if (chosen.equals("json")) {
            return ResponseEntity.ok(report);
        }
        String name = "registration-" + issuerId.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + named + "." + chosen;
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name).build().toString());
        RegistrationDocument document = RegistrationDocument.of(report);
        return chosen.equals("csv") ? ok.contentType(CSV).body(RegisterFiles.csv(document))
                : ok.contentType(MediaType.APPLICATION_PDF).body(RegisterFiles.pdf(document));
    }

    @Operation(operationId = "markRegistrationFiled", summary = "Mark a registration filed",
            description = "filedOn: the day the application was filed (not after today); reference: the"
                    + " application's number or another note to find it (at most 200 characters). A mark already"
                    + " there is replaced, and kept as undone. The registration leaves the Today page.")
    @ApiResponse(responseCode = "201", description = "The mark")
    @Refusals({RuleCode.UNKNOWN_ISSUER, RuleCode.UNKNOWN_REGISTRATION})
    @PostMapping("/issuers/{issuerId}/registration-filings")
    public ResponseEntity<Filing> markFiled(@PathVariable String issuerId, @RequestBody FilingMark mark) {
        registrations.requireIssuer(issuerId);
        RegistrationKey key = RegistrationKey.parse(mark.key());
        if (mark.filedOn() == null || mark.filedOn().isAfter(today())) {
            throw new IllegalArgumentException("filedOn is the day the application was filed, today (" + today()
                    + ") or before, was " + mark.filedOn());
        }
        String reference = mark.reference() == null ? "" : mark.reference().strip();
        if (reference.isEmpty() || reference.length() > MAX_REFERENCE
                || reference.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("reference is one line of 1 to " + MAX_REFERENCE + " characters: the"
                    + " application's number, say");
        }
        if (!registrations.report(issuerId, key).due()) {
            throw RuleViolation.of(RuleCode.UNKNOWN_REGISTRATION, "Issuer " + issuerId + " has no registration "
                    + key + ": nothing recorded in it calls for one.", "issuerId", issuerId, "key", key.toString());
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(filings.mark(issuerId, key.toString(), mark.filedOn(), reference, Recorder.current()));
    }

    @Operation(operationId = "undoRegistrationFiled", summary = "Undo a mistaken filing mark",
            description = "The registration is unfiled again and returns to the Today page; the mark is kept,"
                    + " with who undid it when.")
    @ApiResponse(responseCode = "204", description = "The mark undone")
    @Refusals({RuleCode.UNKNOWN_ISSUER, RuleCode.NO_FILING_MARK})
    @DeleteMapping("/issuers/{issuerId}/registration-filings")
    public ResponseEntity<Void> undoFiled(@PathVariable String issuerId, @RequestParam(required = false) String key) {
        registrations.requireIssuer(issuerId);
        RegistrationKey named = RegistrationKey.parse(key);
        if (!filings.undo(issuerId, named.toString(), Recorder.current())) {
            throw RuleViolation.of(RuleCode.NO_FILING_MARK, "Registration " + named + " of issuer " + issuerId
                    + " is not marked filed: there is no mark to undo.", "issuerId", issuerId, "key", named.toString());
        }
        return ResponseEntity.noContent().build();
    }
}
