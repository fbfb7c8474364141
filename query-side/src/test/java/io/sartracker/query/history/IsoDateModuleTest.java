package io.sartracker.query.history;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates read through {@link IsoDateModule} read as JavaTimeModule alone reads them, for every text. */
class IsoDateModuleTest {
    private final ObjectMapper javaTime = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private final ObjectMapper iso = JsonMapper.builder().addModule(new JavaTimeModule())
            .addModule(new IsoDateModule()).build();

    record Dated(LocalDate effectiveDate, @JsonFormat(pattern = "dd/MM/yyyy") LocalDate formatted) {
    }

    @Test
    void everyDayOfTheIsoCalendarReadsAsJavaTimeReadsIt() throws Exception {
        Random random = new Random(20261129);
        long first = LocalDate.of(1, 1, 1).toEpochDay();
        long last = LocalDate.of(9999, 12, 31).toEpochDay();
        for (int i = 0; i < 200_000; i++) {
            LocalDate day = LocalDate.ofEpochDay(first + (long) (random.nextDouble() * (last - first + 1)));
            String json = "\"" + day + "\"";
            assertThat(iso.readValue(json, LocalDate.class)).as(json).isEqualTo(day)
                    .isEqualTo(javaTime.readValue(json, LocalDate.class));
        }
        assertThat(deserializerOf(iso)).as("the module's deserializer is the one used, after its copy for the value")
                .isInstanceOf(IsoDateModule.IsoLocalDateDeserializer.class);
        assertThat(deserializerOf(javaTime)).isNotInstanceOf(IsoDateModule.IsoLocalDateDeserializer.class);
    }

    @Test
    void anyOtherTextReadsOrFailsAsJavaTimeAlone() {
        for (String json : List.of("\"2024-02-29\"", "\"2023-02-29\"", "\"2021-13-01\"", "\"2021-00-10\"",
                "\"2021-6-30\"", "\"20210630\"", "\"+12021-06-30\"", "\"-0001-06-30\"", "\" 2021-06-30 \"",
                "\"2021-06-30T09:00:00.000Z\"", "\"2021/06/30\"", "\"２０２１-06-30\"", "\"\"", "[2021,6,30]", "18808",
                "null", "\"0000-01-01\"")) {
            assertThat(outcome(iso, json, LocalDate.class)).as(json).isEqualTo(outcome(javaTime, json, LocalDate.class));
        }
    }

    @Test
    void aDateWithAFormatOfItsOwnKeepsIt() {
        String json = "{\"effectiveDate\":\"2021-06-30\",\"formatted\":\"30/06/2021\"}";
        assertThat(outcome(iso, json, Dated.class)).isEqualTo(outcome(javaTime, json, Dated.class))
                .isEqualTo(new Dated(LocalDate.of(2021, 6, 30), LocalDate.of(2021, 6, 30)).toString());
        String isoInAFormattedField = "{\"formatted\":\"2021-06-30\"}";
        assertThat(outcome(iso, isoInAFormattedField, Dated.class)).startsWith("failed: ")
                .isEqualTo(outcome(javaTime, isoInAFormattedField, Dated.class));
    }

    /** The value read, or the kind of failure. */
    private static String outcome(ObjectMapper mapper, String json, Class<?> type) {
        try {
            return String.valueOf(mapper.readValue(json, type));
        } catch (Exception e) {
            return "failed: " + e.getClass().getName();
        }
    }

    private static Object deserializerOf(ObjectMapper mapper) throws Exception {
        JavaType type = mapper.constructType(LocalDate.class);
        return ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createInstance(mapper.getDeserializationConfig(), null, null).findRootValueDeserializer(type);
    }
}
