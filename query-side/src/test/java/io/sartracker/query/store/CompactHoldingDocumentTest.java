package io.sartracker.query.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.sartracker.kernel.event.SeriesEvent;
import io.sartracker.query.history.ValueTypesModule;
import io.sartracker.query.register.HoldingRecord;
import io.sartracker.query.register.SeriesProjector;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static io.sartracker.query.SeriesEvents.director;
import static io.sartracker.query.SeriesEvents.exercised;
import static io.sartracker.query.SeriesEvents.holding;
import static io.sartracker.query.SeriesEvents.issued;
import static io.sartracker.query.SeriesEvents.leftOffice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A holding's stored document keeps its exercises and allotments as arrays of their components (change 70 of
 * BENCHMARKS.md): a holder who exercised 25 times is a document of about 2 KB instead of 5.6 KB, rewritten whole
 * whenever the holding changes. Documents written before, with every exercise an object, read back the same.
 */
class CompactHoldingDocumentTest {
    /** Jackson as the stored documents were written before: every record an object with its names. */
    private static final ObjectMapper AS_WRITTEN_BEFORE = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new ValueTypesModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final HoldingRecord exercisedTwentyFiveTimes = exercisedTwentyFiveTimes();

    private static HoldingRecord exercisedTwentyFiveTimes() {
        List<SeriesEvent> events = new ArrayList<>(List.of(issued(), director("D01", 100),
                leftOffice("D01", "2020-06-25")));
        for (int day = 1; day <= 25; day++) {
            events.add(exercised("D01", "2020-07-%02d".formatted(day % 5 + 1), 1, 100));
        }
        return holding(SeriesProjector.fold(events), "D01");
    }

    @Test
    void exercisesAndAllotmentsAreStoredAsArraysAndReadBackTheSame() {
        String document = Documents.write(exercisedTwentyFiveTimes);

        assertThat(document)
                .contains("\"exercises\":[[\"2020-07-02\",\"D01\",1,100,100,100,0,50,50],")
                .contains("\"allotments\":[[\"2015-07-13\",100]]")
                .doesNotContain("exerciseDate");
        assertThat(document.length()).as("the document of 25 exercises").isLessThan(2_500);
        HoldingRecord read = Documents.read(document, HoldingRecord.class);
        assertThat(read.exercises()).isEqualTo(exercisedTwentyFiveTimes.exercises());
        assertThat(read.allotments()).isEqualTo(exercisedTwentyFiveTimes.allotments());
        assertThat(Documents.write(read)).isEqualTo(document);
    }

    @Test
    void aDocumentWrittenBeforeWithEveryExerciseAnObjectReadsBackTheSame() throws Exception {
        String before = AS_WRITTEN_BEFORE.writeValueAsString(exercisedTwentyFiveTimes);
        assertThat(before).contains("\"exerciseDate\":\"2020-07-02\"").contains("\"allotmentDate\"");
        assertThat(before.length()).isGreaterThan(5_000);

        HoldingRecord read = Documents.read(before, HoldingRecord.class);

        assertThat(read.exercises()).hasSize(25).isEqualTo(exercisedTwentyFiveTimes.exercises());
        assertThat(read.allotments()).isEqualTo(exercisedTwentyFiveTimes.allotments());
        assertThat(Documents.write(read)).isEqualTo(Documents.write(exercisedTwentyFiveTimes));
    }

    @Test
    void anExerciseStoredWithAnotherNumberOfComponentsIsRefusedNotReadWithZeros() {
        String document = Documents.write(exercisedTwentyFiveTimes);
        String shorter = document.replaceFirst("\\[\"2020-07-02\",\"D01\",1,100,100,100,0,50,50]",
                "[\"2020-07-02\",\"D01\",1,100,100,100,0,50]");
        String longer = document.replaceFirst("\\[\"2020-07-02\",\"D01\",1,100,100,100,0,50,50]",
                "[\"2020-07-02\",\"D01\",1,100,100,100,0,50,50,7]");
        assertThat(shorter).isNotEqualTo(document);

        assertThatThrownBy(() -> Documents.read(shorter, HoldingRecord.class))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("ExerciseRecord stored with 8 of its 9");
        assertThatThrownBy(() -> Documents.read(longer, HoldingRecord.class))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("more than its 9");
    }
}
