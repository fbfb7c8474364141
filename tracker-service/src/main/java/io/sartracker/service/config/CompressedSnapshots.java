package io.sartracker.service.config;

import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The snapshot serializer: the service's JSON, gzip-compressed (the JDK's). A snapshot of a series repeats
 * the same field names and stages for every holding, so it shrinks about tenfold; it is written every 50
 * events and read when a series is not in memory, and on H2 every rewritten byte stays in the file until
 * compaction. Snapshots written before compression (plain JSON) are still read: a payload that does not
 * start with gzip's magic number is passed through.
 */
public final class CompressedSnapshots implements Serializer {
    private final Serializer json;

    public CompressedSnapshots(Serializer json) {
        this.json = json;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        SerializedObject<T> plain = json.serialize(object, expectedRepresentation);
        if (expectedRepresentation != byte[].class) {
            return plain;
        }
        return (SerializedObject<T>) new SimpleSerializedObject<>(gzip((byte[]) plain.getData()), byte[].class,
                plain.getType());
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return json.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        if (serializedObject.getData() instanceof byte[] data && isGzip(data)) {
            return json.deserialize(new SimpleSerializedObject<>(gunzip(data), byte[].class,
                    serializedObject.getType()));
        }
        return json.deserialize(serializedObject);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return json.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return json.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return json.getConverter();
    }

    /** A stored snapshot's JSON: uncompressed when it is gzip (as since revision 3), else as it was stored. */
    public static byte[] plain(byte[] stored) {
        return isGzip(stored) ? gunzip(stored) : stored;
    }

    /** The JSON compressed as a snapshot is stored. */
    public static byte[] compressed(byte[] json) {
        return gzip(json);
    }

    static boolean isGzip(byte[] data) {
        return data.length > 2 && data[0] == (byte) 0x1f && data[1] == (byte) 0x8b;
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(data.length / 8 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }

    static byte[] gunzip(byte[] data) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("a snapshot's payload is not valid gzip", e);
        }
    }
}
