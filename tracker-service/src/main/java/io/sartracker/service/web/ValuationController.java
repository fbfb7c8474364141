package io.sartracker.service.web;

import io.sartracker.kernel.command.CorrectAllotmentAmount;
import io.sartracker.kernel.command.DetermineAllotmentAmount;
import io.sartracker.kernel.command.PreviewAllotmentAmount;
import io.sartracker.kernel.model.Require;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.valuation.Valuation;
import io.sartracker.kernel.valuation.ValuationInputs;
import io.sartracker.service.config.RecordedEvents;
import io.sartracker.service.contract.ApiContract;
import io.sartracker.service.contract.Recording;
import io.sartracker.service.contract.Refusals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static io.sartracker.kernel.rule.RuleCode.ALLOTMENT_AMOUNT_ALREADY_DETERMINED;
import static io.sartracker.kernel.rule.RuleCode.INVALID_VALUATION_INPUT;
import static io.sartracker.kernel.rule.RuleCode.LATER_FACT_RECORDED;
import static io.sartracker.kernel.rule.RuleCode.NO_ALLOTMENT_AMOUNT;
import static io.sartracker.kernel.rule.RuleCode.UNKNOWN_SERIES;
import static io.sartracker.kernel.rule.RuleCode.VALUATION_AFTER_ALLOTMENT;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The allotment amount of (12): determine it, correct it with a reason, or ask what it would be.
 * The price history comes either inside the JSON ({@code priceHistory.csv}) or as an uploaded file
 * (multipart: a {@code request} JSON part and a {@code priceHistory} file part).
 */
@RestController
@RequestMapping("/series/{seriesId}/allotment-amount")
@Tag(name = ApiContract.VALUATION)
public class ValuationController {
    private final CommandSender sender;
    private final CommandGateway gateway;

    public ValuationController(CommandSender sender, CommandGateway gateway) {
        this.sender = sender;
        this.gateway = gateway;
    }

