package io.sartracker.service.web;

import io.sartracker.kernel.command.CorrectAllotmentAmount;
import io.sartracker.kernel.command.DetermineAllotmentAmount;
import io.sartracker.kernel.command.PreviewAllotmentAmount;
import io.sartracker.kernel.model.Require;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.valuation.Valuation;
import io.sartracker.kernel.valuation.ValuationInputs;
import io.sartracker.service.config.RecordedEvents;
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

/**
 * The allotment amount of (12): determine it, correct it with a reason, or ask what it would be.
 * The price history comes either inside the JSON ({@code priceHistory.csv}) or as an uploaded file
 * (multipart: a {@code request} JSON part and a {@code priceHistory} file part).
 */
@RestController
@RequestMapping("/series/{seriesId}/allotment-amount")
public class ValuationController {
    private final CommandSender sender;
    private final CommandGateway gateway;

    public ValuationController(CommandSender sender, CommandGateway gateway) {
        this.sender = sender;
        this.gateway = gateway;
    }

    /** The valuation inputs as a client sends them; {@code priceHistory.csv} may come as a file instead. */
    public record ValuationRequest(LocalDate determinationDate, LocalDate valuationDate, BigDecimal spot,
                                   BigDecimal years, BigDecimal riskFreeRate, BigDecimal dividendYield,
                                   BigDecimal dividendPerShare, BigDecimal volatility,
                                   PriceHistoryRequest priceHistory, String reason) {

        /** Checked even where a date is not used (the preview takes only the valuation date). */
        public ValuationRequest {
            Require.optionalDate(determinationDate, "determinationDate");
            Require.optionalDate(valuationDate, "valuationDate");
            Require.atMost(reason, "reason", Require.MAX_REASON_LENGTH);
        }

        public record PriceHistoryRequest(String csv, LocalDate lookBackFrom, LocalDate lookBackTo) {
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

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Recorded> determine(@PathVariable String seriesId, @RequestBody ValuationRequest request) {
        return determine(seriesId, request, null);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Recorded> determineWithUpload(@PathVariable String seriesId,
                                                        @RequestPart("request") ValuationRequest request,
                                                        @RequestPart("priceHistory") MultipartFile priceHistory) {
        return determine(seriesId, request, priceHistory);
    }

    @PostMapping(path = "/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Recorded> correct(@PathVariable String seriesId, @RequestBody ValuationRequest request) {
        return sender.record(new CorrectAllotmentAmount(SeriesId.of(seriesId),
                request.determinationDate(), valuationDate(request), request.inputs(null), request.reason()));
    }

    /** What would the amount be? Computed with the series' shares per right and exercise price; nothing recorded. */
    @PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Valuation preview(@PathVariable String seriesId, @RequestBody ValuationRequest request) {
        return preview(seriesId, request, null);
    }

    @PostMapping(path = "/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Valuation previewWithUpload(@PathVariable String seriesId, @RequestPart("request") ValuationRequest request,
                                       @RequestPart("priceHistory") MultipartFile priceHistory) {
        return preview(seriesId, request, priceHistory);
    }

    private ResponseEntity<Recorded> determine(String seriesId, ValuationRequest request, MultipartFile upload) {
        return sender.record(new DetermineAllotmentAmount(SeriesId.of(seriesId),
                request.determinationDate(), valuationDate(request), request.inputs(upload)));
    }

    private Valuation preview(String seriesId, ValuationRequest request, MultipartFile upload) {
        RecordedEvents.Outcome outcome = gateway.sendAndWait(new PreviewAllotmentAmount(SeriesId.of(seriesId),
                valuationDate(request), request.inputs(upload)));
        return (Valuation) outcome.result();
    }

    /** The valuation date defaults to the date of the determination (the 5th series: both 2015-07-13). */
    private static LocalDate valuationDate(ValuationRequest request) {
        return request.valuationDate() != null ? request.valuationDate() : request.determinationDate();
    }
}
