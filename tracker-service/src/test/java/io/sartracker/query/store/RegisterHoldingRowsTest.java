package io.sartracker.query.store;

import io.sartracker.kernel.event.HolderLeftOffice;
import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.event.SeriesIssued;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.Terms;
import io.sartracker.query.register.HoldingRecord;
import io.sartracker.query.register.SeriesProjector;
import io.sartracker.query.register.SeriesRegister;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch's changed holdings are written to their rows, new ones inserted and known ones updated, and read back
 * as they were folded, on each database's form of the write (a statement a row on H2, one statement of arrays on
 * PostgreSQL); rows of another generation or series are left alone.
 */
class RegisterHoldingRowsTest {
    private static final SeriesId SERIES = SeriesId.of("ROWS-1");
    private static final LocalDate ALLOTMENT = LocalDate.of(2015, 7, 13);

    @ParameterizedTest
    @ValueSource(strings = {MigratedDatabase.H2, MigratedDatabase.POSTGRESQL})
    void changedHoldingsAreInsertedOrUpdatedAndReadBackAsFolded(String database) {
        JdbcTemplate jdbc = MigratedDatabase.of(database);
        RegisterStore store = new RegisterStore(jdbc);
        SeriesRegister register = SeriesProjector.fold(List.of(new SeriesIssued(SERIES, IssuerId.of("ROWSCO"),
                Terms.fifthSeries()), allotted("D01", 10), allotted("D02", 20), allotted("D03", 30)));
        store.save(1, register, List.copyOf(register.holdings()));
        store.save(2, register, List.of(register.holding("D01")));

        SeriesProjector.apply(register, leftOffice("D02", LocalDate.of(2020, 3, 31)));
        SeriesProjector.apply(register, allotted("D04", 40));
        store.save(1, register, List.of(register.holding("D02"), register.holding("D04")));

        SeriesRegister read = store.load(1, SERIES.value()).orElseThrow();
        assertThat(read.holdings()).extracting(HoldingRecord::holderId).containsExactly("D01", "D02", "D03", "D04");
        for (String holder : List.of("D01", "D02", "D03", "D04")) {
            assertThat(read.holding(holder)).as(holder).isEqualTo(register.holding(holder));
        }
        Map<String, Object> left = jdbc.queryForMap("select current_holder_id, status, rights_held, window_first_day,"
                + " window_last_day, lapse_date, holding_order from holding_view where generation = 1 and holder_id = 'D02'");
        HoldingRecord d02 = register.holding("D02");
        assertThat(left.get("current_holder_id")).isEqualTo("D02");
        assertThat(left.get("status")).isEqualTo(d02.status().name()).isNotEqualTo("IN_OFFICE");
        assertThat(((Number) left.get("rights_held")).longValue()).isEqualTo(20);
        assertThat(((java.sql.Date) left.get("window_first_day")).toLocalDate()).isEqualTo(d02.window().firstDay());
        assertThat(((java.sql.Date) left.get("window_last_day")).toLocalDate()).isEqualTo(d02.window().lastDay());
        assertThat(((java.sql.Date) left.get("lapse_date")).toLocalDate()).isEqualTo(d02.lapseDate());
        assertThat(((Number) left.get("holding_order")).intValue()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select lapse_date from holding_view where generation = 1 and holder_id = 'D01'",
                java.sql.Date.class)).as("a holding in office has no lapse date yet").isNull();
        assertThat(jdbc.queryForObject("select count(*) from holding_view where generation = 2", Integer.class))
                .as("another generation's rows are not this one's").isEqualTo(1);
    }

    private static RightsAllotted allotted(String holder, long rights) {
        return new RightsAllotted(SERIES, HolderId.of(holder), Role.DIRECTOR, Rights.of(rights), ALLOTMENT);
    }

    private static HolderLeftOffice leftOffice(String holder, LocalDate day) {
        ExerciseWindow window = new ExerciseWindow(day.plusDays(1), day.plusDays(10));
        return new HolderLeftOffice(SERIES, HolderId.of(holder), day, DepartureReason.RETIREMENT, window,
                window.dayAfter());
    }
}
