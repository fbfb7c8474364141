package io.sartracker.query.store;

import io.sartracker.kernel.event.HolderDied;
import io.sartracker.kernel.event.SeriesEvent;
import io.sartracker.kernel.lifecycle.Stage;
import io.sartracker.kernel.model.LapseReason;
import io.sartracker.kernel.model.ReversibleFact;
import io.sartracker.kernel.model.Rights;
import io.sartracker.query.register.HoldingRecord;
import io.sartracker.query.register.SeriesProjector;
import io.sartracker.query.register.SeriesRegister;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.sartracker.query.SeriesEvents.S;
import static io.sartracker.query.SeriesEvents.acquired;
import static io.sartracker.query.SeriesEvents.day;
import static io.sartracker.query.SeriesEvents.diedAwaitingHeir;
import static io.sartracker.query.SeriesEvents.director;
import static io.sartracker.query.SeriesEvents.exercised;
import static io.sartracker.query.SeriesEvents.heirDied;
import static io.sartracker.query.SeriesEvents.id;
import static io.sartracker.query.SeriesEvents.inherited;
import static io.sartracker.query.SeriesEvents.issued;
import static io.sartracker.query.SeriesEvents.lapsed;
import static io.sartracker.query.SeriesEvents.leftOffice;
import static io.sartracker.query.SeriesEvents.reversed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The stored register (the series' document, and one document per holding) keeps each holding's life in the shared kernel's terms: every stage, the
 * facts that could still be reversed and the exercises read back as they were written, so a reversal
 * folded onto a stored document gives what a fold from the events gives.
 */
class RegisterDocumentTest {

    @Test
    void everyStageOfAHoldingReadsBackAsItWasWritten() {
        List<SeriesEvent> events = new ArrayList<>(List.of(issued(),
                director("D01", 10), director("D02", 10), director("D03", 10), director("D04", 10),
                director("D05", 10), director("D06", 10),
                // D01: in office. D02: window open, one exercise that can still be reversed.
                leftOffice("D02", "2020-06-25"), exercised("D02", "2020-06-27", 3, 100),
                // D03: awaiting an heir. D04: inherited, then the heir died and the rights lapsed with the death.
                leftOffice("D03", "2020-06-25"), diedAwaitingHeir("D03", "2020-06-30", 10),
                leftOffice("D04", "2020-06-25"), diedAwaitingHeir("D04", "2020-06-30", 10),
                inherited("D04", "H04", "2021-08-31", 10)));
        events.addAll(heirDied("D04", "H04", "2021-10-01", 10));
        events.addAll(List.of(
                // D05: the window closed, the lapse recorded, then a death with nothing to inherit.
                leftOffice("D05", "2020-06-25"), lapsed("D05", 10, LapseReason.WINDOW_AFTER_LEAVING_OFFICE_CLOSED,
                        "2020-07-06"),
                new HolderDied(S, id("D05"), id("D05"), day("2020-08-01"), HolderDied.Outcome.NOTHING_TO_INHERIT,
                        Rights.NONE),
                // D06: acquired.
                acquired("D06", 10, "2024-03-01", "2024-04-01")));
        SeriesRegister register = SeriesProjector.fold(events);

        SeriesRegister read = stored(register);

        assertThat(Documents.write(read)).as("read back as it was written").isEqualTo(Documents.write(register));
        assertThat(read.holdings().stream().map(Documents::write))
                .containsExactlyElementsOf(register.holdings().stream().map(Documents::write).toList());
        assertThat(Documents.write(read)).as("the holdings have their own documents").doesNotContain("D02");
        assertThat(read.holdings()).extracting(h -> h.life().stage(), h -> h.life().counts(), HoldingRecord::exercises)
                .containsExactlyElementsOf(register.holdings().stream()
                        .map(h -> tuple(h.life().stage(), h.life().counts(), h.exercises())).toList());
        assertThat(read.holdings()).extracting(h -> h.life().stage().getClass().getSimpleName())
                .containsExactly("InOffice", "LeftOffice", "AwaitingHeir", "Closed", "DiedLeavingNothing",
                        "Closed");
        assertThat(read.holding("D04").life().stage()).isInstanceOfSatisfying(Stage.Closed.class,
                closed -> assertThat(closed.from()).isInstanceOf(Stage.Inherited.class));

        SeriesProjector.apply(read, reversed("D02", ReversibleFact.EXERCISE, "2020-06-27", "2020-07-01", 3, 0));
        SeriesProjector.apply(read, reversed("D04", ReversibleFact.DEATH, "2021-10-01", "2021-10-05", 0, 10));
        SeriesProjector.apply(register, reversed("D02", ReversibleFact.EXERCISE, "2020-06-27", "2020-07-01", 3, 0));
        SeriesProjector.apply(register, reversed("D04", ReversibleFact.DEATH, "2021-10-01", "2021-10-05", 0, 10));
        assertThat(read.holdings()).extracting(h -> h.life().stage(), h -> h.life().counts(), HoldingRecord::exercises)
                .containsExactlyElementsOf(register.holdings().stream()
                        .map(h -> tuple(h.life().stage(), h.life().counts(), h.exercises())).toList());
        assertThat(read.holding("D02").exercises()).isEmpty();
        assertThat(read.holding("D02").held()).isEqualTo(10);
        assertThat(read.holding("D04").life().stage()).isInstanceOf(Stage.Inherited.class);
        assertThat(read.holding("D04").held()).isEqualTo(10);
        assertThat(read.holding("D04").lapseReason()).isNull();
        assertThat(read.holding("D05").lapsedOn()).isEqualTo(day("2020-07-06"));
        assertThat(read.holding("D05").dateOfDeath()).isEqualTo(day("2020-08-01"));
        assertThat(read.holding("D06").acquiredOn()).isEqualTo(day("2024-04-01"));
    }

    @Test
    void aStoredDocumentKeepsEachHoldingsLatestReversibleFactAndTheEventsGiveBackTheRest() {
        List<SeriesEvent> events = List.of(issued(), director("D01", 10), leftOffice("D01", "2020-06-25"),
                exercised("D01", "2020-06-26", 1, 100), exercised("D01", "2020-06-27", 2, 100),
                exercised("D01", "2020-06-29", 3, 100));
        SeriesRegister register = SeriesProjector.fold(events);
        assertThat(register.holding("D01").life().earlier()).hasSize(4);

        SeriesRegister read = stored(register);
        assertThat(Documents.write(register.holding("D01"))).contains("\"earlierLeftOut\":3");
        assertThat(read.holding("D01").life().earlier()).as("the latest exercise only").hasSize(1);
        assertThat(read.holding("D01").lacksEarlierFacts()).isTrue();

        // the kept fact is reversed from the document alone; the one before it needs the events
        SeriesEvent first = reversed("D01", ReversibleFact.EXERCISE, "2020-06-29", "2020-07-01", 3, 0);
        SeriesEvent second = reversed("D01", ReversibleFact.EXERCISE, "2020-06-27", "2020-07-01", 2, 0);
        SeriesProjector.apply(read, first);
        assertThatThrownBy(() -> SeriesProjector.apply(read, second)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("left out");

        List<SeriesEvent> beforeSecond = new ArrayList<>(events);
        beforeSecond.add(first);
        assertThatThrownBy(() -> read.holding("D01").restoreWholeLife(register.holding("D01").life()))
                .as("a life the stored holding is not the latest part of").isInstanceOf(IllegalStateException.class);
        read.holding("D01").restoreWholeLife(SeriesProjector.fold(beforeSecond).holding("D01").life());
        SeriesProjector.apply(read, second);

        List<SeriesEvent> all = new ArrayList<>(beforeSecond);
        all.add(second);
        SeriesRegister folded = SeriesProjector.fold(all);
        assertThat(read.holding("D01")).isEqualTo(folded.holding("D01"));
        assertThat(read.holding("D01").held()).isEqualTo(9);
        assertThat(read.holding("D01").exercises()).hasSize(1);
    }

    /** The register as the store writes it (the series' document and one per holding) and reads it back. */
    private static SeriesRegister stored(SeriesRegister register) {
        return RegisterStore.assemble(Documents.write(register),
                register.holdings().stream().map(Documents::write).toList());
    }
}
