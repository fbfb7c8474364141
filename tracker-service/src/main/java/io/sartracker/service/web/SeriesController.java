package io.sartracker.service.web;

import io.sartracker.kernel.model.SeriesId;
import io.sartracker.service.contract.ApiContract;
import io.sartracker.service.contract.Recording;
import io.sartracker.service.contract.Refusals;
import io.sartracker.service.web.Requests.AcquisitionRequest;
import io.sartracker.service.web.Requests.AllotmentRequest;
import io.sartracker.service.web.Requests.BoardAdjustmentRequest;
import io.sartracker.service.web.Requests.ExerciseRequest;
import io.sartracker.service.web.Requests.InheritanceRequest;
import io.sartracker.service.web.Requests.IssueSeriesRequest;
import io.sartracker.service.web.Requests.RestructuringRequest;
import io.sartracker.service.web.Requests.ReversalRequest;
import io.sartracker.service.web.Requests.TransferRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

import static io.sartracker.kernel.rule.RuleCode.ACQUISITION_BEFORE_APPROVAL;
import static io.sartracker.kernel.rule.RuleCode.ADJUSTMENT_BEFORE_ALLOTMENT;
import static io.sartracker.kernel.rule.RuleCode.ADJUSTMENT_BEFORE_RECORDED_EXERCISE;
import static io.sartracker.kernel.rule.RuleCode.ADJUSTMENT_OUT_OF_ORDER;
import static io.sartracker.kernel.rule.RuleCode.ALLOTMENT_DATE_MISMATCH;
import static io.sartracker.kernel.rule.RuleCode.ALREADY_INHERITED;
import static io.sartracker.kernel.rule.RuleCode.AWAITING_HEIR;
import static io.sartracker.kernel.rule.RuleCode.EXCEEDS_RIGHTS_HELD;
import static io.sartracker.kernel.rule.RuleCode.EXERCISE_PERIOD_ENDED;
import static io.sartracker.kernel.rule.RuleCode.FACT_DATED_IN_FUTURE;
import static io.sartracker.kernel.rule.RuleCode.FACT_OUT_OF_ORDER;
import static io.sartracker.kernel.rule.RuleCode.HEIR_CANNOT_PASS_ON;
import static io.sartracker.kernel.rule.RuleCode.HEIR_IS_THE_DECEASED;
import static io.sartracker.kernel.rule.RuleCode.HOLDER_ALREADY_DECEASED;
import static io.sartracker.kernel.rule.RuleCode.HOLDER_IN_OFFICE;
import static io.sartracker.kernel.rule.RuleCode.HOLDER_NOT_DECEASED;
import static io.sartracker.kernel.rule.RuleCode.HOLDER_NOT_IN_OFFICE;
import static io.sartracker.kernel.rule.RuleCode.LATER_FACT_RECORDED;
import static io.sartracker.kernel.rule.RuleCode.MAXIMUM_RIGHTS_EXCEEDED;
import static io.sartracker.kernel.rule.RuleCode.MORE_THAN_ONE_HEIR;
import static io.sartracker.kernel.rule.RuleCode.NOTHING_OUTSTANDING;
import static io.sartracker.kernel.rule.RuleCode.NOTHING_TO_DELIVER;
import static io.sartracker.kernel.rule.RuleCode.NOTHING_TO_INHERIT;
import static io.sartracker.kernel.rule.RuleCode.NOTHING_TO_REVERSE;
import static io.sartracker.kernel.rule.RuleCode.NO_RIGHTS_LEFT;
import static io.sartracker.kernel.rule.RuleCode.OUTSIDE_EXERCISE_PERIOD;
import static io.sartracker.kernel.rule.RuleCode.OUTSIDE_EXERCISE_WINDOW;
import static io.sartracker.kernel.rule.RuleCode.PARTIAL_RIGHT_NOT_ALLOWED;
import static io.sartracker.kernel.rule.RuleCode.RESTRUCTURING_WITHOUT_REPLACEMENT;
import static io.sartracker.kernel.rule.RuleCode.RIGHTS_ACQUIRED;
import static io.sartracker.kernel.rule.RuleCode.RIGHTS_LAPSED;
import static io.sartracker.kernel.rule.RuleCode.ROLE_NOT_ELIGIBLE;
import static io.sartracker.kernel.rule.RuleCode.SERIES_ALREADY_ISSUED;
import static io.sartracker.kernel.rule.RuleCode.TRANSFER_APPROVAL_REQUIRED;
import static io.sartracker.kernel.rule.RuleCode.TRANSFER_NOT_ALLOWED;
import static io.sartracker.kernel.rule.RuleCode.TRANSFER_NOT_SUPPORTED;
import static io.sartracker.kernel.rule.RuleCode.UNKNOWN_HOLDER;

