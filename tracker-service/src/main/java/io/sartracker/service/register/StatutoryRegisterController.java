package io.sartracker.service.register;

import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.query.FindRegister;
import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.query.register.Views;
import io.sartracker.query.register.Views.HoldingView;
import io.sartracker.service.contract.ApiContract;
import io.sartracker.service.contract.Refusals;
import io.sartracker.service.directory.HolderDirectory;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletionException;

/**
 * The register of stock acquisition rights (新株予約権原簿) of a series as of a date, with the holders' names and
 * addresses from the holder directory: as JSON, CSV, an Excel workbook or a PDF. The figures are the as-of
 * register view's ({@link FindRegister}); only those who may read personal data download it.
 */
@RestController
@Tag(name = ApiContract.VIEWS)
public class StatutoryRegisterController {
    static final MediaType XLSX = MediaType.valueOf("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final QueryGateway queries;
    private final HolderDirectory directory;
    private final Clock clock;

    public StatutoryRegisterController(QueryGateway queries, HolderDirectory directory, Clock clock) {
        this.queries = queries;
        this.directory = directory;
        this.clock = clock;
    }

    /** The register of the series as of the date (today when none), with names where the directory has them. */
    public StatutoryRegister register(String seriesId, LocalDate asOf) {
        Views.RegisterView view;
        try {
            view = queries.query(new FindRegister(SeriesId.of(seriesId), asOf, null),
                    ResponseTypes.instanceOf(Views.RegisterView.class)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        Set<String> people = new LinkedHashSet<>();
        view.holders().stream().map(HoldingView::currentHolderId).forEach(people::add);
        return StatutoryRegister.of(view, directory.entries(people));
    }

    @Operation(operationId = "statutoryRegister", summary = "The register of stock acquisition rights (新株予約権原簿)",
            description = "Companies Act art. 249: the series' terms (content and number of rights), each holder's"
                    + " name and address from the holder directory (the identifier only where there is none), the"
                    + " rights held and the date they were acquired, and what was exercised, lapsed and acquired;"
                    + " as of asOf (today by default). format: json, csv (UTF-8 with a byte order mark, CRLF),"
                    + " xlsx or pdf (Japanese, the font embedded).")
    @ApiResponse(responseCode = "200", description = "The register",
            content = {@Content(mediaType = "application/json", schema = @Schema(implementation = StatutoryRegister.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string", description = "format=csv")),
                    @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            schema = @Schema(type = "string", format = "binary", description = "format=xlsx")),
                    @Content(mediaType = "application/pdf",
                            schema = @Schema(type = "string", format = "binary", description = "format=pdf"))})
    @Refusals(RuleCode.UNKNOWN_SERIES)
    @GetMapping("/series/{seriesId}/statutory-register")
    public ResponseEntity<?> statutoryRegister(
            @PathVariable String seriesId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @Parameter(description = "json (default), csv, xlsx or pdf",
                    schema = @Schema(allowableValues = {"json", "csv", "xlsx", "pdf"}))
            @RequestParam(required = false) String format) {
        String chosen = format == null ? "json" : format.toLowerCase();
        if (!Set.of("json", "csv", "xlsx", "pdf").contains(chosen)) {
            throw new IllegalArgumentException("format is json, csv, xlsx or pdf, was " + format);
        }
        StatutoryRegister register = register(seriesId, asOf);
        if (chosen.equals("json")) {
            return ResponseEntity.ok(register);
        }
        LocalDate on = asOf != null ? asOf : LocalDate.now(clock);
        String name = "register-" + seriesId.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + on + "." + chosen;
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name).build().toString());
        return switch (chosen) {
            case "csv" -> ok.contentType(CSV).body(RegisterFiles.csv(register));
            case "xlsx" -> ok.contentType(XLSX).body(RegisterFiles.xlsx(register));
            default -> ok.contentType(MediaType.APPLICATION_PDF).body(RegisterFiles.pdf(register));
        };
    }
}
