package io.sartracker.service.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import io.sartracker.service.durability.GroupSync;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
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
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.time.DateTimeException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every rejection as an RFC 9457 problem document: a stable {@code code}, a sentence a person can
 * act on ({@code detail}) and the {@code figures} involved. Bad input is a 4xx, never a 500.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    /** A detail never grows past this, whatever a message echoes of the request. */
    private static final int MAX_DETAIL = 1_000;

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolation violation) {
        ResponseEntity<ProblemDetail> problem = problem(violation.code(), violation.getMessage(), violation.figures());
        if (violation.code() == RuleCode.IMPORT_IN_PROGRESS) {
            return ResponseEntity.status(problem.getStatusCode())
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(violation.figures().get("retryAfterSeconds")))
                    .body(problem.getBody());
        }
        return problem;
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
        ResponseEntity<ProblemDetail> known = known(e);
        if (known != null) {
            return known;
        }
        log.error("Unexpected failure", e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The tracker failed unexpectedly; nothing was recorded. The failure is in the service log.");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    /**
     * The problem a command refused with answers over HTTP, for a refusal met outside a request (a line of
     * an imported history): its code, sentence and figures. Empty for a failure that is not a refusal.
     */
    public Optional<ProblemDetail> refusal(Exception e) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof AggregateNotFoundException notFound) {
                return Optional.ofNullable(unknownSeries(notFound).getBody());
            }
            if (cause instanceof AggregateStreamCreationException taken) {
                return Optional.ofNullable(alreadyIssued(taken).getBody());
            }
            if (cause instanceof ConcurrencyException concurrent && !(cause instanceof ConflictingAggregateVersionException)) {
                return Optional.ofNullable(concurrentChange(concurrent).getBody());
            }
        }
        return Optional.ofNullable(known(e)).map(ResponseEntity::getBody);
    }

    /** The answer to a failure the service knows how to explain, or null. */
    private ResponseEntity<ProblemDetail> known(Exception e) {
        GroupSync.NotDurableException notDurable = causeOfType(e, GroupSync.NotDurableException.class);
        if (notDurable != null) {
            log.error("A commit was not confirmed on disk", notDurable);
            return problem(RuleCode.COMMIT_NOT_CONFIRMED, "The facts were committed, but the disk did not confirm"
                    + " them in time, so they may not survive a power failure. Send the request again with the same"
                    + " Idempotency-Key: it answers with what was recorded, or records it.", Map.of());
        }
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
        if (causeOfType(e, RequestLimits.BodyTooLargeException.class) != null) {
            return problem(RuleCode.PAYLOAD_TOO_LARGE, RequestLimits.JSON_TOO_LARGE, Map.of());
        }
        if (causeOfType(e, ArithmeticException.class) != null || causeOfType(e, DateTimeException.class) != null) {
            return problem(RuleCode.INVALID_INPUT, "A number or date in the request is too large to compute with;"
                    + " check the figures.", Map.of());
        }
        return null;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (causeOfType(e, RequestLimits.BodyTooLargeException.class) != null) {
            return asObject(problem(RuleCode.PAYLOAD_TOO_LARGE, RequestLimits.JSON_TOO_LARGE, Map.of()));
        }
        IllegalArgumentException invalid = causeOfType(e, IllegalArgumentException.class);
        Map<String, Object> figures = new LinkedHashMap<>();
        String detail;
        if (invalid != null) {
            detail = invalid.getMessage();
            if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                figures.put("field", JsonProblems.path(mapping));
            }
        } else {
            detail = JsonProblems.detail(e.getCause(), figures);
        }
        return asObject(problem(RuleCode.INVALID_INPUT, detail, figures));
    }

    /** A repeated query parameter is refused by {@link RequestLimits}; a value of the wrong form is named here. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : String.valueOf(e.getPropertyName());
        Object value = e.getValue();
        String detail;
        if (value instanceof Object[] values) {
            detail = "The parameter '" + name + "' is given " + values.length + " times; give it once.";
        } else {
            detail = "'" + Problems.echo(value) + "' is not a valid value for the parameter '" + name + "'"
                    + JsonProblems.expected(e.getRequiredType()) + ".";
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("parameter", name);
        return asObject(problem(RuleCode.INVALID_INPUT, detail, figures));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
                                                                           HttpHeaders headers,
                                                                           HttpStatusCode status,
                                                                           WebRequest request) {
        return asObject(problem(RuleCode.PAYLOAD_TOO_LARGE, RequestLimits.UPLOAD_TOO_LARGE, Map.of()));
    }

    /** A multipart body that cannot be parsed: no boundary, a broken boundary, a part cut short. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> brokenMultipart(MultipartException e) {
        if (causeOfType(e, RequestLimits.BodyTooLargeException.class) != null || e instanceof MaxUploadSizeExceededException) {
            return problem(RuleCode.PAYLOAD_TOO_LARGE, RequestLimits.UPLOAD_TOO_LARGE, Map.of());
        }
        return problem(RuleCode.INVALID_INPUT, "The multipart body cannot be read: give the boundary in the"
                + " Content-Type header (multipart/form-data; boundary=...) and parts separated by it, a JSON part"
                + " 'request' and a file part 'priceHistory'.", Map.of());
    }

    /**
     * Every problem that Spring MVC shapes itself (404 of an unknown route, 405, 406, 415, a missing
     * parameter) gets the same fields as a rule's: a stable {@code code} and {@code figures}.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response == null) {
            return null;
        }
        ProblemDetail problem = response.getBody() instanceof ProblemDetail given ? given
                : ProblemDetail.forStatusAndDetail(response.getStatusCode(), Problems.detailFor(status.value()));
        RuleCode code = Problems.codeFor(response.getStatusCode().value());
        if (code != null && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            stamp(problem, code, Map.of());
            if (response.getStatusCode().value() == 404) {
                problem.setDetail(Problems.detailFor(404));
            }
        }
        HttpHeaders answer = new HttpHeaders();
        answer.addAll(response.getHeaders());
        answer.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, answer, response.getStatusCode());
    }

    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> problem) {
        return new ResponseEntity<>(problem.getBody(), problem.getHeaders(), problem.getStatusCode());
    }

    public static ResponseEntity<ProblemDetail> problem(RuleCode code, String detail, Map<String, Object> figures) {
        HttpStatus status = switch (code.kind()) {
            case BAD_INPUT -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case RULE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case PRECONDITION_FAILED -> HttpStatus.PRECONDITION_FAILED;
            case WRONG_METHOD -> HttpStatus.METHOD_NOT_ALLOWED;
            case WRONG_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case NOT_ACCEPTABLE -> HttpStatus.NOT_ACCEPTABLE;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail == null || detail.length() <= MAX_DETAIL
                ? detail : detail.substring(0, MAX_DETAIL) + "...");
        stamp(body, code, figures);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    /** The fields every problem of the tracker carries: its stable code as type, title and {@code code}, and figures. */
    private static void stamp(ProblemDetail problem, RuleCode code, Map<String, Object> figures) {
        problem.setType(URI.create("urn:sar-tracker:problem:" + code.name()));
        problem.setTitle(code.name().replace('_', ' ').toLowerCase());
        problem.setProperty("code", code.name());
        problem.setProperty("figures", figures);
    }

    static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
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
