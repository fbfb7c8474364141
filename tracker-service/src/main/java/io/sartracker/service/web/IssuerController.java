package io.sartracker.service.web;

import io.sartracker.kernel.model.IssuerId;
import io.sartracker.service.contract.ApiContract;
import io.sartracker.service.contract.Recording;
import io.sartracker.service.contract.Refusals;
import io.sartracker.service.web.Requests.DeathRequest;
import io.sartracker.service.web.Requests.DepartureRequest;
import io.sartracker.service.web.Requests.PersonReversalRequest;
import io.sartracker.service.web.Requests.RoleChangeRequest;
import io.sartracker.service.web.Requests.ShareConsolidationRequest;
import io.sartracker.service.web.Requests.ShareSplitRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

import static io.sartracker.kernel.rule.RuleCode.ADJUSTMENT_BEFORE_ALLOTMENT;
import static io.sartracker.kernel.rule.RuleCode.ADJUSTMENT_BEFORE_RECORDED_EXERCISE;
import static io.sartracker.kernel.rule.RuleCode.ADJUSTMENT_OUT_OF_ORDER;
import static io.sartracker.kernel.rule.RuleCode.CONDITIONAL_SPLIT_DATES;
import static io.sartracker.kernel.rule.RuleCode.FACT_DATED_IN_FUTURE;
import static io.sartracker.kernel.rule.RuleCode.FACT_OUT_OF_ORDER;
import static io.sartracker.kernel.rule.RuleCode.HOLDER_ALREADY_DECEASED;
import static io.sartracker.kernel.rule.RuleCode.HOLDER_NOT_IN_OFFICE;
import static io.sartracker.kernel.rule.RuleCode.LATER_FACT_RECORDED;
import static io.sartracker.kernel.rule.RuleCode.NOTHING_TO_REVERSE;
import static io.sartracker.kernel.rule.RuleCode.NO_SERIES_TO_ADJUST;
import static io.sartracker.kernel.rule.RuleCode.RATIO_DOES_NOT_FIT;
import static io.sartracker.kernel.rule.RuleCode.ROLE_UNCHANGED;
import static io.sartracker.kernel.rule.RuleCode.UNKNOWN_HOLDER;
import static io.sartracker.kernel.rule.RuleCode.UNKNOWN_ISSUER;

/**
 * Facts of the issuer: office is held at the issuer and splits apply to all its shares, so each of
 * these is recorded once and applied to every series it concerns.
 */
@RestController
@RequestMapping("/issuers/{issuerId}")
@Tag(name = ApiContract.ISSUER_FACTS)
public class IssuerController {
    private final CommandSender sender;
    private final Clock clock;

    public IssuerController(CommandSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    @Operation(operationId = "recordDeparture", summary = "A person loses office",
            description = "Recorded in every series of the issuer in which the person holds rights; the 10-day"
                    + " window after losing office opens the next day (RULES.md 4).")
    @Recording(Recording.Scope.ISSUER)
    @Refusals({UNKNOWN_ISSUER, UNKNOWN_HOLDER, FACT_DATED_IN_FUTURE, FACT_OUT_OF_ORDER, HOLDER_ALREADY_DECEASED,
            HOLDER_NOT_IN_OFFICE})
    @PostMapping("/departures")
    public ResponseEntity<Recorded> departure(@PathVariable String issuerId, @RequestBody DepartureRequest request) {
        return sender.record(request.command(IssuerId.of(issuerId)));
    }

    @Operation(operationId = "recordDeath", summary = "A person dies (an allottee or an heir)",
            description = "An allottee's rights await the one heir; an heir's rights lapse (RULES.md 5).")
    @Recording(Recording.Scope.ISSUER)
    @Refusals({UNKNOWN_ISSUER, UNKNOWN_HOLDER, FACT_DATED_IN_FUTURE, FACT_OUT_OF_ORDER, HOLDER_ALREADY_DECEASED})
    @PostMapping("/deaths")
    public ResponseEntity<Recorded> death(@PathVariable String issuerId, @RequestBody DeathRequest request) {
        return sender.record(request.command(IssuerId.of(issuerId)));
    }

    @Operation(operationId = "recordRoleChange", summary = "A person moves between director and executive officer",
            description = "Not losing office: the rights stay with the person (RULES.md 3).")
    @Recording(Recording.Scope.ISSUER)
    @Refusals({UNKNOWN_ISSUER, UNKNOWN_HOLDER, FACT_DATED_IN_FUTURE, FACT_OUT_OF_ORDER, HOLDER_ALREADY_DECEASED,
            HOLDER_NOT_IN_OFFICE, ROLE_UNCHANGED})
    @PostMapping("/role-changes")
    public ResponseEntity<Recorded> roleChange(@PathVariable String issuerId, @RequestBody RoleChangeRequest request) {
        return sender.record(request.command(IssuerId.of(issuerId)));
    }

    /** Reverses a departure or a death recorded in error, in every series of the person. */
    @Operation(operationId = "reverseFactOfPerson", summary = "Reverse a person's departure or death recorded in error",
            description = "Reversed in every series of the person, where it is the holding's latest fact."
                    + " reversedOn defaults to today.")
    @Recording(Recording.Scope.ISSUER)
    @Refusals({UNKNOWN_ISSUER, UNKNOWN_HOLDER, NOTHING_TO_REVERSE, LATER_FACT_RECORDED})
    @PostMapping("/reversals")
    public ResponseEntity<Recorded> reversal(@PathVariable String issuerId, @RequestBody PersonReversalRequest request) {
        return sender.record(request.command(IssuerId.of(issuerId), clock));
    }

    @Operation(operationId = "recordShareSplit", summary = "A share split",
            description = "Adjusts the shares per right of every series running on the day it applies: the day"
                    + " after the record date, or after the meeting closes for a split conditional on it (RULES.md 7).")
    @Recording(Recording.Scope.ISSUER)
    @Refusals({UNKNOWN_ISSUER, RATIO_DOES_NOT_FIT, CONDITIONAL_SPLIT_DATES, ADJUSTMENT_BEFORE_ALLOTMENT,
            ADJUSTMENT_OUT_OF_ORDER, ADJUSTMENT_BEFORE_RECORDED_EXERCISE, NO_SERIES_TO_ADJUST})
    @PostMapping("/share-splits")
    public ResponseEntity<Recorded> split(@PathVariable String issuerId, @RequestBody ShareSplitRequest request) {
        return sender.record(request.command(IssuerId.of(issuerId)));
    }

    @Operation(operationId = "recordShareConsolidation", summary = "A share consolidation",
            description = "Adjusts the shares per right of every series running on its effective date, rounded"
                    + " down (RULES.md 7).")
    @Recording(Recording.Scope.ISSUER)
    @Refusals({UNKNOWN_ISSUER, RATIO_DOES_NOT_FIT, ADJUSTMENT_BEFORE_ALLOTMENT, ADJUSTMENT_OUT_OF_ORDER,
            ADJUSTMENT_BEFORE_RECORDED_EXERCISE, NO_SERIES_TO_ADJUST})
    @PostMapping("/share-consolidations")
    public ResponseEntity<Recorded> consolidation(@PathVariable String issuerId,
                                                  @RequestBody ShareConsolidationRequest request) {
        return sender.record(request.command(IssuerId.of(issuerId)));
    }
}
