package io.sartracker.query.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes the records a stored document holds many of as JSON arrays of their components, in declaration order,
 * instead of objects that repeat every name: a holding's 25 exercises were 190 bytes each, nearly all of its 6 KB
 * document, rewritten whole whenever the holding changed (BENCHMARKS.md, change 70). Reads both shapes: an
 * object is a document written before, read by Jackson's own deserializer. A record's components are its stored
 * shape: adding one is a new format of the stored documents ({@code SeriesRegister.FORMAT_VERSION}), and an array
 * of another length is refused rather than read with zeros.
 */
final class RecordsAsArrays extends SimpleModule {

    RecordsAsArrays(Set<Class<? extends Record>> types) {
        super(RecordsAsArrays.class.getSimpleName());
        Map<Class<?>, Shape> shapes = types.stream().collect(Collectors.toMap(Function.identity(), Shape::new));
        types.forEach(type -> addSerializerFor(type, shapes.get(type)));
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                Shape shape = shapes.get(description.getBeanClass());
                return shape == null ? deserializer : new ArrayOrObject(deserializer, shape);
            }
        });
    }

    private <T extends Record> void addSerializerFor(Class<T> type, Shape shape) {
        addSerializer(type, new AsArray<>(type, shape));
    }

    /** A record's components, their accessors and its canonical constructor. */
    private static final class Shape {
        final Class<?> type;
        final Method[] accessors;
        final Class<?>[] types;
        final Constructor<?> constructor;

        Shape(Class<?> type) {
            this.type = type;
            RecordComponent[] components = type.getRecordComponents();
            accessors = Arrays.stream(components).map(RecordComponent::getAccessor).toArray(Method[]::new);
            types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            try {
                constructor = type.getDeclaredConstructor(types);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " has no canonical constructor", e);
            }
        }
    }

    private static final class AsArray<T extends Record> extends StdSerializer<T> {
        private final transient Shape shape;

        AsArray(Class<T> type, Shape shape) {
            super(type);
            this.shape = shape;
        }

        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeStartArray(value, shape.accessors.length);
            for (Method accessor : shape.accessors) {
                provider.defaultSerializeValue(component(accessor, value), generator);
            }
            generator.writeEndArray();
        }

        private static Object component(Method accessor, Object value) {
            try {
                return accessor.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** An array is read by position; an object (a document written before) by Jackson's own deserializer. */
    private static final class ArrayOrObject extends DelegatingDeserializer {
        private final transient Shape shape;

        ArrayOrObject(JsonDeserializer<?> asObject, Shape shape) {
            super(asObject);
            this.shape = shape;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> asObject) {
            return new ArrayOrObject(asObject, shape);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.isExpectedStartArrayToken()) {
                return super.deserialize(parser, context);
            }
            Object[] components = new Object[shape.types.length];
            for (int i = 0; i < components.length; i++) {
                if (parser.nextToken() == JsonToken.END_ARRAY) {
                    return context.reportInputMismatch(this, "%s stored with %d of its %d components",
                            shape.type.getSimpleName(), i, components.length);
                }
                components[i] = context.readValue(parser, shape.types[i]);
            }
            if (parser.nextToken() != JsonToken.END_ARRAY) {
                return context.reportInputMismatch(this, "%s stored with more than its %d components",
                        shape.type.getSimpleName(), components.length);
            }
            try {
                return shape.constructor.newInstance(components);
            } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
