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

    @Test
    void afterACommitAStreamWaitsForTheRestOfTheCommitsEventsBeforeSayingThereAreNone() {
        EventsLinkedLate store = new EventsLinkedLate(3);
        BlockingStream<TrackedEventMessage<?>> stream = wakeUp.source(token -> store).openStream(null);
        commitOneEvent();

        assertThat(stream.hasNextAvailable()).as("the event linked on the third look").isTrue();
        assertThat(store.looks).hasValue(3);
    }

    @Test
    void afterTheHandOverAStreamWithNothingNewSaysSoAtOnce() {
        EventsLinkedLate store = new EventsLinkedLate(Integer.MAX_VALUE);
        BlockingStream<TrackedEventMessage<?>> stream = wakeUp.source(token -> store).openStream(null);

        assertThat(stream.hasNextAvailable()).as("no commit: nothing to wait for").isFalse();
        assertThat(store.looks).hasValue(1);

        commitOneEvent();
        assertThat(stream.hasNextAvailable()).as("nothing came within the hand-over").isFalse();
        assertThat(store.looks.get()).as("it looked again in slices").isGreaterThan(2);
    }

    private void commitOneEvent() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        wakeUp.handle(List.of(GenericEventMessage.asEventMessage("an event")));
        unitOfWork.commit();
    }

    private BlockingStream<TrackedEventMessage<?>> openedStream() {
        StreamableMessageSource<TrackedEventMessage<?>> store = token -> new EmptyStream();
        return wakeUp.source(store).openStream(null);
    }

    /** The embedded store's stream while its own thread is still linking a commit's events: there on the n-th look. */
    private static final class EventsLinkedLate implements BlockingStream<TrackedEventMessage<?>> {
        private final int linkedOnLook;
        private final AtomicInteger looks = new AtomicInteger();

        EventsLinkedLate(int linkedOnLook) {
            this.linkedOnLook = linkedOnLook;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            return looks.incrementAndGet() >= linkedOnLook;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            throw new IllegalStateException("not read in these tests");
        }

        @Override
        public void close() {
            // nothing held
        }
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
