package io.sartracker.service.ocf;

import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.service.contract.ApiContract;
import io.sartracker.service.contract.Refusals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** An issuer's stock acquisition rights as an Open Cap Format package, to move them to another product. */
@RestController
@Tag(name = ApiContract.VIEWS)
public class OcfController {
    public static final MediaType ZIP = MediaType.valueOf("application/zip");

    private final OcfPackages packages;

    public OcfController(OcfPackages packages) {
        this.packages = packages;
    }

    @Operation(operationId = "ocfPackage", summary = "The issuer's rights as an Open Cap Format 1.2.0 package",
            description = "A ZIP of the OCF manifest and the files it names (stakeholders, stock classes, stock"
                    + " plans, transactions, valuations), as of a business date (asOf, default today), folded as"
                    + " the as-of register folds: reversed facts left out. README, \"Open Cap Format export\","
                    + " has the mapping.")
    @ApiResponse(responseCode = "200", description = "The package",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    @Refusals(RuleCode.UNKNOWN_ISSUER)
    @GetMapping("/issuers/{issuerId}/ocf")
    public ResponseEntity<byte[]> ocf(@PathVariable String issuerId,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        OcfPackage ocf = packages.of(IssuerId.of(issuerId), asOf);
        return ResponseEntity.ok().contentType(ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(ocf.fileName()).build().toString())
                .body(ocf.zip());
    }
}
