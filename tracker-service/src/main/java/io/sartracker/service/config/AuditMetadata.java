package io.sartracker.service.config;

import io.sartracker.service.security.Recorder;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;

/** Metadata keys every command carries to its events, for the audit trail. */
public final class AuditMetadata {
    public static final String RECORDED_BY = "recordedBy";
    /** How the recorder signed in: password, bearer-token, or system. */
    public static final String SIGNED_IN_BY = "signedInBy";
    /** The correlation id of the HTTP request that recorded the fact (X-Request-Id). */
    public static final String REQUEST_ID = "requestId";
    public static final String COMMAND = "command";

    private AuditMetadata() {
    }

    /** The audit metadata of a command sent by the recorder, in the request with the id (null outside one). */
    public static MetaData of(Object command, Recorder recorder, String requestId) {
        Map<String, Object> values = new HashMap<>();
        values.put(RECORDED_BY, recorder.name());
        values.put(SIGNED_IN_BY, recorder.signedInBy());
        values.put(COMMAND, command.getClass().getSimpleName());
        if (requestId != null) {
            values.put(REQUEST_ID, requestId);
        }
        return MetaData.from(values);
    }
}