/**
 * The facts of one series, one endpoint per command. Every answer lists the events recorded and gives
 * the series' new ETag; each takes an {@code Idempotency-Key} and an {@code If-Match} (see {@link CommandSender#record}).
 */
@RestController
@RequestMapping("/series")
@Tag(name = ApiContract.SERIES)
public class SeriesController {
    private final CommandSender sender;
    private final Clock clock;

    public SeriesController(CommandSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    @Operation(operationId = "issueSeries", summary = "Issue a series with its terms",
            description = "The board's issuance: the series' identifier, its issuer and the terms of the notice."
                    + " The answer's Location is the new series and its ETag \"0\".")
    @Recording(Recording.Scope.NEW_SERIES)
    @Refusals(SERIES_ALREADY_ISSUED)
    @PostMapping
    public ResponseEntity<Recorded> issue(@RequestBody IssueSeriesRequest request) {
        return sender.record(request.command());
    }

    @Operation(operationId = "allotRights", summary = "Allot rights to a director or executive officer",
            description = "On the allotment date of the terms, at most the maximum number of rights in all (RULES.md 2).")
    @Recording(Recording.Scope.ONE_SERIES)
    @Refusals({FACT_DATED_IN_FUTURE, ALLOTMENT_DATE_MISMATCH, ROLE_NOT_ELIGIBLE, MAXIMUM_RIGHTS_EXCEEDED,
            HOLDER_NOT_IN_OFFICE, HOLDER_ALREADY_DECEASED})
    @PostMapping("/{seriesId}/allotments")
    public ResponseEntity<Recorded> allot(@PathVariable String seriesId, @RequestBody AllotmentRequest request) {
        return sender.record(request.command(SeriesId.of(seriesId)));
    }

    @Operation(operationId = "inheritRights", summary = "The one legal heir inherits a deceased holder's rights",
            description = "Name the heir in heirId (heirIds with more than one is refused: MORE_THAN_ONE_HEIR);"
                    + " the heir's window runs from the inheritance (RULES.md 5).")
    @Recording(Recording.Scope.ONE_SERIES)
    @Refusals({UNKNOWN_HOLDER, FACT_DATED_IN_FUTURE, MORE_THAN_ONE_HEIR, HOLDER_NOT_DECEASED, ALREADY_INHERITED,
            HEIR_CANNOT_PASS_ON, NOTHING_TO_INHERIT, FACT_OUT_OF_ORDER, HEIR_IS_THE_DECEASED})
    @PostMapping("/{seriesId}/inheritances")
    public ResponseEntity<Recorded> inherit(@PathVariable String seriesId, @RequestBody InheritanceRequest request) {
        return sender.record(request.command(SeriesId.of(seriesId)));
    }

    @Operation(operationId = "exerciseRights", summary = "Record an exercise",
            description = "Give either rights or shares (a whole multiple of the shares per right in force);"
                    + " the holder or heir exercises inside the window that applies (RULES.md 6).")
    @Recording(Recording.Scope.ONE_SERIES)
    @Refusals({UNKNOWN_HOLDER, FACT_DATED_IN_FUTURE, EXERCISE_PERIOD_ENDED, HOLDER_IN_OFFICE, AWAITING_HEIR,
            RIGHTS_LAPSED, RIGHTS_ACQUIRED, NO_RIGHTS_LEFT, OUTSIDE_EXERCISE_PERIOD, OUTSIDE_EXERCISE_WINDOW,
            NOTHING_TO_DELIVER, PARTIAL_RIGHT_NOT_ALLOWED, EXCEEDS_RIGHTS_HELD})
    @PostMapping("/{seriesId}/exercises")
    public ResponseEntity<Recorded> exercise(@PathVariable String seriesId, @RequestBody ExerciseRequest request) {
        return sender.record(request.command(SeriesId.of(seriesId)));
    }

    @Operation(operationId = "adjustSharesPerRight", summary = "The board's direct adjustment of the shares per right",
            description = "Applies from a date after the allotment date and after every earlier adjustment (RULES.md 7).")
    @Recording(Recording.Scope.ONE_SERIES)
    @Refusals({ADJUSTMENT_BEFORE_ALLOTMENT, ADJUSTMENT_OUT_OF_ORDER, ADJUSTMENT_BEFORE_RECORDED_EXERCISE})
    @PostMapping("/{seriesId}/share-adjustments")
    public ResponseEntity<Recorded> adjust(@PathVariable String seriesId, @RequestBody BoardAdjustmentRequest request) {
        return sender.record(request.command(SeriesId.of(seriesId)));
    }

    @Operation(operationId = "restructureSeries", summary = "An organizational restructuring replaces the rights",
            description = "Rights of the restructured company replace the outstanding ones when the agreement"
                    + " provides them (9); otherwise the company acquires them (8).")
    @Recording(Recording.Scope.ONE_SERIES)
    @Refusals({RESTRUCTURING_WITHOUT_REPLACEMENT, ADJUSTMENT_BEFORE_ALLOTMENT, ADJUSTMENT_OUT_OF_ORDER,
            ADJUSTMENT_BEFORE_RECORDED_EXERCISE, NOTHING_OUTSTANDING})
    @PostMapping("/{seriesId}/restructurings")
    public ResponseEntity<Recorded> restructure(@PathVariable String seriesId,
                                                @RequestBody RestructuringRequest request) {
        return sender.record(request.command(SeriesId.of(seriesId)));
    }

    @Operation(operationId = "acquireRights", summary = "The company acquires every outstanding right without contribution",
            description = "On a date on or after the board's approval (8).")
    @Recording(Recording.Scope.ONE_SERIES)
    @Refusals({FACT_DATED_IN_FUTURE, ACQUISITION_BEFORE_APPROVAL, NOTHING_OUTSTANDING, FACT_OUT_OF_ORDER})
    @PostMapping("/{seriesId}/acquisitions")
    public ResponseEntity<Recorded> acquire(@PathVariable String seriesId, @RequestBody AcquisitionRequest request) {
        return sender.record(request.command(SeriesId.of(seriesId)));
    }

    @Operation(operationId = "transferRights", summary = "A transfer of rights (refused)",
            description = "The terms forbid transfer (11)-4; where terms would allow it with the board's approval"
                    + " (7), the tracker does not record it yet. Every transfer is refused and nothing is recorded.")
    @Recording(value = Recording.Scope.ONE_SERIES, accepted = false)
    @Refusals({UNKNOWN_HOLDER, FACT_DATED_IN_FUTURE, TRANSFER_NOT_ALLOWED, TRANSFER_APPROVAL_REQUIRED,
            TRANSFER_NOT_SUPPORTED})
    @PostMapping("/{seriesId}/transfers")
    public ResponseEntity<Recorded> transfer(@PathVariable String seriesId, @RequestBody TransferRequest request) {
        return sender.record(request.command(SeriesId.of(seriesId)));
    }

    /** Reverses the latest exercise, departure, death or inheritance of the holding. */
    @Operation(operationId = "reverseLatestFact", summary = "Reverse the holding's latest fact recorded in error",
            description = "An exercise or an inheritance is reversed in this series; a departure or a death is the"
                    + " person's, reversed in every series of the person. reversedOn defaults to today.")
    @Recording(Recording.Scope.ONE_SERIES)
    @Refusals({UNKNOWN_HOLDER, NOTHING_TO_REVERSE, LATER_FACT_RECORDED})
    @PostMapping("/{seriesId}/reversals")
    public ResponseEntity<Recorded> reverse(@PathVariable String seriesId, @RequestBody ReversalRequest request) {
        return sender.record(request.command(SeriesId.of(seriesId), clock));
    }
}
