package io.sartracker.service.imports;

import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import io.sartracker.service.contract.ApiContract;
import io.sartracker.service.contract.Refusals;
import io.sartracker.service.security.Recorder;
import io.sartracker.service.web.RequestIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

import static io.sartracker.kernel.rule.RuleCode.NOT_SERVED_BY_THIS_NODE;
import static io.sartracker.kernel.rule.RuleCode.UNKNOWN_IMPORT;

/** Importing a file of past history over HTTP: start it (dry run or real), then follow it to its outcome. */
@RestController
@Tag(name = ApiContract.IMPORTS)
public class ImportController {
    private final HistoryImports imports;

    public ImportController(HistoryImports imports) {
        this.imports = imports;
    }

    @Operation(operationId = "importHistory", summary = "Import a file of past history",
            description = "A CSV file with a header, or JSON lines: one fact a line, each the body of the API's"
                    + " request for that fact plus factKind and the series or issuer the path would name (see the"
                    + " README, \"Importing past history\"). The facts are sent through the same commands in date"
                    + " order (within a date, in the order of the file). Answers at once with the import (RUNNING);"
                    + " follow GET /imports/{importId}. A real run records every line or none; a dry run records"
                    + " nothing and lists every line that would be refused. The same file recorded once is not"
                    + " recorded again (ALREADY_IMPORTED).")
    @ApiResponse(responseCode = "202", description = "Started: the import (RUNNING), its address in Location",
            useReturnTypeSchema = true)
    @Refusals(NOT_SERVED_BY_THIS_NODE)
    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<ImportStatus> importHistory(
            @RequestPart("file") MultipartFile file,
            @Parameter(description = "true: decide every line and record nothing")
            @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun) {
        ImportStatus started = imports.start(file.getOriginalFilename(), bytesOf(file), dryRun, Recorder.current(),
                RequestIds.current().orElse(null));
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/imports/" + started.importId()))
                .body(started);
    }

    @Operation(operationId = "importStatus", summary = "An import's progress and outcome",
            description = "While it runs: lines done of the total, facts a second and seconds left. Once done: the"
                    + " state (RECORDED, VALID, REJECTED, ALREADY_IMPORTED, FAILED), what was recorded and every"
                    + " refused line with its number, rule code, sentence and figures.")
    @Refusals(UNKNOWN_IMPORT)
    @GetMapping("/imports/{importId}")
    public ImportStatus status(@PathVariable String importId) {
        return imports.status(importId).orElseThrow(() -> RuleViolation.of(RuleCode.UNKNOWN_IMPORT,
                "No import has this identifier; POST /imports answers with the identifier of the one it starts.",
                "importId", importId));
    }

    /** The file's bytes; an empty file is refused, as it holds no fact to import. */
    static byte[] bytesOf(MultipartFile file) {
        try {
            byte[] bytes = file.getBytes();
            if (bytes.length == 0) {
                throw RuleViolation.of(RuleCode.INVALID_INPUT, "The file is empty; send a CSV file with its header"
                        + " and one fact a line, or JSON lines.", "field", "file");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
