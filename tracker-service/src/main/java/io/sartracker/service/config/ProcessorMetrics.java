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
 * 18% of the processors' samples in a profile of a rebuild (BENCHMARKS.md change 38). The command bus, the event
 * bus and the query bus keep Axon's monitors. A processor's latency is set from one event in every tenth of a
 * second, which serves a gauge read every few seconds; the tags are a processor's name only, so one pace per
 * monitor fits them.
 */
public class ProcessorMetrics extends GlobalMetricRegistry {

    public ProcessorMetrics(MeterRegistry registry) {
        super(registry);
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(String eventProcessorName) {
        return registerEventProcessor(eventProcessorName, message -> Tags.empty(), message -> Tags.empty());
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(
            String eventProcessorName, Function<Message<?>, Iterable<Tag>> tagsBuilder,
            Function<Message<?>, Iterable<Tag>> latencyTagsBuilder) {
        return new LatencyGauge(eventProcessorName + ".latency", getRegistry(), latencyTagsBuilder);
    }

    /**
     * Milliseconds between an event's time and its handling, one gauge per set of tags (a processor's name),
     * registered once, set from at most one event every {@link #EVERY} (nanoseconds): reading an event's time parses
     * its stored text, which the register projection never needs otherwise.
     */
    static final class LatencyGauge implements MessageMonitor<EventMessage<?>> {
        static final long EVERY = 100_000_000;
        private final String name;
        private final MeterRegistry registry;
        private final Function<Message<?>, Iterable<Tag>> tags;
        private final ConcurrentMap<Tags, AtomicLong> latencies = new ConcurrentHashMap<>();
        private final AtomicLong setAt = new AtomicLong(Long.MIN_VALUE);

        LatencyGauge(String name, MeterRegistry registry, Function<Message<?>, Iterable<Tag>> tags) {
            this.name = name;
            this.registry = registry;
            this.tags = tags;
        }

        @Override
        public MonitorCallback onMessageIngested(EventMessage<?> message) {
            long now = registry.config().clock().monotonicTime();
            long last = setAt.get();
            if ((last != Long.MIN_VALUE && now - last < EVERY) || !setAt.compareAndSet(last, now)) {
                return NoOpMessageMonitorCallback.INSTANCE;
            }
            latencies.computeIfAbsent(Tags.of(tags.apply(message)), these -> {
                AtomicLong latency = new AtomicLong();
                Gauge.builder(name, latency, AtomicLong::get).tags(these).register(registry);
                return latency;
            }).set(registry.config().clock().wallTime() - message.getTimestamp().toEpochMilli());
            return NoOpMessageMonitorCallback.INSTANCE;
        }
    }
}
