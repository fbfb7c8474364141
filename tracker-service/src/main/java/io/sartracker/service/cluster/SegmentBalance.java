package io.sartracker.service.cluster;

import io.sartracker.query.replay.ProjectionRebuild;
import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.common.transaction.TransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Spreads the projections' segments over the nodes that keep them. Each node says every few seconds
 * that it is up (table {@code tracker_node}); a node holding more segments of a projection than its
 * share (the segments divided among the query nodes heard from within three heartbeats, rounded up)
 * releases the extra ones for five seconds, and another node claims them on its next look. Alone, a node holds them
 * all; when a node dies its claims expire and the others take its segments (see ClusterConfig).
 */
@Component
public class SegmentBalance {
    private static final Logger log = LoggerFactory.getLogger(SegmentBalance.class);

    private final JdbcTemplate jdbc;
    private final TrackerNode node;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final ProjectionRebuild rebuild;
    private final boolean balance;
    private final String startedAt;
    /** A node is up while its last heartbeat is younger than three heartbeats. */
    private final long liveSeconds;

    public SegmentBalance(JdbcTemplate jdbc, TrackerNode node, EventProcessingConfiguration processing,
                          TokenStore tokens, TransactionManager transactions, ProjectionRebuild rebuild, Clock clock,
                          @Value("${tracker.node.balance-segments:true}") boolean balance,
                          @Value("${tracker.node.heartbeat-interval:PT2S}") Duration heartbeat) {
        this.jdbc = jdbc;
        this.node = node;
        this.processing = processing;
        this.tokens = tokens;
        this.transactions = transactions;
        this.rebuild = rebuild;
        this.balance = balance;
        this.startedAt = clock.instant().toString();
        this.liveSeconds = Math.max(3, 3 * heartbeat.toSeconds());
    }

    /** This node is up: its row in tracker_node, stamped with the database's time. */
    @Scheduled(fixedDelayString = "${tracker.node.heartbeat-interval:PT2S}")
    public void heartbeat() {
        String roles = node.roles().toString();
        if (jdbc.update("update tracker_node set seen_at = current_timestamp, roles = ? where node_id = ?", roles,
                node.id()) == 0) {
            jdbc.update("insert into tracker_node (node_id, roles, started_at, seen_at) values (?, ?, ?,"
                    + " current_timestamp)", node.id(), roles, startedAt);
        }
        jdbc.update("delete from tracker_node where seen_at < current_timestamp - interval '1' hour");
        if (balance && node.keepsProjections()) {
            ClusterConfig.PROJECTIONS.forEach(this::balance);
        }
    }

    /** The query nodes up now (this one included once it has said so). */
    public int queryNodes() {
        return jdbc.queryForObject("select count(*) from tracker_node where roles like '%QUERY%'"
                + " and seen_at > current_timestamp - interval '" + liveSeconds + "' second", Integer.class);
    }

    private void balance(String name) {
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class).orElse(null);
        if (processor == null || !processor.isRunning() || rebuild.pausedForRebuild(name)) {
            return;
        }
        List<Integer> held = processor.processingStatus().keySet().stream().sorted().toList();
        int segments = transactions.fetchInTransaction(() -> tokens.fetchSegments(name)).length;
        int share = (int) Math.ceil(segments / (double) Math.max(1, queryNodes()));
        for (int i = share; i < held.size(); i++) {
            int segment = held.get(held.size() - 1 - (i - share));
            log.info("Node {} holds {} of the {} segments of {} (its share {}): releasing segment {}", node.id(),
                    held.size(), segments, name, share, segment);
            // not claimed again here for a few seconds: another node's next look (every 2 s) takes it
            processor.releaseSegment(segment, Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A node that stops says so: the others need not wait for its row to age. */
    @PreDestroy
    public void stopped() {
        try {
            jdbc.update("delete from tracker_node where node_id = ?", node.id());
        } catch (RuntimeException e) {
            log.debug("Could not remove node {} from tracker_node", node.id(), e);
        }
    }
}