    /** The valuation inputs as a client sends them; {@code priceHistory.csv} may come as a file instead. */
    @Schema(description = "Give either volatility or priceHistory, and either dividendYield or dividendPerShare."
            + " determinationDate is required to determine or correct (the correction's date); valuationDate"
            + " defaults to it, and the preview needs one of the two.")
    public record ValuationRequest(LocalDate determinationDate, LocalDate valuationDate,
                                   @Schema(requiredMode = REQUIRED, description = "S: the share price, yen")
                                   BigDecimal spot,
                                   @Schema(requiredMode = REQUIRED, description = "T: years to expiry")
                                   BigDecimal years,
                                   @Schema(requiredMode = REQUIRED, description = "r, e.g. 0.0118")
                                   BigDecimal riskFreeRate,
                                   BigDecimal dividendYield, BigDecimal dividendPerShare, BigDecimal volatility,
                                   PriceHistoryRequest priceHistory,
                                   @Schema(description = "Required by a correction: why the amount changes")
                                   String reason) {

        /** Checked even where a date is not used (the preview takes only the valuation date). */
        public ValuationRequest {
            Require.optionalDate(determinationDate, "determinationDate");
            Require.optionalDate(valuationDate, "valuationDate");
            Require.atMost(reason, "reason", Require.MAX_REASON_LENGTH);
        }

        @Schema(description = "Daily closes as CSV date,close: in csv, or uploaded as the multipart file part"
                + " priceHistory.")
        public record PriceHistoryRequest(String csv, @Schema(requiredMode = REQUIRED) LocalDate lookBackFrom,
                                          @Schema(requiredMode = REQUIRED) LocalDate lookBackTo) {
        }

        /** The determination of the allotment amount, with the price history uploaded beside the request if any. */
        public DetermineAllotmentAmount determination(SeriesId series, MultipartFile upload) {
            return new DetermineAllotmentAmount(series, determinationDate, valuationDateOrDetermination(), inputs(upload));
        }

        /** The valuation date defaults to the date of the determination (the 5th series: both 2015-07-13). */
        LocalDate valuationDateOrDetermination() {
            return valuationDate != null ? valuationDate : determinationDate;
        }

        ValuationInputs inputs(MultipartFile upload) {
            ValuationInputs.PriceHistoryInput history = null;
            if (priceHistory != null || upload != null) {
                String csv = upload != null ? read(upload) : priceHistory.csv();
                history = new ValuationInputs.PriceHistoryInput(csv,
                        priceHistory == null ? null : priceHistory.lookBackFrom(),
                        priceHistory == null ? null : priceHistory.lookBackTo());
            }
            return new ValuationInputs(spot, years, riskFreeRate, dividendYield, dividendPerShare, volatility,
                    history);
        }

        private static String read(MultipartFile upload) {
            try {
                return new String(upload.getBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Operation(operationId = "determineAllotmentAmount", summary = "Determine and record the allotment amount",
            description = "Prices the right as of (12) with the series' shares per right and exercise price and"
                    + " records the amount per right, before the allotment date and before any exercise. The price"
                    + " history comes inside the JSON or as a multipart upload.")
    @Recording(Recording.Scope.ONE_SERIES)
    @Refusals({INVALID_VALUATION_INPUT, LATER_FACT_RECORDED, ALLOTMENT_AMOUNT_ALREADY_DETERMINED,
            VALUATION_AFTER_ALLOTMENT})
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Recorded> determine(@PathVariable String seriesId, @RequestBody ValuationRequest request) {
        return determine(seriesId, request, null);
    }

    @Operation(operationId = "determineAllotmentAmount", summary = "Determine and record the allotment amount",
            description = "Prices the right as of (12) with the series' shares per right and exercise price and"
                    + " records the amount per right, before the allotment date and before any exercise. The price"
                    + " history comes inside the JSON or as a multipart upload.")
    @Recording(Recording.Scope.ONE_SERIES)
    @Refusals({INVALID_VALUATION_INPUT, LATER_FACT_RECORDED, ALLOTMENT_AMOUNT_ALREADY_DETERMINED,
            VALUATION_AFTER_ALLOTMENT})
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Recorded> determineWithUpload(@PathVariable String seriesId,
                                                        @RequestPart("request") ValuationRequest request,
                                                        @RequestPart("priceHistory") MultipartFile priceHistory) {
        return determine(seriesId, request, priceHistory);
    }

    @Operation(operationId = "correctAllotmentAmount", summary = "Correct the recorded allotment amount",
            description = "Replaces it with a reason, until an exercise has used it.")
    @Recording(Recording.Scope.ONE_SERIES)
    @Refusals({INVALID_VALUATION_INPUT, NO_ALLOTMENT_AMOUNT, LATER_FACT_RECORDED})
    @PostMapping(path = "/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Recorded> correct(@PathVariable String seriesId, @RequestBody ValuationRequest request) {
        return sender.record(new CorrectAllotmentAmount(SeriesId.of(seriesId),
                request.determinationDate(), request.valuationDateOrDetermination(), request.inputs(null), request.reason()));
    }

    /** What would the amount be? Computed with the series' shares per right and exercise price; nothing recorded. */
    @Operation(operationId = "previewAllotmentAmount", summary = "What the allotment amount would be",
            description = "Computed as the determination would, with the series' figures; nothing is recorded.")
    @Refusals({UNKNOWN_SERIES, INVALID_VALUATION_INPUT})
    @PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Valuation preview(@PathVariable String seriesId, @RequestBody ValuationRequest request) {
        return preview(seriesId, request, null);
    }

    @Operation(operationId = "previewAllotmentAmount", summary = "What the allotment amount would be",
            description = "Computed as the determination would, with the series' figures; nothing is recorded.")
    @Refusals({UNKNOWN_SERIES, INVALID_VALUATION_INPUT})
    @PostMapping(path = "/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Valuation previewWithUpload(@PathVariable String seriesId, @RequestPart("request") ValuationRequest request,
                                       @RequestPart("priceHistory") MultipartFile priceHistory) {
        return preview(seriesId, request, priceHistory);
    }

    private ResponseEntity<Recorded> determine(String seriesId, ValuationRequest request, MultipartFile upload) {
        return sender.record(request.determination(SeriesId.of(seriesId), upload));
    }

    private Valuation preview(String seriesId, ValuationRequest request, MultipartFile upload) {
        RecordedEvents.Outcome outcome = gateway.sendAndWait(new PreviewAllotmentAmount(SeriesId.of(seriesId),
                request.valuationDateOrDetermination(), request.inputs(upload)));
        return (Valuation) outcome.result();
    }
}
