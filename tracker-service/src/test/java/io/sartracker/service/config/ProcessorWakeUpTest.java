package io.sartracker.service.config;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The processors' streams are woken by the commit of a unit of work that appended events, not by a rollback. */
class ProcessorWakeUpTest {
    // Long enough that no periodic look happens during a test: every wake-up seen comes from a commit.
    private final ProcessorWakeUp wakeUp = new ProcessorWakeUp(Duration.ofHours(1));
    private final AtomicInteger wakeUps = new AtomicInteger();

    @AfterEach
    void stop() {
        wakeUp.close();
    }

    @Test
    void aCommitThatAppendedEventsWakesTheStream() {
        BlockingStream<TrackedEventMessage<?>> stream = openedStream();
        assertThat(stream.setOnAvailableCallback(wakeUps::incrementAndGet)).as("the callback is supported").isTrue();

        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        wakeUp.handle(List.of(GenericEventMessage.asEventMessage("an event")));
        assertThat(wakeUps).as("not before the commit").hasValue(0);
        unitOfWork.commit();

        assertThat(wakeUps).hasValue(1);
    }

    @Test
    void aRolledBackUnitOfWorkWakesNothing() {
        openedStream().setOnAvailableCallback(wakeUps::incrementAndGet);

        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        wakeUp.handle(List.of(GenericEventMessage.asEventMessage("an event")));
        unitOfWork.rollback();

        assertThat(wakeUps).hasValue(0);
    }

    @Test
    void aClosedStreamIsNoLongerWoken() {
        BlockingStream<TrackedEventMessage<?>> stream = openedStream();
        stream.setOnAvailableCallback(wakeUps::incrementAndGet);
        stream.close();

        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        wakeUp.handle(List.of(GenericEventMessage.asEventMessage("an event")));
        unitOfWork.commit();

        assertThat(wakeUps).hasValue(0);
    }

    private BlockingStream<TrackedEventMessage<?>> openedStream() {
        StreamableMessageSource<TrackedEventMessage<?>> store = token -> new EmptyStream();
        return wakeUp.source(store).openStream(null);
    }

    /** A store with no events. */
    private static final class EmptyStream implements BlockingStream<TrackedEventMessage<?>> {
        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            return false;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            throw new IllegalStateException("no event");
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
