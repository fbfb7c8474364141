package io.sartracker.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.sartracker.kernel.command.AllotRights;
import io.sartracker.kernel.command.ExerciseRights;
import io.sartracker.kernel.command.IssueSeries;
import io.sartracker.kernel.command.RecordDepartureFromOffice;
import io.sartracker.kernel.command.RecordShareSplit;
import io.sartracker.kernel.event.RightsExercised;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Ratio;
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
 * not after an issuer's fact one series applied and another rejected, and not after another node
 * recorded on the same series. A command rejected before it changed anything leaves the series cached.
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
    void aRejectedCommandLeavesTheSeriesCached() {
        SeriesId series = SeriesId.of("CACHE-REJECTED");
        sender.send(new IssueSeries(series, ISSUER, Terms.fifthSeries()), CLERK);
        sender.send(new AllotRights(series, HolderId.of("CR-D01"), Role.DIRECTOR, Rights.of(200), ALLOTTED), CLERK);
        double keptBefore = cache("kept");
        double missesBefore = cache("miss");

        assertThatThrownBy(() -> sender.send(new AllotRights(series, HolderId.of("CR-D02"), Role.DIRECTOR,
                Rights.of(1), ALLOTTED.plusDays(1)), CLERK)).hasMessageContaining(ALLOTTED.toString());
        assertThatThrownBy(() -> sender.send(new AllotRights(series, HolderId.of("CR-D02"), Role.DIRECTOR,
                Rights.of(31), ALLOTTED), CLERK)).hasMessageContaining("Only 30 of the maximum 230");
        sender.send(new AllotRights(series, HolderId.of("CR-D02"), Role.DIRECTOR, Rights.of(30), ALLOTTED), CLERK);

        assertThat(cache("kept")).as("each rejection left the series cached").isEqualTo(keptBefore + 2);
        assertThat(cache("miss")).as("no command read the series again").isEqualTo(missesBefore);
        assertThatThrownBy(() -> sender.send(new AllotRights(series, HolderId.of("CR-D03"), Role.DIRECTOR,
                Rights.of(1), ALLOTTED), CLERK)).hasMessageContaining("Only 0 of the maximum 230");
    }

    @Test
    void aSplitOneSeriesAppliedAndAnotherRejectedLeavesNoTraceInTheFirst() {
        IssuerId issuer = IssuerId.of("CACHE-SPLIT-CO");
        SeriesId applying = SeriesId.of("CACHE-SPLIT-A");
        SeriesId rejecting = SeriesId.of("CACHE-SPLIT-B");
        HolderId inA = HolderId.of("CS-A01");
        HolderId inB = HolderId.of("CS-B01");
        sender.send(new IssueSeries(applying, issuer, Terms.fifthSeries()), CLERK);
        sender.send(new IssueSeries(rejecting, issuer, Terms.fifthSeries()), CLERK);
        sender.send(new AllotRights(applying, inA, Role.DIRECTOR, Rights.of(2), ALLOTTED), CLERK);
        sender.send(new AllotRights(rejecting, inB, Role.DIRECTOR, Rights.of(1), ALLOTTED), CLERK);
        sender.send(new RecordDepartureFromOffice(issuer, inB, LocalDate.of(2023, 6, 23), DepartureReason.RETIREMENT),
                CLERK);
        sender.send(ExerciseRights.ofRights(rejecting, inB, LocalDate.of(2023, 6, 30), 1), CLERK);

        // Series A (first in the issuer's order) adjusts its shares per right; B refuses, having an exercise after.
        assertThatThrownBy(() -> sender.send(new RecordShareSplit(issuer, Ratio.of(2, 1), LocalDate.of(2023, 5, 31),
                null), CLERK)).hasMessageContaining("2023-06-30");

        sender.send(new RecordDepartureFromOffice(issuer, inA, LocalDate.of(2024, 1, 10), DepartureReason.RETIREMENT),
                CLERK);
        Recorded exercise = sender.send(ExerciseRights.ofRights(applying, inA, LocalDate.of(2024, 1, 15), 2), CLERK);
        assertThat(((RightsExercised) exercise.events().get(0).payload()).sharesDelivered())
                .as("2 rights at the 200 shares per right the store holds, not the split's 400").isEqualTo(400);
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
