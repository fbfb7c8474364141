package io.sartracker.service.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.time.DateTimeException;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every rejection as an RFC 9457 problem document: a stable {@code code}, a sentence a person can
 * act on ({@code detail}) and the {@code figures} involved. Bad input is a 4xx, never a 500.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolation violation) {
        return problem(violation.code(), violation.getMessage(), violation.figures());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalidInput(IllegalArgumentException e) {
        return problem(RuleCode.INVALID_INPUT, e.getMessage(), Map.of());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownSeries(AggregateNotFoundException e) {
        return problem(RuleCode.UNKNOWN_SERIES, "No series " + e.getAggregateIdentifier()
                + " is recorded; issue it first.", Map.of("seriesId", e.getAggregateIdentifier()));
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> alreadyIssued(AggregateStreamCreationException e) {
        return problem(RuleCode.SERIES_ALREADY_ISSUED,
                "A series with this identifier is already recorded; choose another identifier.", Map.of());
    }

    /** Two writers recorded on the same series at once: nothing of the later one was recorded. */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrencyException e) {
        return problem(RuleCode.CONCURRENT_MODIFICATION,
                "The series was changed by another request at the same moment; nothing was recorded."
                        + " Send the request again.", Map.of());
    }

    /** If-Match named another version than the current one: nothing recorded; the current ETag is given. */
    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> versionMismatch(ConflictingAggregateVersionException e) {
        ResponseEntity<ProblemDetail> problem = problem(RuleCode.VERSION_MISMATCH, "The series is at version "
                        + e.getActualVersion() + ", not " + e.getExpectedVersion() + " as If-Match says; nothing was"
                        + " recorded. Read the series again and decide with what it holds now.",
                Map.of("seriesId", String.valueOf(e.getAggregateIdentifier()), "expectedVersion", e.getExpectedVersion(),
                        "currentVersion", e.getActualVersion()));
        return ResponseEntity.status(problem.getStatusCode()).eTag(SeriesVersions.etag(e.getActualVersion()))
                .body(problem.getBody());
    }

    /** Not a problem: a retry with the same Idempotency-Key gets the first answer again. */
    @ExceptionHandler(Idempotency.AlreadyAnswered.class)
    ResponseEntity<String> alreadyAnswered(Idempotency.AlreadyAnswered replay) {
        IdempotencyStore.StoredAnswer answer = replay.answer();
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(answer.status())
                .header(Idempotency.REPLAYED_HEADER, "true").contentType(MediaType.APPLICATION_JSON);
        if (answer.location() != null) {
            builder.header(HttpHeaders.LOCATION, answer.location());
        }
        if (answer.etag() != null) {
            builder.header(HttpHeaders.ETAG, answer.etag());
        }
        return builder.body(answer.body());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        ConflictingAggregateVersionException stale = causeOfType(e, ConflictingAggregateVersionException.class);
        if (stale != null) {
            return versionMismatch(stale);
        }
        RuleViolation violation = causeOfType(e, RuleViolation.class);
        if (violation != null) {
            return ruleViolation(violation);
        }
        IllegalArgumentException invalid = causeOfType(e, IllegalArgumentException.class);
        if (invalid != null) {
            return invalidInput(invalid);
        }
        if (causeOfType(e, ArithmeticException.class) != null || causeOfType(e, DateTimeException.class) != null) {
            return problem(RuleCode.INVALID_INPUT, "A number or date in the request is too large to compute with;"
                    + " check the figures.", Map.of());
        }
        log.error("Unexpected failure", e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The tracker failed unexpectedly; nothing was recorded. The failure is in the service log.");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        IllegalArgumentException invalid = causeOfType(e, IllegalArgumentException.class);
        String detail;
        if (invalid != null) {
            detail = invalid.getMessage();
        } else if (e.getCause() instanceof InvalidFormatException format) {
            detail = "'" + format.getValue() + "' is not a valid value for " + path(format) + ".";
        } else if (e.getCause() instanceof MismatchedInputException mismatch) {
            detail = "The value of " + path(mismatch) + " has the wrong type.";
        } else {
            detail = "The request body is not valid JSON.";
        }
        return new ResponseEntity<>(problem(RuleCode.INVALID_INPUT, detail, Map.of()).getBody(), headers,
                HttpStatus.BAD_REQUEST);
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "the body" : "'" + path + "'";
    }

    public static ResponseEntity<ProblemDetail> problem(RuleCode code, String detail, Map<String, Object> figures) {
        HttpStatus status = switch (code.kind()) {
            case BAD_INPUT -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case RULE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case PRECONDITION_FAILED -> HttpStatus.PRECONDITION_FAILED;
        };
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create("urn:sar-tracker:problem:" + code.name()));
        body.setTitle(code.name().replace('_', ' ').toLowerCase());
        body.setProperty("code", code.name());
        body.setProperty("figures", figures);
        return ResponseEntity.status(status).body(body);
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
