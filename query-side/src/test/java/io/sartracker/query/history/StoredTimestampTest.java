package io.sartracker.query.history;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event store's text of an event's time reads as Axon reads it, for every text Axon writes and any other. */
class StoredTimestampTest {

    @Test
    void everyTimeAxonWritesReadsBackAsAxonReadsIt() {
        Random random = new Random(20261128);
        long first = Instant.parse("0001-01-01T00:00:00Z").toEpochMilli();
        long last = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
        for (int i = 0; i < 200_000; i++) {
            Instant time = Instant.ofEpochMilli(first + (long) (random.nextDouble() * (last - first)));
            String text = DateTimeUtils.formatInstant(time);
            assertThat(StoredTimestamp.parse(text)).as(text).isEqualTo(DateTimeUtils.parseInstant(text)).isEqualTo(time);
        }
        for (String edge : List.of("1970-01-01T00:00:00.000Z", "2024-02-29T23:59:59.999Z", "2026-11-28T15:00:00.000Z")) {
            assertThat(StoredTimestamp.parse(edge)).isEqualTo(DateTimeUtils.parseInstant(edge));
        }
    }

    @Test
    void textOfAnotherShapeReadsAsAxonReadsIt() {
        for (String other : List.of("2026-11-28T22:32:02Z", "2026-11-28T22:32:02.123456Z", "2026-11-28T22:32:02.123+09:00",
                "2026-11-28t22:32:02.123z", "+12026-11-28T22:32:02.123Z")) {
            assertThat(StoredTimestamp.parse(other)).as(other).isEqualTo(DateTimeUtils.parseInstant(other));
        }
    }

    @Test
    void noTimeIsReadWhereAxonReadsNone() {
        for (String wrong : List.of("2026-02-30T00:00:00.000Z", "2026-11-28T24:00:00.000Z", "2026-11-28T23:60:00.000Z",
                "2026-11-28T23:59:60.000Z", "2026-13-01T00:00:00.000Z", "2026-00-10T00:00:00.000Z",
                "2026-1a-01T00:00:00.000Z", "2026-11-28 22:32:02.123Z")) {
            assertThatThrownBy(() -> DateTimeUtils.parseInstant(wrong)).as("Axon: " + wrong)
                    .isInstanceOf(DateTimeParseException.class);
            assertThatThrownBy(() -> StoredTimestamp.parse(wrong)).as(wrong).isInstanceOf(DateTimeParseException.class);
        }
    }
}
