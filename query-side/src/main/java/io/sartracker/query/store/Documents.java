package io.sartracker.query.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.sartracker.query.history.IsoDateModule;
import io.sartracker.query.history.ValueTypesModule;
import io.sartracker.query.register.AllotmentRecord;
import io.sartracker.query.register.ExerciseRecord;

import java.io.UncheckedIOException;
import java.util.Set;

/** JSON for the stored documents and audit payloads: ISO dates, tolerant of fields added later; values built directly. */
final class Documents {
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new IsoDateModule())
            .addModule(new ValueTypesModule())
            .addModule(new RecordsAsArrays(Set.of(ExerciseRecord.class, AllotmentRecord.class)))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Documents() {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
