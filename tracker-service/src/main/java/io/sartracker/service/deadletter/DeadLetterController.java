package io.sartracker.service.deadletter;

import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.service.web.ProblemHandler;
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
public class DeadLetterController {
    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** Every projection's dead letters, oldest first within each series. */
    @GetMapping("/dead-letters")
    public Map<String, List<DeadLetters.Letter>> list() {
        return deadLetters.processingGroups().stream().collect(Collectors.toMap(
                group -> group, deadLetters::list, (a, b) -> a, LinkedHashMap::new));
    }

    @GetMapping("/dead-letters/{processingGroup}")
    public List<DeadLetters.Letter> list(@PathVariable String processingGroup) {
        return deadLetters.list(processingGroup);
    }

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
