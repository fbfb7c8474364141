package io.sartracker.service.web;

import io.sartracker.kernel.command.AcquireRights;
import io.sartracker.kernel.command.AdjustSharesPerRight;
import io.sartracker.kernel.command.AllotRights;
import io.sartracker.kernel.command.ExerciseRights;
import io.sartracker.kernel.command.InheritRights;
import io.sartracker.kernel.command.IssueSeries;
import io.sartracker.kernel.command.RestructureSeries;
import io.sartracker.kernel.command.ReverseLatestFact;
import io.sartracker.kernel.command.TransferRights;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.service.web.Requests.AcquisitionRequest;
import io.sartracker.service.web.Requests.AllotmentRequest;
import io.sartracker.service.web.Requests.BoardAdjustmentRequest;
import io.sartracker.service.web.Requests.ExerciseRequest;
import io.sartracker.service.web.Requests.InheritanceRequest;
import io.sartracker.service.web.Requests.IssueSeriesRequest;
import io.sartracker.service.web.Requests.RestructuringRequest;
import io.sartracker.service.web.Requests.ReversalRequest;
import io.sartracker.service.web.Requests.TransferRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The facts of one series, one endpoint per command. Every answer lists the events recorded and gives
 * the series' new ETag; each takes an {@code Idempotency-Key} and an {@code If-Match} (see {@link CommandSender#record}).
 */
@RestController
@RequestMapping("/series")
public class SeriesController {
    private final CommandSender sender;
    private final Clock clock;

    public SeriesController(CommandSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    @PostMapping
    public ResponseEntity<Recorded> issue(@RequestBody IssueSeriesRequest request) {
        IssueSeries command = new IssueSeries(request.seriesId(), request.issuerId(), request.terms());
        return sender.record(command);
    }

    @PostMapping("/{seriesId}/allotments")
    public ResponseEntity<Recorded> allot(@PathVariable String seriesId, @RequestBody AllotmentRequest request) {
        return sender.record(new AllotRights(SeriesId.of(seriesId), request.holderId(), request.role(),
                request.rights(), request.allotmentDate()));
    }

    @PostMapping("/{seriesId}/inheritances")
    public ResponseEntity<Recorded> inherit(@PathVariable String seriesId, @RequestBody InheritanceRequest request) {
        return sender.record(new InheritRights(SeriesId.of(seriesId), request.holderId(), request.heirs(),
                request.inheritanceDate()));
    }

    @PostMapping("/{seriesId}/exercises")
    public ResponseEntity<Recorded> exercise(@PathVariable String seriesId, @RequestBody ExerciseRequest request) {
        return sender.record(new ExerciseRights(SeriesId.of(seriesId), request.holderId(),
                request.exerciseDate(), request.rights(), request.shares()));
    }

    @PostMapping("/{seriesId}/share-adjustments")
    public ResponseEntity<Recorded> adjust(@PathVariable String seriesId, @RequestBody BoardAdjustmentRequest request) {
        return sender.record(new AdjustSharesPerRight(SeriesId.of(seriesId), request.sharesPerRight(),
                request.appliesFrom(), request.reason()));
    }

    @PostMapping("/{seriesId}/restructurings")
    public ResponseEntity<Recorded> restructure(@PathVariable String seriesId,
                                                @RequestBody RestructuringRequest request) {
        return sender.record(new RestructureSeries(SeriesId.of(seriesId), request.kind(),
                request.restructuredCompanyId(), request.restructuredCompanyName(), request.effectiveDate(),
                request.shareRatio(), Boolean.TRUE.equals(request.agreementProvidesReplacement())));
    }

    @PostMapping("/{seriesId}/acquisitions")
    public ResponseEntity<Recorded> acquire(@PathVariable String seriesId, @RequestBody AcquisitionRequest request) {
        return sender.record(new AcquireRights(SeriesId.of(seriesId), request.cause(), request.approvalDate(),
                request.acquisitionDate()));
    }

    @PostMapping("/{seriesId}/transfers")
    public ResponseEntity<Recorded> transfer(@PathVariable String seriesId, @RequestBody TransferRequest request) {
        return sender.record(new TransferRights(SeriesId.of(seriesId), request.holderId(),
                request.transfereeId(), request.rights(), request.transferDate(), request.boardApprovalReference()));
    }

    /** Reverses the latest exercise, departure, death or inheritance of the holding. */
    @PostMapping("/{seriesId}/reversals")
    public ResponseEntity<Recorded> reverse(@PathVariable String seriesId, @RequestBody ReversalRequest request) {
        LocalDate reversedOn = request.reversedOn() != null ? request.reversedOn() : LocalDate.now(clock);
        return sender.record(new ReverseLatestFact(SeriesId.of(seriesId), request.holderId(), request.reason(),
                reversedOn));
    }
}
