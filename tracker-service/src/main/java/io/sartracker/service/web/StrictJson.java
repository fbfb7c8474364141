package io.sartracker.service.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Request bodies are read strictly: an unknown or repeated key, content after the JSON value, a
 * number for a date or an enum, a fraction for a whole number are all refused (400), never guessed.
 * Only HTTP reads strictly: the primary mapper also reads recorded events and snapshots for Axon and
 * keeps ignoring unknown properties, so that events written by an older or newer revision still read.
 */
@Configuration
public class StrictJson implements WebMvcConfigurer {

    /** A strict copy of the given mapper, for reading what clients send. */
    public static ObjectMapper strictCopy(ObjectMapper mapper) {
        ObjectMapper strict = mapper.copy();
        strict.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        strict.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        strict.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // Non-lenient java.time: a date is a string YYYY-MM-DD, never a count of days since 1970.
        strict.setDefaultLeniency(false);
        return strict;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter json) {
                json.setObjectMapper(strictCopy(json.getObjectMapper()));
            }
        }
    }
}
