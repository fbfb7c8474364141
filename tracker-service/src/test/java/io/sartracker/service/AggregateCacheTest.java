package io.sartracker.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.sartracker.kernel.command.AllotRights;
import io.sartracker.kernel.command.ExerciseRights;
import io.sartracker.kernel.command.IssueSeries;
import io.sartracker.kernel.command.RecordDepartureFromOffice;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.Terms;
import io.sartracker.service.config.AuditMetadata;
import io.sartracker.service.config.DryRun;
import io.sartracker.service.security.Recorder;
import io.sartracker.service.web.CommandSender;
import io.sartracker.service.web.Recorded;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The series kept in memory between commands (AggregateCache) never answer with a state the store
 * does not hold: not after an exercise was only previewed (its unit of work is rolled back on purpose),
 * and not after another node recorded on the same series.
 */
@SpringBootTest
class AggregateCacheTest {
    private static final Recorder CLERK = TrackerTestSupport.recorder("clerk");
    private static final IssuerId ISSUER = IssuerId.of("CACHE-CO");
    private static final LocalDate ALLOTTED = Terms.fifthSeries().allotmentDate();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("aggregate-cache")::toString);
    }

    @Autowired
    CommandSender sender;
    @Autowired
    CommandGateway gateway;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    void aPreviewedExerciseDoesNotLeakIntoTheNextCommand() {
        SeriesId series = SeriesId.of("CACHE-PREVIEW");
        HolderId holder = HolderId.of("CP-D01");
        sender.send(new IssueSeries(series, ISSUER, Terms.fifthSeries()), CLERK);
        sender.send(new AllotRights(series, holder, Role.DIRECTOR, Rights.of(2), ALLOTTED), CLERK);
        sender.send(new RecordDepartureFromOffice(ISSUER, holder, LocalDate.of(2023, 6, 23),
                DepartureReason.RETIREMENT), CLERK);
        ExerciseRights exerciseBoth = ExerciseRights.ofRights(series, holder, LocalDate.of(2023, 6, 30), 2);
        double hitsBefore = cache("hit");

        // As the record page previews it: decided in full on the cached series, then rolled back.
        assertThatThrownBy(() -> gateway.sendAndWait(GenericCommandMessage.asCommandMessage(exerciseBoth)
                .andMetaData(AuditMetadata.of(exerciseBoth, CLERK, null).and(DryRun.METADATA, true))))
                .isInstanceOf(DryRun.Previewed.class);
        assertThat(cache("hit")).as("the preview was decided on the cached series").isGreaterThan(hitsBefore);

        // Had the preview stayed in the cache, no right would be left and this would be refused.
        Recorded recorded = sender.send(exerciseBoth, CLERK);
        assertThat(recorded.events()).extracting(event -> event.type()).containsExactly("RightsExercised");
        assertThat(jdbc.queryForObject("select count(*) from DomainEventEntry where aggregateIdentifier = ?"
                + " and payloadType like '%RightsExercised'", Integer.class, series.value())).isEqualTo(1);
    }

    @Test
    void aSeriesAnotherNodeRecordedOnIsReadAgain() {
        SeriesId series = SeriesId.of("CACHE-NODES");
        sender.send(new IssueSeries(series, ISSUER, Terms.fifthSeries()), CLERK);
        sender.send(new AllotRights(series, HolderId.of("CN-D01"), Role.DIRECTOR, Rights.of(3), ALLOTTED), CLERK);
        // Another node allots to CN-D02 on the same series: its event reaches the shared store, not this cache.
        Map<String, Object> allotment = jdbc.queryForMap("select * from DomainEventEntry where aggregateIdentifier = ?"
                + " order by sequenceNumber desc limit 1", series.value());
        long otherNodesSequence = ((Number) allotment.get("SEQUENCENUMBER")).longValue() + 1;
        jdbc.update("insert into DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, type,"
                        + " timeStamp, payloadType, payloadRevision, payload, metaData) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), series.value(), otherNodesSequence, allotment.get("TYPE"),
                allotment.get("TIMESTAMP"), allotment.get("PAYLOADTYPE"), allotment.get("PAYLOADREVISION"),
                new String((byte[]) allotment.get("PAYLOAD")).replace("CN-D01", "CN-D02").getBytes(),
                allotment.get("METADATA"));
        double behindBefore = cache("behind");

        sender.send(new AllotRights(series, HolderId.of("CN-D03"), Role.DIRECTOR, Rights.of(3), ALLOTTED), CLERK);

        assertThat(cache("behind")).as("the cached series was found behind the store").isGreaterThan(behindBefore);
        assertThat(jdbc.queryForObject("select max(sequenceNumber) from DomainEventEntry where aggregateIdentifier = ?",
                Long.class, series.value())).isEqualTo(otherNodesSequence + 1);
        // The series read again knows CN-D02's rights: 230 - 9 allotted leaves 221, not 224.
        assertThatThrownBy(() -> sender.send(new AllotRights(series, HolderId.of("CN-D04"), Role.DIRECTOR,
                Rights.of(222), ALLOTTED), CLERK)).hasMessageContaining("221");
    }

    private double cache(String outcome) {
        return meters.get("tracker.aggregate.cache").tag("type", "StockAcquisitionRight").tag("outcome", outcome)
                .counter().count();
    }
}
