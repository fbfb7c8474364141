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
import org.springframework.web.bind.annotation.RequestHeader;
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
    public ResponseEntity<Recorded> issue(@RequestBody IssueSeriesRequest request,
                                          @RequestHeader(value = CommandSender.RECORDED_BY_HEADER, required = false) String by) {
        IssueSeries command = new IssueSeries(request.seriesId(), request.issuerId(), request.terms());
        return sender.record(command, by);
    }

    @PostMapping("/{seriesId}/allotments")
    public ResponseEntity<Recorded> allot(@PathVariable String seriesId, @RequestBody AllotmentRequest request,
                                          @RequestHeader(value = CommandSender.RECORDED_BY_HEADER, required = false) String by) {
        return sender.record(new AllotRights(SeriesId.of(seriesId), request.holderId(), request.role(),
                request.rights(), request.allotmentDate()), by);
    }

    @PostMapping("/{seriesId}/inheritances")
    public ResponseEntity<Recorded> inherit(@PathVariable String seriesId, @RequestBody InheritanceRequest request,
                                            @RequestHeader(value = CommandSender.RECORDED_BY_HEADER, required = false) String by) {
        return sender.record(new InheritRights(SeriesId.of(seriesId), request.holderId(), request.heirs(),
                request.inheritanceDate()), by);
    }

    @PostMapping("/{seriesId}/exercises")
    public ResponseEntity<Recorded> exercise(@PathVariable String seriesId, @RequestBody ExerciseRequest request,
                                             @RequestHeader(value = CommandSender.RECORDED_BY_HEADER, required = false) String by) {
        return sender.record(new ExerciseRights(SeriesId.of(seriesId), request.holderId(),
                request.exerciseDate(), request.rights(), request.shares()), by);
    }

    @PostMapping("/{seriesId}/share-adjustments")
    public ResponseEntity<Recorded> adjust(@PathVariable String seriesId, @RequestBody BoardAdjustmentRequest request,
                                           @RequestHeader(value = CommandSender.RECORDED_BY_HEADER, required = false) String by) {
        return sender.record(new AdjustSharesPerRight(SeriesId.of(seriesId), request.sharesPerRight(),
                request.appliesFrom(), request.reason()), by);
    }

    @PostMapping("/{seriesId}/restructurings")
    public ResponseEntity<Recorded> restructure(@PathVariable String seriesId,
                                                @RequestBody RestructuringRequest request,
                                                @RequestHeader(value = CommandSender.RECORDED_BY_HEADER, required = false) String by) {
        return sender.record(new RestructureSeries(SeriesId.of(seriesId), request.kind(),
                request.restructuredCompanyId(), request.restructuredCompanyName(), request.effectiveDate(),
                request.shareRatio(), Boolean.TRUE.equals(request.agreementProvidesReplacement())), by);
    }

    @PostMapping("/{seriesId}/acquisitions")
    public ResponseEntity<Recorded> acquire(@PathVariable String seriesId, @RequestBody AcquisitionRequest request,
                                            @RequestHeader(value = CommandSender.RECORDED_BY_HEADER, required = false) String by) {
        return sender.record(new AcquireRights(SeriesId.of(seriesId), request.cause(), request.approvalDate(),
                request.acquisitionDate()), by);
    }

    @PostMapping("/{seriesId}/transfers")
    public ResponseEntity<Recorded> transfer(@PathVariable String seriesId, @RequestBody TransferRequest request,
                                             @RequestHeader(value = CommandSender.RECORDED_BY_HEADER, required = false) String by) {
        return sender.record(new TransferRights(SeriesId.of(seriesId), request.holderId(),
                request.transfereeId(), request.rights(), request.transferDate(), request.boardApprovalReference()), by);
    }

    /** Reverses the latest exercise, departure, death or inheritance of the holding. */
    @PostMapping("/{seriesId}/reversals")
    public ResponseEntity<Recorded> reverse(@PathVariable String seriesId, @RequestBody ReversalRequest request,
                                            @RequestHeader(value = CommandSender.RECORDED_BY_HEADER, required = false) String by) {
        LocalDate reversedOn = request.reversedOn() != null ? request.reversedOn() : LocalDate.now(clock);
        return sender.record(new ReverseLatestFact(SeriesId.of(seriesId), request.holderId(), request.reason(),
                reversedOn), by);
    }
}
