package io.sartracker.service.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sartracker.kernel.event.HolderLeftOffice;
import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.query.history.IsoDateModule;
import io.sartracker.service.config.EventPayloadSerializer;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.time.LocalDate;
import java.util.List;

/**
 * Reading one stored payload, Axon's Jackson serializer against the service's ({@link EventPayloadSerializer}),
 * on the service's kind of mapper (ISO dates, {@link IsoDateModule}); prints nanoseconds a payload, the last of
 * five rounds of a million each (BENCHMARKS.md change 59):
 * {@code BENCH_MAIN=io.sartracker.service.bench.PayloadReadBenchmark scripts/benchmark.sh}
 */
public final class PayloadReadBenchmark {
    private static final int READS = 1_000_000;

    private PayloadReadBenchmark() {
    }

    public static void main(String[] args) {
        ObjectMapper mapper = Jackson2ObjectMapperBuilder.json()
                .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .postConfigurer(m -> m.registerModule(new IsoDateModule())).build();
        JacksonSerializer axons = JacksonSerializer.builder().objectMapper(mapper).build();
        EventPayloadSerializer services = new EventPayloadSerializer(JacksonSerializer.builder().objectMapper(mapper));
        SeriesId series = SeriesId.of("IIJ-SAR-5");
        HolderId holder = HolderId.of("H-000123");
        List<Object> payloads = List.of(
                new RightsAllotted(series, holder, Role.DIRECTOR, Rights.of(10), LocalDate.of(2015, 7, 13)),
                new HolderLeftOffice(series, holder, LocalDate.of(2016, 6, 30), DepartureReason.RETIREMENT,
                        new ExerciseWindow(LocalDate.of(2016, 7, 1), LocalDate.of(2026, 7, 1)), LocalDate.of(2026, 7, 2)));
        for (Object payload : payloads) {
            SerializedObject<byte[]> stored = axons.serialize(payload, byte[].class);
            double axon = 0;
            double service = 0;
            for (int round = 0; round < 5; round++) {
                axon = nanosPerRead(axons, stored, payload);
                service = nanosPerRead(services, stored, payload);
            }
            System.out.printf("%s (%d bytes): Axon's serializer %.0f ns, EventPayloadSerializer %.0f ns%n",
                    payload.getClass().getSimpleName(), stored.getData().length, axon, service);
        }
    }

    private static double nanosPerRead(Serializer serializer, SerializedObject<byte[]> stored, Object expected) {
        long begin = System.nanoTime();
        Object read = null;
        for (int i = 0; i < READS; i++) {
            read = serializer.deserialize(new SimpleSerializedObject<>(stored.getData(), byte[].class, stored.getType()));
        }
        double nanos = (double) (System.nanoTime() - begin) / READS;
        if (!expected.equals(read)) {
            throw new IllegalStateException("read " + read + ", stored " + expected);
        }
        return nanos;
    }
}
