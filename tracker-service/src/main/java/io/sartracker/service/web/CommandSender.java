package io.sartracker.service.web;

import io.sartracker.service.config.AuditMetadata;
import io.sartracker.service.config.RecordedEvents;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/** Sends a command with who recorded it, and answers with the events it recorded. */
@Component
public class CommandSender {
    /** The header naming the person (or system) recording the fact; it goes into the audit trail. */
    public static final String RECORDED_BY_HEADER = "X-Recorded-By";
    static final String UNIDENTIFIED = "unidentified";
    /** The longest recorder name the audit trail keeps. */
    static final int MAX_RECORDED_BY = 200;

    private final CommandGateway gateway;

    public CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public Recorded send(Object command, String recordedBy) {
        if (recordedBy != null && recordedBy.strip().length() > MAX_RECORDED_BY) {
            throw new IllegalArgumentException(RECORDED_BY_HEADER + " must be at most " + MAX_RECORDED_BY
                    + " characters, was " + recordedBy.strip().length());
        }
        MetaData metaData = MetaData.with(AuditMetadata.RECORDED_BY,
                        recordedBy == null || recordedBy.isBlank() ? UNIDENTIFIED : recordedBy.strip())
                .and(AuditMetadata.COMMAND, command.getClass().getSimpleName());
        RecordedEvents.Outcome outcome = gateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        return Recorded.of(command.getClass().getSimpleName(), outcome.events());
    }
}
