package io.sartracker.query.history;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.model.Yen;

import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Jackson builds the kernel's single-valued types (yen, rights, shares per right, identifiers) by calling their
 * factories directly. Through their {@code @JsonCreator} it calls each by reflection, with an argument array for
 * every value: a stored exercise holds a dozen such values, and those arrays were a tenth of what reading the events
 * allocated (BENCHMARKS.md, change 60). A value of any other JSON kind, and one its factory refuses, is read by
 * Jackson's own deserializer, which reads or reports it as before.
 */
public final class ValueTypesModule extends SimpleModule {
    private static final Map<Class<?>, LongFunction<?>> FROM_WHOLE_NUMBERS = Map.of(
            Yen.class, Yen::of, Rights.class, Rights::of, SharesPerRight.class, SharesPerRight::of);
    private static final Map<Class<?>, Function<String, ?>> FROM_TEXT = Map.of(
            SeriesId.class, SeriesId::of, HolderId.class, HolderId::of, IssuerId.class, IssuerId::of);

    public ValueTypesModule() {
        super(ValueTypesModule.class.getSimpleName());
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> jacksons) {
                Class<?> type = description.getBeanClass();
                if (FROM_WHOLE_NUMBERS.containsKey(type)) {
                    return new FromWholeNumber(jacksons, FROM_WHOLE_NUMBERS.get(type));
                }
                if (FROM_TEXT.containsKey(type)) {
                    return new FromText(jacksons, FROM_TEXT.get(type));
                }
                return jacksons;
            }
        });
    }

    /** A value written as a whole number; anything else goes to Jackson's deserializer. */
    public static final class FromWholeNumber extends DelegatingDeserializer {
        private final LongFunction<?> factory;

        FromWholeNumber(JsonDeserializer<?> jacksons, LongFunction<?> factory) {
            super(jacksons);
            this.factory = factory;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> jacksons) {
            return new FromWholeNumber(jacksons, factory);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_NUMBER_INT)
                    && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                try {
                    return factory.apply(parser.getLongValue());
                } catch (RuntimeException refused) {
                    // Jackson's deserializer calls the factory again and reports the refusal its own way
                }
            }
            return super.deserialize(parser, context);
        }
    }

    /** A value written as text; anything else goes to Jackson's deserializer. */
    public static final class FromText extends DelegatingDeserializer {
        private final Function<String, ?> factory;

        FromText(JsonDeserializer<?> jacksons, Function<String, ?> factory) {
            super(jacksons);
            this.factory = factory;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> jacksons) {
            return new FromText(jacksons, factory);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                try {
                    return factory.apply(parser.getText());
                } catch (RuntimeException refused) {
                    // as above
                }
            }
            return super.deserialize(parser, context);
        }
    }
}
