package io.sartracker.service.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.Yen;
import io.sartracker.query.history.IsoDateModule;
import io.sartracker.query.history.ValueTypesModule;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's events and snapshots are read with the ISO dates read by their digits ({@link IsoDateModule}) and the
 * kernel's values built by their factories ({@link ValueTypesModule}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventSerializerDatesTest {
    @Autowired
    private ObjectMapper mapper;
    @Autowired
    @Qualifier("eventSerializer")
    private Serializer events;

    @Test
    void theEventMapperReadsIsoDatesThroughTheModule() throws Exception {
        assertThat(deserializerOf(LocalDate.class)).isInstanceOf(IsoDateModule.IsoLocalDateDeserializer.class);
        assertThat(deserializerOf(Yen.class)).isInstanceOf(ValueTypesModule.Direct.class);
        assertThat(deserializerOf(HolderId.class)).isInstanceOf(ValueTypesModule.Direct.class);

        RightsAllotted allotted = new RightsAllotted(SeriesId.of("S"), HolderId.of("H"), Role.DIRECTOR, Rights.of(10),
                LocalDate.of(2015, 7, 13));
        SerializedObject<byte[]> stored = events.serialize(allotted, byte[].class);
        assertThat(new String(stored.getData(), StandardCharsets.UTF_8)).contains("\"2015-07-13\"");
        assertThat((Object) events.deserialize(stored)).isEqualTo(allotted);
        assertThat(events).as("the payloads' classes and readers kept").isInstanceOf(EventPayloadSerializer.class);
    }

    private Object deserializerOf(Class<?> type) throws Exception {
        return ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createInstance(mapper.getDeserializationConfig(), null, null)
                .findRootValueDeserializer(mapper.constructType(type));
    }
}
