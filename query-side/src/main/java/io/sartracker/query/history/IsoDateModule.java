package io.sartracker.query.history;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.JacksonFeatureSet;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeFeature;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Jackson reads a {@link LocalDate} written as ISO text ({@code 2021-06-30}, as every event, snapshot and stored
 * document writes it) by its digits, without a {@code DateTimeFormatter}: JavaTimeModule's parse was a quarter of
 * the time Jackson spent deserializing events (BENCHMARKS.md, change 41). Any other text, a day that does not exist
 * and a date with a format of its own ({@code @JsonFormat}) are read by JavaTimeModule's deserializer, as before.
 * Register it after JavaTimeModule (a module registered later takes precedence).
 */
public final class IsoDateModule extends SimpleModule {

    public IsoDateModule() {
        super(IsoDateModule.class.getSimpleName());
        addDeserializer(LocalDate.class, new IsoLocalDateDeserializer());
    }

    /**
     * JavaTimeModule's deserializer, whose copies for a property (another shape, leniency or format) stay of this
     * class; one with a format of its own reads through JavaTimeModule's code.
     */
    public static final class IsoLocalDateDeserializer extends LocalDateDeserializer {
        IsoLocalDateDeserializer() {
        }

        private IsoLocalDateDeserializer(IsoLocalDateDeserializer base, DateTimeFormatter format) {
            super(base, format);
        }

        private IsoLocalDateDeserializer(IsoLocalDateDeserializer base, Boolean leniency) {
            super(base, leniency);
        }

        private IsoLocalDateDeserializer(IsoLocalDateDeserializer base, JsonFormat.Shape shape) {
            super(base, shape);
        }

        private IsoLocalDateDeserializer(IsoLocalDateDeserializer base, JacksonFeatureSet<JavaTimeFeature> features) {
            super(base, features);
        }

        @Override
        protected IsoLocalDateDeserializer withDateFormat(DateTimeFormatter format) {
            return new IsoLocalDateDeserializer(this, format);
        }

        @Override
        protected IsoLocalDateDeserializer withLeniency(Boolean leniency) {
            return new IsoLocalDateDeserializer(this, leniency);
        }

        @Override
        protected IsoLocalDateDeserializer withShape(JsonFormat.Shape shape) {
            return new IsoLocalDateDeserializer(this, shape);
        }

        @Override
        public IsoLocalDateDeserializer withFeatures(JacksonFeatureSet<JavaTimeFeature> features) {
            return new IsoLocalDateDeserializer(this, features);
        }

        @Override
        protected LocalDate _fromString(JsonParser parser, DeserializationContext context, String text)
                throws IOException {
            LocalDate date = _formatter == DateTimeFormatter.ISO_LOCAL_DATE ? isoDate(text) : null;
            return date != null ? date : super._fromString(parser, context, text);
        }
    }

    /** The day {@code yyyy-MM-dd} spells; null for text of any other shape and for a day that does not exist. */
    static LocalDate isoDate(String text) {
        return text.length() == 10 ? StoredTimestamp.day(text) : null;
    }
}
