package io.sartracker.service.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import io.sartracker.service.config.AuditMetadata;
import io.sartracker.service.config.RecordedEvents;
import io.sartracker.service.durability.DurableAnswers;
import io.sartracker.service.security.Recorder;
import io.sartracker.service.web.FactLines;
import io.sartracker.service.web.ProblemHandler;
import io.sartracker.service.web.StrictJson;
import jakarta.annotation.PreDestroy;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.concurrent.Executors;

/**
 * Imports a file of past history: every line is read as the API's request for its fact and sent through the
 * command gateway as the API sends it, in date order, so every rule is the command handlers' own.
 *
 * <p>The whole file is one database transaction: each command runs in its own unit of work, as over HTTP,
 * but Axon's Spring transaction joins the import's, so the events of each line are written (and the
 * series directory updated) where the next line reads them, and nothing is committed before the last line.
 * A refused line marks the transaction for rollback; the remaining lines are still decided, against what
 * the lines before them would have recorded, so that one run names every refused line. A dry run always
 * rolls back; a real run commits only when no line was refused. (The exercise preview's {@code DryRun}
 * rolls back each command's own unit of work, which would leave every line deciding against a store without
 * the lines before it.)
 *
 * <p>Order: by the fact's effective date (the date RULES.md 13 calls the business date of the fact: the
 * resolution date of an issue, the record date of a split, the effective date of a consolidation or a
 * restructuring, the date of every other fact), and within a date in the order of the file. Facts of one
 * day may depend on one another either way (an issue before its allotments, a death before its
 * inheritance, a consolidation before an exercise it applies to), and only the file's author knows the
 * order they happened in; a stable sort keeps a file already in date order exactly as written.
 *
 * <p>Each series and person is kept in the aggregate caches between lines, which are emptied when the import
 * ends ({@link ImportCacheClearing}); loading it for every line made an import ten times slower.
 *
 * <p>Idempotent per file: the SHA-256 of the bytes is marked in the transaction that records them, so the
 * same bytes imported again record nothing ({@code ALREADY_IMPORTED}). Not per line: two equal lines can be
 * two real facts (two exercises of one right by one holder on one day), and a line key would drop one.
 */
@Component
public class HistoryImports {
    private static final Logger log = LoggerFactory.getLogger(HistoryImports.class);
    /** How often the progress row is written while an import runs. */
    private static final Duration PROGRESS_INTERVAL = Duration.ofMillis(250);

    private final CommandGateway gateway;
    private final ImportStore store;
    private final TransactionTemplate importTransaction;
    private final ProblemHandler problems;
    private final DurableAnswers durable;
    private final FactLines facts;
    private final ObjectMapper strict;
    private final Clock clock;
    private final ImportCacheClearing cacheClearing;
    private final ImportGate gate;
    /** One import at a time on this node: a second waits for the first, its status RUNNING with 0 lines done. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "history-import");
        thread.setDaemon(true);
        return thread;
    });

    public HistoryImports(CommandGateway gateway, ImportStore store, PlatformTransactionManager transactions,
                          ProblemHandler problems, DurableAnswers durable, ObjectMapper mapper, Clock clock,
                          ImportCacheClearing cacheClearing, ImportGate gate) {
        this.gateway = gateway;
        this.store = store;
        this.importTransaction = new TransactionTemplate(transactions);
        this.problems = problems;
        this.durable = durable;
        this.facts = new FactLines(mapper, clock);
        this.strict = StrictJson.strictCopy(mapper);
        this.clock = clock;
        this.cacheClearing = cacheClearing;
        this.gate = gate;
    }

    /** At start-up: an import left RUNNING by a service that stopped is marked INTERRUPTED once its lease ends. */
    @EventListener(ApplicationReadyEvent.class)
    void interruptStopped() {
        int interrupted = store.interruptExpired(clock.instant());
        if (interrupted > 0) {
            log.warn("{} import(s) left running by a stopped service marked INTERRUPTED; nothing of them was recorded",
                    interrupted);
        }
    }

