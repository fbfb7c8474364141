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
    private static final Map<Class<?>, FactoryCall> CALLS = Map.of(
            Yen.class, wholeNumber(Yen::of), Rights.class, wholeNumber(Rights::of),
            SharesPerRight.class, wholeNumber(SharesPerRight::of),
            SeriesId.class, text(SeriesId::of), HolderId.class, text(HolderId::of), IssuerId.class, text(IssuerId::of));

    public ValueTypesModule() {
        super(ValueTypesModule.class.getSimpleName());
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> jacksons) {
                FactoryCall call = CALLS.get(description.getBeanClass());
                return call == null ? jacksons : new Direct(jacksons, call);
            }
        });
    }

    /** Calls the type's factory with the parser's current value; null when the value is not of the factory's kind. */
    @FunctionalInterface
    private interface FactoryCall {
        Object read(JsonParser parser) throws IOException;
    }

    private static FactoryCall wholeNumber(LongFunction<?> factory) {
        return parser -> parser.hasToken(JsonToken.VALUE_NUMBER_INT)
                && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                ? factory.apply(parser.getLongValue()) : null;
    }

    private static FactoryCall text(Function<String, ?> factory) {
        return parser -> parser.hasToken(JsonToken.VALUE_STRING) ? factory.apply(parser.getText()) : null;
    }

    /** A value its factory reads directly; anything else, and anything it refuses, goes to Jackson's deserializer. */
    public static final class Direct extends DelegatingDeserializer {
        private final FactoryCall call;

        Direct(JsonDeserializer<?> jacksons, FactoryCall call) {
            super(jacksons);
            this.call = call;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> jacksons) {
            return new Direct(jacksons, call);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            try {
                Object value = call.read(parser);
                if (value != null) {
                    return value;
                }
            } catch (RuntimeException refused) {
                // Jackson's deserializer calls the factory again and reports the refusal its own way
            }
            return super.deserialize(parser, context);
        }
    }
}
