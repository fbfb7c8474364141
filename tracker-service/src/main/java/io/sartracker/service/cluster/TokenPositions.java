package io.sartracker.service.cluster;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.OptionalLong;

/**
 * How far a projection's processor has committed, read from Axon's token table (shared by every node,
 * whichever holds the segments). A segment's token is stored in the transaction that writes its batch's
 * rows (and, for a segment with nothing to handle, when its claim is extended, every second), so the
 * least position over the segments is a global index up to which every row of the projection is
 * committed, with one segment or many. Read without claiming anything.
 */
@Component
public class TokenPositions {
    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public TokenPositions(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The least position over the processor's segments; -1 when it has none or one has handled nothing yet. */
    public long least(String processor) {
        List<Long> positions = jdbc.query("select token, tokenType from TokenEntry where processorName = ?",
                (rs, n) -> position(rs.getBytes(1), rs.getString(2)), processor);
        return positions.stream().mapToLong(Long::longValue).min().orElse(-1);
    }

    /** Events in the store beyond what the processor has committed. */
    public long lag(String processor) {
        Long head = jdbc.queryForObject("select max(globalIndex) from DomainEventEntry", Long.class);
        return head == null ? 0 : Math.max(0, head - least(processor));
    }

    private long position(byte[] token, String type) {
        if (token == null || type == null) {
            return -1;
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        OptionalLong position = tracking == null ? OptionalLong.empty() : tracking.position();
        return position.orElse(-1);
    }
}
