package io.sartracker.service.imports;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one row a real import holds while it records ({@code import_exclusive}), in the database so that it
 * holds across the nodes of a cluster. Each change is committed at once, in a transaction of its own, so that
 * every other node's commands see it while the import's own transaction is still open.
 */
@Component
public class ImportGate {
    private static final String SLOT = "history";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final Duration lease;
    /** The import this thread runs: its own commands pass the gate. */
    private final ThreadLocal<String> importOnThisThread = new ThreadLocal<>();

    public ImportGate(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
                      @Value("${tracker.import.lease:PT1M}") Duration lease) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lease = lease;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The import holding the gate and when its lease runs out. */
    public record Holder(String importId, Instant leaseUntil) {
    }

    /** Takes the gate for the import on this thread; false when another import holds a lease still running. */
    boolean claim(String importId) {
        Instant now = clock.instant();
        try {
            ownTransaction.executeWithoutResult(tx -> {
                jdbc.update("delete from import_exclusive where slot = ? and lease_until < ?", SLOT, Timestamp.from(now));
                jdbc.update("insert into import_exclusive (slot, import_id, lease_until) values (?, ?, ?)", SLOT,
                        importId, Timestamp.from(now.plus(lease)));
            });
        } catch (DuplicateKeyException heldByAnother) {
            return false;
        }
        importOnThisThread.set(importId);
        return true;
    }

    void renew(String importId) {
        ownTransaction.executeWithoutResult(tx -> jdbc.update("update import_exclusive set lease_until = ?"
                + " where slot = ? and import_id = ?", Timestamp.from(clock.instant().plus(lease)), SLOT, importId));
    }

    /**
     * Opens the gate in the transaction open on this thread (the import's own), so that other commands are
     * taken again from the moment the imported events are committed, and not before.
     */
    void releaseWithImport(String importId) {
        jdbc.update("delete from import_exclusive where slot = ? and import_id = ?", SLOT, importId);
    }

    /** Opens the gate, in a transaction of its own: the import recorded nothing. */
    void release(String importId) {
        importOnThisThread.remove();
        ownTransaction.executeWithoutResult(tx -> jdbc.update("delete from import_exclusive where slot = ?"
                + " and import_id = ?", SLOT, importId));
    }

    /** True on the thread of the import holding the gate. */
    public boolean importsOnThisThread() {
        return importOnThisThread.get() != null;
    }

    /** The import recording now, if any (a lease run out is an import whose node stopped). */
    public Optional<Holder> holder() {
        return jdbc.query("select import_id, lease_until from import_exclusive where slot = ? and lease_until >= ?",
                (rs, n) -> new Holder(rs.getString(1), rs.getTimestamp(2).toInstant()), SLOT,
                Timestamp.from(clock.instant())).stream().findFirst();
    }

    Duration lease() {
        return lease;
    }
}
