package io.sartracker.service.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The projections' dead letters: events a projection failed on, kept in Axon's JDBC dead-letter
 * queue with the later events of their series, so that every other event goes on to the views.
 * Operators list them and retry them once the cause is mended; their count is a gauge
 * ({@code tracker.dead.letters}) and part of health.
 */
public class DeadLetters {
    private final EventProcessingConfiguration processing;
    private final List<String> processingGroups;

    public DeadLetters(EventProcessingConfiguration processing, List<String> processingGroups,
                       MeterRegistry meters) {
        this.processing = processing;
        this.processingGroups = List.copyOf(processingGroups);
        for (String group : this.processingGroups) {
            Gauge.builder("tracker.dead.letters", () -> count(group))
                    .description("events a projection failed on, waiting to be retried")
                    .tag("processing_group", group)
                    .register(meters);
        }
    }

    /** One dead letter: the event, where it belongs and why the projection failed on it. */
    public record Letter(String processingGroup, String seriesId, Long sequenceNumber, String eventId,
                         String eventType, String causeType, String causeMessage, Instant enqueuedAt,
                         Instant lastTouched) {
    }

    /** The outcome of a retry: how many sequences were handled and how many letters are left. */
    public record Retry(String processingGroup, int sequencesRetried, int sequencesHandled, long lettersLeft) {
    }

    public List<String> processingGroups() {
        return processingGroups;
    }

    /** Dead letters per processing group. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        processingGroups.forEach(group -> counts.put(group, count(group)));
        return counts;
    }

    public long count(String group) {
        return queue(group).size();
    }

    public List<Letter> list(String group) {
        List<Letter> letters = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(group).deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                letters.add(describe(group, letter));
            }
        }
        return letters;
    }

    /**
     * Hands every waiting sequence to the projection once more, oldest first. A sequence that fails
     * again stays in the queue with its new cause.
     */
    public Retry retry(String group) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new NoSuchElementException("no dead-letter queue for " + group));
        long sequences = queue(group).amountOfSequences();
        int handled = 0;
        for (int attempt = 0; attempt < sequences; attempt++) {
            if (processor.processAny()) {
                handled++;
            }
        }
        return new Retry(group, (int) sequences, handled, count(group));
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        if (!processingGroups.contains(group)) {
            throw new NoSuchElementException("no dead-letter queue for " + group);
        }
        return processing.deadLetterQueue(group)
                .orElseThrow(() -> new NoSuchElementException("no dead-letter queue for " + group));
    }

    private static Letter describe(String group, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        String seriesId = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        Long sequenceNumber = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        return new Letter(group, seriesId, sequenceNumber, message.getIdentifier(),
                message.getPayloadType().getSimpleName(),
                letter.cause().map(cause -> cause.type()).orElse(null),
                letter.cause().map(cause -> cause.message()).orElse(null),
                letter.enqueuedAt(), letter.lastTouched());
    }
}
