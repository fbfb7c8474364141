package io.sartracker.service.filing;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A registration's key, its change date and its deadline: two weeks from the change (Civil Code art. 140, 143). */
class RegistrationKeyTest {

    @Test
    void aMonthsExercisesAreAsAtItsLastDayAndDueTwoWeeksLater() {
        RegistrationKey february = RegistrationKey.parse("EXERCISES-2024-02");
        assertThat(february.monthly()).isTrue();
        assertThat(february.firstDay()).isEqualTo(LocalDate.of(2024, 2, 1));
        // a leap year: the month ends on the 29th; counted from 1 March, two weeks end on 14 March
        assertThat(february.changeDate()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(february.deadline()).isEqualTo(LocalDate.of(2024, 3, 14));
        assertThat(february).hasToString("EXERCISES-2024-02");
        // December's deadline falls in the next year
        assertThat(RegistrationKey.parse("EXERCISES-2023-12").deadline()).isEqualTo(LocalDate.of(2024, 1, 14));
    }

    @Test
    void aChangeOfADayIsDueTwoWeeksFromIt() {
        RegistrationKey lapse = RegistrationKey.parse("CHANGE-2020-05-01");
        assertThat(lapse.monthly()).isFalse();
        assertThat(lapse.firstDay()).isEqualTo(lapse.changeDate());
        // a Friday: the period runs from Saturday 2 May and ends on Friday 15 May
        assertThat(lapse.deadline()).isEqualTo(LocalDate.of(2020, 5, 15));
        assertThat(lapse).hasToString("CHANGE-2020-05-01");
    }

    @Test
    void aMalformedKeyIsRefusedWithTheFormsAKeyTakes() {
        for (String bad : new String[]{"EXERCISES-2020-13", "CHANGE-2020-02-30", "EXERCISES-2020", "2020-04", "", null}) {
            assertThatThrownBy(() -> RegistrationKey.parse(bad)).as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("EXERCISES-yyyy-mm").hasMessageContaining("CHANGE-yyyy-mm-dd");
        }
    }
}