    /** Starts the import and answers at once with its status (RUNNING); follow it with {@link #status}. */
    public ImportStatus start(String fileName, byte[] bytes, boolean dryRun, Recorder recorder, String requestId) {
        ImportStatus started = begin(fileName, bytes, dryRun, recorder);
        worker.execute(() -> execute(started, bytes, recorder, requestId, progress -> {
        }));
        return started.measuredAt(clock.instant());
    }

    /** Imports the file on this thread and answers with the outcome; the listener hears each progress written. */
    public ImportStatus run(String fileName, byte[] bytes, boolean dryRun, Recorder recorder,
                            Consumer<ImportStatus> progressListener) {
        ImportStatus started = begin(fileName, bytes, dryRun, recorder);
        return execute(started, bytes, recorder, null, progressListener);
    }

    public Optional<ImportStatus> status(String importId) {
        store.interruptExpired(clock.instant());
        return store.find(importId).map(status -> status.measuredAt(clock.instant()));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private ImportStatus begin(String fileName, byte[] bytes, boolean dryRun, Recorder recorder) {
        ImportStatus started = new ImportStatus(UUID.randomUUID().toString(), fileName(fileName), sha256(bytes), "UNKNOWN",
                dryRun, ImportStatus.State.RUNNING, 0, 0, null, null, 0, 0, 0, List.of(), null, recorder.name(),
                clock.instant(), null);
        store.started(started, clock.instant().plus(gate.lease()));
        return started;
    }

    private record Entry(FactFile.Line line, FactLines.Fact fact) {
    }

    private ImportStatus execute(ImportStatus started, byte[] bytes, Recorder recorder, String requestId,
                                 Consumer<ImportStatus> progressListener) {
        List<ImportStatus.LineError> errors = new ArrayList<>();
        FactFile file;
        try {
            file = FactFile.read(bytes, strict);
        } catch (RuleViolation unreadable) {
            errors.add(lineError(((Number) unreadable.figures().getOrDefault("line", 1)).intValue(), unreadable));
            return finish(started.with(ImportStatus.State.REJECTED, 0, 0, 0, 0, errors, null, clock.instant(),
                    "UNKNOWN"));
        }
        String format = file.format().name();
        int total = file.lines().size();
        if (!started.dryRun()) {
            Optional<String> earlier = store.recordedBy(started.sha256());
            if (earlier.isPresent()) {
                return finish(started.with(ImportStatus.State.ALREADY_IMPORTED, total, 0, 0, 0, errors,
                        earlier.get(), clock.instant(), format));
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (FactFile.Line line : file.lines()) {
            if (line.unreadable() != null) {
                errors.add(lineError(line.number(), line.unreadable()));
                continue;
            }
            try {
                entries.add(new Entry(line, facts.read(line.fact())));
            } catch (RuleViolation refused) {
                errors.add(lineError(line.number(), refused));
            }
        }
        // List.sort is stable: within a date, the order of the file
        entries.sort(Comparator.comparing(entry -> entry.fact().date()));
        store.progress(started.importId(), format, total, errors.size(), clock.instant().plus(gate.lease()));
        if (!started.dryRun() && !gate.claim(started.importId())) {
            String holder = gate.holder().map(ImportGate.Holder::importId).orElse("another import");
            errors.add(new ImportStatus.LineError(0, RuleCode.IMPORT_IN_PROGRESS.name(), "Another import (" + holder
                    + ") is recording its file; nothing of this one was recorded. Import it again once that one"
                    + " has ended.", Map.of("importId", holder)));
            return finish(started.with(ImportStatus.State.REJECTED, total, 0, 0, 0, errors, null, clock.instant(),
                    format));
        }
        try {
            ImportStatus outcome = cacheClearing.during(() -> importTransaction.execute(tx -> {
                Progress progress = new Progress(started.importId(), format, total, errors.size(), progressListener);
                int recordedFacts = 0;
                int recordedEvents = 0;
                for (Entry entry : entries) {
                    Object command = entry.fact().command();
                    try {
                        RecordedEvents.Outcome sent = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                                .andMetaData(AuditMetadata.of(command, recorder, requestId)));
                        recordedFacts++;
                        recordedEvents += sent.events().size();
                    } catch (RuntimeException e) {
                        ProblemDetail refusal = problems.refusal(e).orElseThrow(() -> e);
                        errors.add(lineError(entry.line().number(), refusal));
                    }
                    progress.lineDone();
                }
                errors.sort(Comparator.comparingInt(ImportStatus.LineError::line));
                boolean records = !started.dryRun() && errors.isEmpty();
                ImportStatus.State state = records ? ImportStatus.State.RECORDED
                        : errors.isEmpty() ? ImportStatus.State.VALID : ImportStatus.State.REJECTED;
                ImportStatus done = started.with(state, total, total, records ? recordedFacts : 0,
                        records ? recordedEvents : 0, errors, null, clock.instant(), format);
                if (records) {
                    store.markRecorded(started.sha256(), started.importId(), done.finishedAt());
                    gate.releaseWithImport(started.importId());
                    store.finishHere(done);
                } else {
                    tx.setRollbackOnly();
                }
                return done;
            }));
            if (outcome.state() == ImportStatus.State.RECORDED) {
                durable.confirm();
                log.info("Import {} of {} recorded {} facts ({} events) from {} lines", started.importId(),
                        started.fileName(), outcome.factsRecorded(), outcome.eventsRecorded(), total);
                return outcome;
            }
            return finish(outcome);
        } catch (DuplicateKeyException sameFileAtOnce) {
            return finish(started.with(ImportStatus.State.ALREADY_IMPORTED, total, total, 0, 0, List.of(),
                    store.recordedBy(started.sha256()).orElse(null), clock.instant(), format));
        } catch (RuntimeException e) {
            log.error("Import {} of {} failed; nothing was recorded", started.importId(), started.fileName(), e);
            return finish(started.with(ImportStatus.State.FAILED, total, 0, 0, 0, errors, null, clock.instant(),
                    format));
        } finally {
            if (gate.importsOnThisThread()) {
                gate.release(started.importId());
            }
        }
    }

    private ImportStatus finish(ImportStatus outcome) {
        store.finish(outcome);
        return outcome;
    }

    /** Writes lines done at most every {@link #PROGRESS_INTERVAL}, in a transaction of its own. */
    private final class Progress {
        private final String importId;
        private final String format;
        private final int total;
        private int done;
        private final Consumer<ImportStatus> listener;
        private Instant lastWritten;

        Progress(String importId, String format, int total, int done, Consumer<ImportStatus> listener) {
            this.listener = listener;
            this.importId = importId;
            this.format = format;
            this.total = total;
            this.done = done;
            this.lastWritten = clock.instant();
        }

        void lineDone() {
            done++;
            Instant now = clock.instant();
            if (Duration.between(lastWritten, now).compareTo(PROGRESS_INTERVAL) >= 0 || done == total) {
                store.progress(importId, format, total, done, now.plus(gate.lease()));
                if (gate.importsOnThisThread()) {
                    gate.renew(importId);
                }
                store.find(importId).ifPresent(status -> listener.accept(status.measuredAt(now)));
                lastWritten = now;
            }
        }
    }

    private static ImportStatus.LineError lineError(int line, RuleViolation refused) {
        return new ImportStatus.LineError(line, refused.code().name(), refused.getMessage(), refused.figures());
    }

    @SuppressWarnings("unchecked")
    private static ImportStatus.LineError lineError(int line, ProblemDetail refusal) {
        Map<String, Object> properties = refusal.getProperties() == null ? Map.of() : refusal.getProperties();
        Object figures = properties.getOrDefault("figures", Map.of());
        return new ImportStatus.LineError(line, String.valueOf(properties.get("code")), refusal.getDetail(),
                figures instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The file's name as shown with its import: the name given, cut to the column's size. */
    static String fileName(String given) {
        String name = given == null || given.isBlank() ? "history" : given;
        return name.length() > 255 ? name.substring(0, 255) : name;
    }
}
