package io.sartracker.service.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.query.history.IsoDateModule;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's events and snapshots are read with the ISO dates read by their digits ({@link IsoDateModule}). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventSerializerDatesTest {
    @Autowired
    private ObjectMapper mapper;
    @Autowired
    @Qualifier("eventSerializer")
    private Serializer events;

    @Test
    void theEventMapperReadsIsoDatesThroughTheModule() throws Exception {
        Object deserializer = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createInstance(mapper.getDeserializationConfig(), null, null)
                .findRootValueDeserializer(mapper.constructType(LocalDate.class));
        assertThat(deserializer).isInstanceOf(IsoDateModule.IsoLocalDateDeserializer.class);

        RightsAllotted allotted = new RightsAllotted(SeriesId.of("S"), HolderId.of("H"), Role.DIRECTOR, Rights.of(10),
                LocalDate.of(2015, 7, 13));
        SerializedObject<byte[]> stored = events.serialize(allotted, byte[].class);
        assertThat(new String(stored.getData(), StandardCharsets.UTF_8)).contains("\"2015-07-13\"");
        assertThat((Object) events.deserialize(stored)).isEqualTo(allotted);
        assertThat(events).as("the payloads' classes and readers kept").isInstanceOf(EventPayloadSerializer.class);
    }
}
