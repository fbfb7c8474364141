package io.sartracker.service.config;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** An event processor's monitor keeps one latency gauge per processor, registered once, and no meter per event. */
class ProcessorMetricsTest {
    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final ProcessorMetrics metrics = new ProcessorMetrics(registry);

    @Test
    void aProcessorsLatencyIsOneGaugeSetFromAnEventEveryTenthOfASecond() {
        MessageMonitor<? super EventMessage<?>> register = monitor("register");
        MessageMonitor<? super EventMessage<?>> audit = monitor("audit");
        clock.add(1_000_000, TimeUnit.MILLISECONDS);
        register.onMessageIngested(recordedMillisAgo(300)).reportSuccess();
        audit.onMessageIngested(recordedMillisAgo(250)).reportSuccess();
        assertThat(latency("register")).isEqualTo(300);
        assertThat(latency("audit")).isEqualTo(250);

        for (int i = 0; i < 1_000; i++) {
            register.onMessageIngested(recordedMillisAgo(i)).reportSuccess();
        }
        assertThat(latency("register")).as("not set again within a tenth of a second").isEqualTo(300);
        clock.add(100, TimeUnit.MILLISECONDS);
        register.onMessageIngested(recordedMillisAgo(20)).reportSuccess();
        assertThat(latency("register")).isEqualTo(20);

        assertThat(registry.getMeters()).extracting(meter -> meter.getId().getName()).containsOnly("eventProcessor.latency");
        assertThat(registry.getMeters()).hasSize(2);
    }

    @Test
    void theCommandBusKeepsAxonsMonitors() {
        metrics.registerCommandBus("commandBus").onMessageIngested(
                GenericCommandMessage.asCommandMessage("a command")).reportSuccess();
        assertThat(registry.getMeters()).extracting(Meter::getId).extracting(Meter.Id::getName)
                .contains("commandBus.successTimer", "commandBus.successCounter");
    }

    private MessageMonitor<? super EventMessage<?>> monitor(String processor) {
        return metrics.registerEventProcessor("eventProcessor", message -> Tags.of("payloadType", "x",
                "processorName", processor), message -> Tags.of("processorName", processor));
    }

    private EventMessage<?> recordedMillisAgo(long millis) {
        return new GenericEventMessage<>(UUID.randomUUID().toString(), "an event", Map.of(),
                Instant.ofEpochMilli(clock.wallTime() - millis));
    }

    private double latency(String processor) {
        return registry.get("eventProcessor.latency").tag("processorName", processor).gauge().value();
    }
}
