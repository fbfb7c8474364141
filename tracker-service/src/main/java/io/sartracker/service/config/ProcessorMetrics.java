package io.sartracker.service.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Axon's Micrometer monitors (axon-micrometer), with an event processor's reduced to the latency gauge operators
 * read ({@code eventProcessor.latency{processorName}}, README "What to monitor"). Axon 4.13 looks up four timers
 * and five counters, updates a sliding window and registers two gauges again for every event a processor
 * handles; each gauge's second registration goes through Micrometer's warning of a double registration. That was
 * a sixth of the service's CPU in a rebuild (BENCHMARKS.md change 38). The command bus, the event bus and the
 * query bus keep Axon's monitors.
 */
public class ProcessorMetrics extends GlobalMetricRegistry {

    public ProcessorMetrics(MeterRegistry registry) {
        super(registry);
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(String eventProcessorName) {
        return new LatencyGauge(eventProcessorName + ".latency", getRegistry(), message -> Tags.empty());
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(
            String eventProcessorName, Function<Message<?>, Iterable<Tag>> tagsBuilder,
            Function<Message<?>, Iterable<Tag>> latencyTagsBuilder) {
        return new LatencyGauge(eventProcessorName + ".latency", getRegistry(), latencyTagsBuilder);
    }

    /** Milliseconds between the latest event's time and its handling, one gauge per set of tags, registered once. */
    static final class LatencyGauge implements MessageMonitor<EventMessage<?>> {
        private final String name;
        private final MeterRegistry registry;
        private final Function<Message<?>, Iterable<Tag>> tags;
        private final ConcurrentMap<Tags, AtomicLong> latencies = new ConcurrentHashMap<>();

        LatencyGauge(String name, MeterRegistry registry, Function<Message<?>, Iterable<Tag>> tags) {
            this.name = name;
            this.registry = registry;
            this.tags = tags;
        }

        @Override
        public MonitorCallback onMessageIngested(EventMessage<?> message) {
            latencies.computeIfAbsent(Tags.of(tags.apply(message)), these -> {
                AtomicLong latency = new AtomicLong();
                Gauge.builder(name, latency, AtomicLong::get).tags(these).register(registry);
                return latency;
            }).set(registry.config().clock().wallTime() - message.getTimestamp().toEpochMilli());
            return NoOpMessageMonitorCallback.INSTANCE;
        }
    }
}
