package io.sartracker.service.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An import of past history as it stands: its progress while it runs (lines done of the total, facts a
 * second, seconds left) and its outcome, with every refused line.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportStatus(String importId, String fileName,
                           @Schema(description = "SHA-256 of the file's bytes (hex): the same bytes are recorded once")
                           String sha256,
                           @Schema(allowableValues = {"CSV", "JSON_LINES", "UNKNOWN"}) String format,
                           boolean dryRun, State state, int linesTotal, int linesDone,
                           @Schema(description = "Lines done a second so far, or over the whole import once finished")
                           Double factsPerSecond,
                           @Schema(description = "Seconds until the last line at the rate so far; absent once finished")
                           Long secondsLeft,
                           int factsRecorded, int eventsRecorded,
                           @Schema(description = "Refused lines in all; errors lists at most the first 1,000")
                           int errorCount, List<LineError> errors,
                           @Schema(description = "The import that recorded the same file before (ALREADY_IMPORTED)")
                           String earlierImportId,
                           String recordedBy, Instant startedAt, Instant finishedAt) {

    public enum State {
        /** Reading the file and sending its facts; nothing is visible to others until it ends. */
        RUNNING,
        /** A real run whose every line was accepted: every fact is recorded, in one transaction. */
        RECORDED,
        /** A dry run whose every line would be accepted: nothing recorded. */
        VALID,
        /** Lines were refused (listed in errors): nothing recorded, dry run or not. */
        REJECTED,
        /** The same bytes were recorded by an earlier import (earlierImportId): nothing recorded again. */
        ALREADY_IMPORTED,
        /** The tracker failed (not a line's fault; see the service log): nothing recorded. */
        FAILED,
        /** The service stopped while it ran (its lease ran out): nothing recorded; import the file again. */
        INTERRUPTED
    }

    /** A refused line: its number in the file, the rule's stable code, the sentence and the figures. */
    public record LineError(int line, String code, String detail, Map<String, Object> figures) {
    }

    public boolean finished() {
        return state != State.RUNNING;
    }

    /**
     * With the rate measured at the instant: lines done a second since the start (over the whole import once
     * finished), and the seconds until the last line at that rate while it runs.
     */
    ImportStatus measuredAt(Instant now) {
        double seconds = Duration.between(startedAt, finishedAt != null ? finishedAt : now).toMillis() / 1000.0;
        Double rate = seconds <= 0 ? null : linesDone / seconds;
        Long left = finishedAt != null || rate == null || rate == 0 ? null : Math.round((linesTotal - linesDone) / rate);
        return new ImportStatus(importId, fileName, sha256, format, dryRun, state, linesTotal, linesDone, rate, left,
                factsRecorded, eventsRecorded, errorCount, errors, earlierImportId, recordedBy, startedAt, finishedAt);
    }

    ImportStatus with(State newState, int total, int done, int facts, int events, List<LineError> lineErrors,
                      String earlier, Instant finishedAt, String newFormat) {
        return new ImportStatus(importId, fileName, sha256, newFormat, dryRun, newState, total, done, null, null, facts,
                events, lineErrors.size(), lineErrors, earlier, recordedBy, startedAt, finishedAt);
    }
}
