package io.sartracker.service.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sartracker.kernel.event.HolderLeftOffice;
import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events' serializer keeps each payload's class and reader and reads every payload as Axon's own does,
 * including a payload whose class this version does not have (Axon's unknown type, looked up again each time).
 */
class EventPayloadSerializerTest {
    private final ObjectMapper mapper = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private final JacksonSerializer axons = JacksonSerializer.builder().objectMapper(mapper).build();
    private final EventPayloadSerializer kept = new EventPayloadSerializer(JacksonSerializer.builder().objectMapper(mapper));

    @Test
    void readsEachPayloadAsAxonsOwnSerializerDoes() {
        List<Object> events = List.of(
                new RightsAllotted(SeriesId.of("S"), HolderId.of("H1"), Role.DIRECTOR, Rights.of(10), LocalDate.of(2015, 7, 13)),
                new HolderLeftOffice(SeriesId.of("S"), HolderId.of("H1"), LocalDate.of(2016, 6, 30),
                        DepartureReason.RETIREMENT, new ExerciseWindow(LocalDate.of(2016, 7, 1), LocalDate.of(2026, 7, 1)),
                        LocalDate.of(2026, 7, 2)),
                new RightsAllotted(SeriesId.of("S"), HolderId.of("H2"), Role.EXECUTIVE_OFFICER, Rights.of(3), LocalDate.of(2015, 7, 13)));
        for (int round = 0; round < 2; round++) {
            for (Object event : events) {
                SerializedObject<byte[]> stored = axons.serialize(event, byte[].class);
                assertThat(stored.getType()).isEqualTo(kept.serialize(event, byte[].class).getType());
                assertThat((Object) kept.deserialize(stored)).isEqualTo(event).isEqualTo(axons.deserialize(stored));
                assertThat(kept.classForType(stored.getType())).isEqualTo(event.getClass());
            }
        }
    }

    @Test
    void aPayloadOfAClassThisVersionLacksIsReadAsAxonReadsIt() {
        SimpleSerializedObject<byte[]> stored = new SimpleSerializedObject<>(
                "{\"seriesId\":\"S\"}".getBytes(StandardCharsets.UTF_8), byte[].class,
                new SimpleSerializedType("io.sartracker.kernel.event.RightsRepriced", "1"));
        for (int round = 0; round < 2; round++) {
            assertThat(kept.classForType(stored.getType())).isEqualTo(UnknownSerializedType.class);
            Object read = kept.deserialize(stored);
            assertThat(read).isInstanceOf(UnknownSerializedType.class);
            assertThat(((UnknownSerializedType) read).serializedType().getName()).isEqualTo("io.sartracker.kernel.event.RightsRepriced");
        }
    }
}
