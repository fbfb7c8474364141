package io.sartracker.query.history;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.sartracker.kernel.event.RightsExercised;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.model.Yen;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The kernel's values read through {@link ValueTypesModule} read, or fail, as Jackson alone reads them. */
class ValueTypesModuleTest {
    private final ObjectMapper jacksonAlone = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private final ObjectMapper withModule = JsonMapper.builder().addModule(new JavaTimeModule())
            .addModule(new ValueTypesModule()).build();

    record Holding(HolderId holderId, List<Yen> paid, Map<String, Rights> byRole) {
    }

    @Test
    void everyValueReadsOrFailsAsJacksonAloneReadsIt() throws Exception {
        List<String> wholeNumbers = List.of("0", "1", "300000", "9223372036854775807", "-1", "9223372036854775808",
                "1.5", "1e3", "\"12\"", "\"\"", "true", "[1]", "{\"amount\":5}", "null");
        List<String> texts = List.of("\"IIJ-SAR-5\"", "\"H-000123\"", "\"\"", "\"  \"", "\"a b\"",
                "\"" + "x".repeat(300) + "\"", "12", "1.5", "true", "[\"H-1\"]", "{\"value\":\"H-1\"}", "null");
        for (Class<?> type : List.of(Yen.class, Rights.class, SharesPerRight.class)) {
            for (String json : wholeNumbers) {
                assertThat(outcome(withModule, json, type)).as(type.getSimpleName() + " " + json)
                        .isEqualTo(outcome(jacksonAlone, json, type));
            }
            assertThat(deserializerOf(withModule, type)).isInstanceOf(ValueTypesModule.Direct.class);
        }
        for (Class<?> type : List.of(SeriesId.class, HolderId.class, IssuerId.class)) {
            for (String json : texts) {
                assertThat(outcome(withModule, json, type)).as(type.getSimpleName() + " " + json)
                        .isEqualTo(outcome(jacksonAlone, json, type));
            }
            assertThat(deserializerOf(withModule, type)).isInstanceOf(ValueTypesModule.Direct.class);
        }
        assertThat(outcome(withModule, "300000", Yen.class)).isEqualTo(Yen.of(300000).toString());
        assertThat(outcome(withModule, "-1", Yen.class)).startsWith("failed: ");
        assertThat(deserializerOf(jacksonAlone, Yen.class)).isNotInstanceOf(ValueTypesModule.Direct.class);
    }

    @Test
    void valuesInsideEventsListsAndMapsReadAsBefore() throws Exception {
        RightsExercised exercise = new RightsExercised(SeriesId.of("IIJ-SAR-5"), HolderId.of("H-000123"),
                HolderId.of("H-000124"), LocalDate.of(2019, 3, 4), Rights.of(2), SharesPerRight.of(100), 200,
                Yen.of(3000), Yen.of(600000), Yen.of(1200), Yen.of(2400), Yen.of(602400), Yen.of(301200),
                Yen.of(301200), true);
        String stored = jacksonAlone.writeValueAsString(exercise);
        assertThat(withModule.readValue(stored, RightsExercised.class)).isEqualTo(exercise)
                .isEqualTo(jacksonAlone.readValue(stored, RightsExercised.class));
        String holding = "{\"holderId\":\"H-1\",\"paid\":[1,2,3],\"byRole\":{\"director\":10}}";
        assertThat(withModule.readValue(holding, Holding.class)).isEqualTo(jacksonAlone.readValue(holding, Holding.class))
                .isEqualTo(new Holding(HolderId.of("H-1"), List.of(Yen.of(1), Yen.of(2), Yen.of(3)),
                        Map.of("director", Rights.of(10))));
        String refused = "{\"holderId\":\"H-1\",\"paid\":[1,-2],\"byRole\":{}}";
        assertThat(outcome(withModule, refused, Holding.class)).startsWith("failed: ")
                .isEqualTo(outcome(jacksonAlone, refused, Holding.class));
    }

    /** The value read, or the kind of failure and its message. */
    private static String outcome(ObjectMapper mapper, String json, Class<?> type) {
        try {
            return String.valueOf(mapper.readValue(json, type));
        } catch (Exception e) {
            return "failed: " + e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static Object deserializerOf(ObjectMapper mapper, Class<?> valueType) throws Exception {
        JavaType type = mapper.constructType(valueType);
        return ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createInstance(mapper.getDeserializationConfig(), null, null).findRootValueDeserializer(type);
    }
}
