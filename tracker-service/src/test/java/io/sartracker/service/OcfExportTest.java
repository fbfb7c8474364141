package io.sartracker.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.event.SeriesEvent;
import io.sartracker.kernel.event.SeriesIssued;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.Terms;
import io.sartracker.query.api.TrackerQueryHandlers.IssuerHistory;
import io.sartracker.query.api.TrackerQueryHandlers.SeriesHistory;
import io.sartracker.query.register.SeriesProjector;
import io.sartracker.service.ocf.OcfExport;
import io.sartracker.service.ocf.OcfPackage;
import io.sartracker.service.ocf.StakeholderNames;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The export on its own, without the service: what the manifest says and whose names it writes. */
class OcfExportTest {
    private static final SeriesId SERIES = SeriesId.of("IIJ-SAR-5");
    private static final List<SeriesEvent> EVENTS = List.of(
            new SeriesIssued(SERIES, IssuerId.of("IIJ"), Terms.fifthSeries()),
            new RightsAllotted(SERIES, HolderId.of("D01"), Role.DIRECTOR, Rights.of(30), LocalDate.of(2015, 7, 13)));
    private static final IssuerHistory HISTORY = new IssuerHistory("IIJ", LocalDate.of(2016, 1, 1),
            List.of(new SeriesHistory(SeriesProjector.fold(EVENTS), EVENTS)));

    @Test
    void generatedAtOnAWholeMinuteStillCarriesItsSecondsAsRfc3339Requires() throws Exception {
        OcfPackage ocf = new OcfExport(StakeholderNames.IDENTIFIERS)
                .build(HISTORY, OffsetDateTime.of(2026, 11, 28, 9, 15, 0, 0, ZoneOffset.ofHours(9)));
        String manifest = new String(ocf.files().get(OcfPackage.MANIFEST), StandardCharsets.UTF_8);
        assertThat(new ObjectMapper().readTree(manifest).get("generated_at").asText())
                .isEqualTo("2026-11-28T09:15:00+09:00");
        assertThat(OcfSchemas.errors(OcfSchemas.FILE_SCHEMAS.get("OCF_MANIFEST_FILE"), manifest)).isEmpty();
    }

    @Test
    void theNamesComeFromTheSeamWhereTheHolderDirectoryPlugsIn() throws Exception {
        OcfPackage ocf = new OcfExport((issuer, person) -> issuer + " directory: " + person)
                .build(HISTORY, OffsetDateTime.of(2026, 11, 28, 9, 15, 30, 0, ZoneOffset.ofHours(9)));
        JsonNode stakeholder = new ObjectMapper().readTree(ocf.files().get(OcfExport.STAKEHOLDERS)).at("/items/0");
        assertThat(stakeholder.at("/name/legal_name").asText()).isEqualTo("IIJ directory: D01");
        assertThat(stakeholder.at("/issuer_assigned_id").asText()).isEqualTo("D01");
        assertThat(ocf.fileName()).isEqualTo("IIJ-ocf-2016-01-01.zip");
    }
}
