package io.sartracker.service.web;

import io.sartracker.command.series.ExpectedVersionTargetResolver;
import io.sartracker.kernel.command.IssueSeries;
import io.sartracker.service.config.AuditMetadata;
import io.sartracker.service.config.RecordedEvents;
import io.sartracker.service.durability.DurableAnswers;
import io.sartracker.service.security.Recorder;
import io.sartracker.service.web.Idempotency.KeyedRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Optional;

/** Sends a command with who recorded it, and answers with the events it recorded. */
@Component
public class CommandSender {
    private final CommandGateway gateway;
    private final Idempotency idempotency;
    private final CommandAnswers answers;
    private final DurableAnswers durable;

    public CommandSender(CommandGateway gateway, Idempotency idempotency, CommandAnswers answers,
                         DurableAnswers durable) {
        this.gateway = gateway;
        this.durable = durable;
        this.idempotency = idempotency;
        this.answers = answers;
    }

    /** Sends the command for the recorder (no key, no version check) and answers with the events it recorded. */
    public Recorded send(Object command, Recorder recorder) {
        RecordedEvents.Outcome outcome = gateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(audit(command, recorder)));
        durable.confirm();
        return Recorded.of(command.getClass().getSimpleName(), outcome.events());
    }

    /**
     * Records the command of the HTTP request being handled, honouring its {@code Idempotency-Key}
     * (a retry gets the first answer and records nothing) and {@code If-Match} (recorded only on that
     * version of the series). The recorder is the person signed in. Answers {@code 201} with the
     * events recorded and the series' new ETag.
     */
    public ResponseEntity<Recorded> record(Object command) {
        Optional<KeyedRequest> keyed = idempotency.currentRequest();
        MetaData metaData = audit(command, Recorder.current());
        Long expectedVersion = expectedVersion(command);
        if (expectedVersion != null) {
            metaData = metaData.and(ExpectedVersionTargetResolver.EXPECTED_VERSION, expectedVersion);
        }
        if (keyed.isPresent()) {
            KeyedRequest request = keyed.get();
            idempotency.replayIfAnswered(request);
            metaData = metaData.and(Idempotency.KEY_METADATA, request.key())
                    .and(Idempotency.HASH_METADATA, request.hash())
                    .and(Idempotency.METHOD_METADATA, request.method())
                    .and(Idempotency.PATH_METADATA, request.path());
        }
        RecordedEvents.Outcome outcome;
        try {
            outcome = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        } catch (RuntimeException e) {
            if (keyed.isPresent() && causedByKeyTaken(e)) {
                idempotency.replayAfterKeyTaken(keyed.get());
            }
            throw e;
        }
        durable.confirm();
        return answers.answer(command, outcome.events());
    }

    private static boolean causedByKeyTaken(Throwable e) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof Idempotency.KeyTaken) {
                return true;
            }
        }
        return false;
    }

    private static MetaData audit(Object command, Recorder recorder) {
        return AuditMetadata.of(command, recorder, RequestIds.current().orElse(null));
    }

    /** The If-Match of the current request; refused on commands that do not change one existing series. */
    private static Long expectedVersion(Object command) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        String ifMatch = attributes.getRequest().getHeader(SeriesVersions.IF_MATCH);
        if (command instanceof IssueSeries) {
            SeriesVersions.refuseIfMatch(ifMatch, "issuing a new series");
        } else if (CommandAnswers.targetSeries(command).isEmpty()) {
            SeriesVersions.refuseIfMatch(ifMatch, "a fact of the issuer, recorded in each of its series,");
        }
        return SeriesVersions.expectedVersion(ifMatch);
    }
}
