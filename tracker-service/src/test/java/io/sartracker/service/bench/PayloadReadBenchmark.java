package io.sartracker.service.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.management.ThreadMXBean;
import io.sartracker.kernel.event.HolderLeftOffice;
import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.event.RightsExercised;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.model.Yen;
import io.sartracker.query.history.IsoDateModule;
import io.sartracker.query.history.ValueTypesModule;
import io.sartracker.service.config.EventPayloadSerializer;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.List;

/**
 * Reading one stored payload: Axon's Jackson serializer, the service's ({@link EventPayloadSerializer}, BENCHMARKS.md
 * change 59), both on a mapper reading ISO dates by their digits ({@link IsoDateModule}), and the service's serializer
 * on its own mapper, which also builds the kernel's values directly ({@link ValueTypesModule}, change 60); prints
 * nanoseconds and bytes allocated a payload, the last of five rounds of a million each:
 * {@code BENCH_MAIN=io.sartracker.service.bench.PayloadReadBenchmark scripts/benchmark.sh}
 */
public final class PayloadReadBenchmark {
    private static final int READS = 1_000_000;

    private PayloadReadBenchmark() {
    }

    public static void main(String[] args) {
        ObjectMapper isoDates = mapper();
        ObjectMapper service = mapper().registerModule(new ValueTypesModule());
        JacksonSerializer axons = JacksonSerializer.builder().objectMapper(isoDates).build();
        EventPayloadSerializer classesKept = new EventPayloadSerializer(JacksonSerializer.builder().objectMapper(isoDates));
        EventPayloadSerializer services = new EventPayloadSerializer(JacksonSerializer.builder().objectMapper(service));
        SeriesId series = SeriesId.of("IIJ-SAR-5");
        HolderId holder = HolderId.of("H-000123");
        List<Object> payloads = List.of(
                new RightsAllotted(series, holder, Role.DIRECTOR, Rights.of(10), LocalDate.of(2015, 7, 13)),
                new HolderLeftOffice(series, holder, LocalDate.of(2016, 6, 30), DepartureReason.RETIREMENT,
                        new ExerciseWindow(LocalDate.of(2016, 7, 1), LocalDate.of(2026, 7, 1)), LocalDate.of(2026, 7, 2)),
                new RightsExercised(series, holder, holder, LocalDate.of(2019, 3, 4), Rights.of(1),
                        SharesPerRight.of(100), 100, Yen.of(3000), Yen.of(300000), Yen.of(1200), Yen.of(1200),
                        Yen.of(301200), Yen.of(150600), Yen.of(150600), true));
        for (Object payload : payloads) {
            SerializedObject<byte[]> stored = axons.serialize(payload, byte[].class);
            Read[] reads = new Read[3];
            for (int round = 0; round < 5; round++) {
                reads[0] = read(axons, stored, payload);
                reads[1] = read(classesKept, stored, payload);
                reads[2] = read(services, stored, payload);
            }
            System.out.printf("%s (%d bytes): Axon's serializer %s, EventPayloadSerializer %s,"
                            + " with ValueTypesModule (the service's) %s%n",
                    payload.getClass().getSimpleName(), stored.getData().length, reads[0], reads[1], reads[2]);
        }
    }

    /** The service's kind of mapper before change 60: ISO dates read by their digits. */
    private static ObjectMapper mapper() {
        return Jackson2ObjectMapperBuilder.json().featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .postConfigurer(m -> m.registerModule(new IsoDateModule())).build();
    }

    /** Nanoseconds and bytes allocated a read. */
    private record Read(double nanos, double bytes) {
        @Override
        public String toString() {
            return String.format("%.0f ns (%.0f B)", nanos, bytes);
        }
    }

    private static Read read(Serializer serializer, SerializedObject<byte[]> stored, Object expected) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocated = threads.getCurrentThreadAllocatedBytes();
        long begin = System.nanoTime();
        Object read = null;
        for (int i = 0; i < READS; i++) {
            read = serializer.deserialize(new SimpleSerializedObject<>(stored.getData(), byte[].class, stored.getType()));
        }
        double nanos = (double) (System.nanoTime() - begin) / READS;
        double bytes = (double) (threads.getCurrentThreadAllocatedBytes() - allocated) / READS;
        if (!expected.equals(read)) {
            throw new IllegalStateException("read " + read + ", stored " + expected);
        }
        return new Read(nanos, bytes);
    }
}
