package io.sartracker.service.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rows of {@code history_import} and {@code history_import_file}. Progress and the outcome of an import
 * that records nothing are written in transactions of their own, so that they are read while the import's
 * transaction is open; the file's mark and the outcome of a recording import in the import's transaction.
 */
@Component
class ImportStore {
    /** At most this many refused lines are kept with an import; the count says how many there were. */
    static final int ERRORS_KEPT = 1_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final ObjectMapper json;

    ImportStore(JdbcTemplate jdbc, PlatformTransactionManager transactions, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void started(ImportStatus status, Instant leaseUntil) {
        ownTransaction.executeWithoutResult(tx -> jdbc.update("insert into history_import (import_id, file_name,"
                        + " sha256, file_format, dry_run, state, lines_total, lines_done, facts_recorded, events_recorded,"
                        + " error_count, recorded_by, started_at, lease_until) values (?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, ?, ?, ?)",
                status.importId(), status.fileName(), status.sha256(), status.format(), status.dryRun(),
                status.state().name(), status.recordedBy(), Timestamp.from(status.startedAt()),
                Timestamp.from(leaseUntil)));
    }

    /** Writes lines done and renews the import's lease: it is running as long as its lease does. */
    void progress(String importId, String format, int linesTotal, int linesDone, Instant leaseUntil) {
        ownTransaction.executeWithoutResult(tx -> jdbc.update("update history_import set file_format = ?,"
                + " lines_total = ?, lines_done = ?, lease_until = ? where import_id = ?", format, linesTotal, linesDone,
                Timestamp.from(leaseUntil), importId));
    }

    /** Marks INTERRUPTED every import RUNNING past its lease: its service stopped, and its transaction with it. */
    int interruptExpired(Instant now) {
        return ownTransaction.execute(tx -> jdbc.update("update history_import set state = 'INTERRUPTED',"
                + " finished_at = ? where state = 'RUNNING' and lease_until < ?", Timestamp.from(now), Timestamp.from(now)));
    }

    /** Writes the outcome in the transaction open on this thread (the import's own, when it records). */
    void finishHere(ImportStatus status) {
        jdbc.update("update history_import set file_format = ?, state = ?, lines_total = ?, lines_done = ?,"
                        + " facts_recorded = ?, events_recorded = ?, error_count = ?, errors = ?, earlier_import_id = ?,"
                        + " finished_at = ? where import_id = ?", status.format(), status.state().name(),
                status.linesTotal(), status.linesDone(), status.factsRecorded(), status.eventsRecorded(),
                status.errorCount(), write(status.errors()), status.earlierImportId(),
                Timestamp.from(status.finishedAt()), status.importId());
    }

    /** Writes the outcome of an import that recorded nothing, in a transaction of its own. */
    void finish(ImportStatus status) {
        ownTransaction.executeWithoutResult(tx -> finishHere(status));
    }

    /** The import that recorded the file with these bytes, if one did. */
    Optional<String> recordedBy(String sha256) {
        return jdbc.query("select import_id from history_import_file where sha256 = ?",
                (rs, n) -> rs.getString(1), sha256).stream().findFirst();
    }

    /** Marks the file recorded, in the import's transaction; a second mark of the same bytes fails on the key. */
    void markRecorded(String sha256, String importId, Instant at) {
        jdbc.update("insert into history_import_file (sha256, import_id, recorded_at) values (?, ?, ?)",
                sha256, importId, Timestamp.from(at));
    }

    Optional<ImportStatus> find(String importId) {
        return jdbc.query("select * from history_import where import_id = ?", this::row, importId).stream().findFirst();
    }

    private ImportStatus row(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportStatus(rs.getString("import_id"), rs.getString("file_name"), rs.getString("sha256"),
                rs.getString("file_format"), rs.getBoolean("dry_run"), ImportStatus.State.valueOf(rs.getString("state")),
                rs.getInt("lines_total"), rs.getInt("lines_done"), null, null, rs.getInt("facts_recorded"),
                rs.getInt("events_recorded"), rs.getInt("error_count"), read(rs.getString("errors")),
                rs.getString("earlier_import_id"), rs.getString("recorded_by"),
                rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant());
    }

    private String write(List<ImportStatus.LineError> errors) {
        try {
            return json.writeValueAsString(errors.size() > ERRORS_KEPT ? errors.subList(0, ERRORS_KEPT) : errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("refused lines are codes, sentences and figures: always JSON", e);
        }
    }

    private List<ImportStatus.LineError> read(String errors) {
        if (errors == null) {
            return List.of();
        }
        try {
            return json.readValue(errors, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history_import.errors holds what write() wrote", e);
        }
    }
}
