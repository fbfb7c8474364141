package io.sartracker.service.cluster;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sartracker.query.replay.ProjectionRebuild;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far each projection's processor is behind the store, read from the shared token table so that
 * every node tells the same (whichever node holds the segments): the gauge
 * {@code tracker.processor.lag{processing_group}} in events, and the health indicator
 * {@code processors}, part of the readiness group: a node keeping the projections takes traffic once its
 * processors run (a processor stopped for a rebuild about to begin counts as running).
 */
@Component("processors")
public class ProcessorMonitoring implements HealthIndicator {
    private final EventProcessingConfiguration processing;
    private final TokenPositions positions;
    private final TrackerNode node;
    private final ProjectionRebuild rebuild;

    public ProcessorMonitoring(EventProcessingConfiguration processing, TokenPositions positions,
                               TrackerNode node, ProjectionRebuild rebuild, MeterRegistry meters) {
        this.processing = processing;
        this.positions = positions;
        this.node = node;
        this.rebuild = rebuild;
        for (String name : ClusterConfig.PROJECTIONS) {
            Gauge.builder("tracker.processor.lag", () -> positions.lag(name)).tag("processing_group", name).baseUnit("events")
                    .description("events in the store that the projection's processor has not yet handled")
                    .register(meters);
        }
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("node", node.id());
        details.put("roles", node.roles());
        boolean up = true;
        for (String name : ClusterConfig.PROJECTIONS) {
            Map<String, Object> processor = new LinkedHashMap<>();
            StreamingEventProcessor streaming = processing.eventProcessor(name, StreamingEventProcessor.class)
                    .orElse(null);
            boolean paused = rebuild.pausedForRebuild(name);
            boolean running = streaming != null && (streaming.isRunning() || paused) && !streaming.isError();
            processor.put("running", running);
            processor.put("pausedForRebuild", paused);
            processor.put("segmentsClaimedHere", streaming == null ? List.of()
                    : List.copyOf(streaming.processingStatus().keySet()));
            processor.put("lag", positions.lag(name));
            details.put(name, processor);
            up &= running || !node.keepsProjections();
        }
        return (up ? Health.up() : Health.outOfService()).withDetails(details).build();
    }
}
