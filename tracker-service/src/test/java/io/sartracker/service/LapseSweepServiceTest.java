package io.sartracker.service;

import io.sartracker.command.directory.SeriesDirectory;
import io.sartracker.kernel.command.AllotRights;
import io.sartracker.kernel.command.IssueSeries;
import io.sartracker.kernel.command.RecordDepartureFromOffice;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.Terms;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sartracker.service.cluster.ClusterTasks;
import io.sartracker.service.cluster.TrackerNode;
import io.sartracker.service.config.AxonConfig;
import io.sartracker.service.lapse.LapseSweep;
import io.sartracker.service.web.CommandSender;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import io.sartracker.service.durability.DurableAnswers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The sweep on the service: it reads the injected clock, records lapses as "system", once. */
@SpringBootTest
class LapseSweepServiceTest {
    static final SeriesId SERIES = SeriesId.of("SWEEP-1");
    static final IssuerId ISSUER = IssuerId.of("SWEEP-CO");
    static final HolderId HOLDER = HolderId.of("D01");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("sweep")::toString);
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock(LocalDate.of(2023, 7, 3));
        }
    }

    /** A clock the test moves from one business day to the next. */
    static final class SettableClock extends Clock {
        private volatile LocalDate today;

        SettableClock(LocalDate today) {
            this.today = today;
        }

        void set(LocalDate day) {
            today = day;
        }

        @Override
        public ZoneId getZone() {
            return AxonConfig.ISSUER_ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return today.atTime(9, 0).atZone(AxonConfig.ISSUER_ZONE).toInstant();
        }
    }

    @Autowired
    CommandSender sender;
    @Autowired
    LapseSweep sweep;
    @Autowired
    SettableClock clock;
    @Autowired
    EventStore eventStore;
    @Autowired
    CommandGateway gateway;
    @Autowired
    SeriesDirectory directory;
    @Autowired
    DurableAnswers durable;
    @Autowired
    ClusterTasks tasks;
    @Autowired
    TrackerNode node;

    @Test
    void recordsTheLapseOnD11AsSystemAndOnlyOnce() {
        sender.send(new IssueSeries(SERIES, ISSUER, Terms.fifthSeries()), TrackerTestSupport.recorder("alice"));
        sender.send(new AllotRights(SERIES, HOLDER, Role.DIRECTOR, Rights.of(30), LocalDate.of(2015, 7, 13)), TrackerTestSupport.recorder("alice"));
        sender.send(new RecordDepartureFromOffice(ISSUER, HOLDER, LocalDate.of(2023, 6, 23),
                DepartureReason.RETIREMENT), TrackerTestSupport.recorder("alice"));

        clock.set(LocalDate.of(2023, 7, 3));
        assertThat(sweep.sweep().total()).as("D+10: the window is still open").isZero();

        LapseSweep withGrace = new LapseSweep(gateway, directory, clock, 1, durable, tasks, node, new SimpleMeterRegistry(), 2);
        clock.set(LocalDate.of(2023, 7, 4));
        assertThat(withGrace.sweep().total()).as("a day of grace holds the lapse back").isZero();

        LapseSweep.SweepReport report = sweep.sweep();
        assertThat(report.lapsesRecorded()).containsEntry(SERIES.value(), 1);
        assertThat(sweep.sweep().total()).as("idempotent").isZero();

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(SERIES.value(), 0).asStream().toList();
        DomainEventMessage<?> lapse = events.get(events.size() - 1);
        assertThat(lapse.getPayloadType().getSimpleName()).isEqualTo("RightsLapsed");
        assertThat(lapse.getPayload()).hasFieldOrPropertyWithValue("lapseDate", LocalDate.of(2023, 7, 4));
        assertThat(lapse.getMetaData()).containsEntry("recordedBy", "system");
    }

    @Test
    void sweepsSeveralSeriesAtOnceAndReportsThemInTheDirectorysOrder() {
        clock.set(LocalDate.of(2023, 12, 1));
        IssuerId issuer = IssuerId.of("SWEEP-PAR");
        HolderId person = HolderId.of("P01");
        List<SeriesId> series = IntStream.rangeClosed(1, 6).mapToObj(n -> SeriesId.of("SWEEP-PAR-" + n)).toList();
        for (SeriesId id : series) {
            sender.send(new IssueSeries(id, issuer, Terms.fifthSeries()), TrackerTestSupport.recorder("alice"));
            sender.send(new AllotRights(id, person, Role.DIRECTOR, Rights.of(10), LocalDate.of(2015, 7, 13)),
                    TrackerTestSupport.recorder("alice"));
        }
        // one departure of the person at the issuer: their window closes in every series at once
        sender.send(new RecordDepartureFromOffice(issuer, person, LocalDate.of(2023, 12, 1),
                DepartureReason.RETIREMENT), TrackerTestSupport.recorder("alice"));

        clock.set(LocalDate.of(2024, 1, 10));
        LapseSweep.SweepReport report = sweep.sweep();

        List<String> expected = series.stream().map(SeriesId::value).toList();
        expected.forEach(id -> assertThat(report.lapsesRecorded()).as(id).containsEntry(id, 1));
        List<String> directoryOrder = directory.allSeries().stream().map(SeriesId::value)
                .filter(expected::contains).toList();
        assertThat(report.lapsesRecorded().keySet().stream().filter(expected::contains).toList())
                .as("reported in the directory's order, whichever sweeper finished first").isEqualTo(directoryOrder);
        for (SeriesId id : series) {
            List<? extends DomainEventMessage<?>> events = eventStore.readEvents(id.value(), 0).asStream().toList();
            assertThat(events).filteredOn(e -> e.getPayloadType().getSimpleName().equals("RightsLapsed"))
                    .as("one lapse in %s", id).hasSize(1);
        }
        assertThat(sweep.sweep().lapsesRecorded().keySet()).as("idempotent").doesNotContainAnyElementsOf(expected);
    }
}
