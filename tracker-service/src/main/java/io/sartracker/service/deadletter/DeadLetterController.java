package io.sartracker.service.deadletter;

import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.service.contract.ApiContract;
import io.sartracker.service.contract.Refusals;
import io.sartracker.service.web.ProblemHandler;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

/** Operators list the projections' dead letters and retry them once the cause is mended. */
@RestController
@Tag(name = ApiContract.OPERATIONS)
public class DeadLetterController {
    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** Every projection's dead letters, oldest first within each series. */
    @Operation(operationId = "deadLetters", summary = "Every projection's dead letters",
            description = "By projection (register, audit): the events a projection failed on, with the later"
                    + " events of their series, and the cause.")
    @GetMapping("/dead-letters")
    public Map<String, List<DeadLetters.Letter>> list() {
        return deadLetters.processingGroups().stream().collect(Collectors.toMap(
                group -> group, deadLetters::list, (a, b) -> a, LinkedHashMap::new));
    }

    @Operation(operationId = "deadLettersOf", summary = "One projection's dead letters")
    @Refusals(RuleCode.UNKNOWN_PROCESSING_GROUP)
    @GetMapping("/dead-letters/{processingGroup}")
    public List<DeadLetters.Letter> list(@PathVariable String processingGroup) {
        return deadLetters.list(processingGroup);
    }

    @Operation(operationId = "retryDeadLetters", summary = "Retry a projection's dead letters",
            description = "Once the cause is mended: answers how many sequences were retried and handled, and how"
                    + " many letters are left.")
    @Refusals(RuleCode.UNKNOWN_PROCESSING_GROUP)
    @PostMapping("/dead-letters/{processingGroup}/retries")
    public DeadLetters.Retry retry(@PathVariable String processingGroup) {
        return deadLetters.retry(processingGroup);
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ProblemDetail> unknownGroup(NoSuchElementException e) {
        return ProblemHandler.problem(RuleCode.UNKNOWN_PROCESSING_GROUP, "There is no projection of that name;"
                + " the projections are " + deadLetters.processingGroups() + ".", Map.of());
    }
}
