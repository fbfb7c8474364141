package io.sartracker.kernel.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RULES.md 4 and 5: windows are cut to the exercise period, both ends inclusive. */
class ExerciseWindowTest {
    private static final ExerciseWindow PERIOD = window("2015-07-14", "2045-07-13");

    private static ExerciseWindow window(String first, String last) {
        return new ExerciseWindow(LocalDate.parse(first), LocalDate.parse(last));
    }

    @Test
    void aWindowInsideThePeriodIsUnchanged() {
        assertThat(window("2020-06-26", "2020-07-05").cutTo(PERIOD)).contains(window("2020-06-26", "2020-07-05"));
    }

    @Test
    void aWindowStartingBeforeThePeriodStartsWithIt() {
        assertThat(window("2015-07-10", "2015-07-19").cutTo(PERIOD)).contains(window("2015-07-14", "2015-07-19"));
    }

    @Test
    void aWindowEndingAfterThePeriodEndsWithIt() {
        assertThat(window("2045-07-11", "2045-07-20").cutTo(PERIOD)).contains(window("2045-07-11", "2045-07-13"));
    }

    @Test
    void aWindowTouchingThePeriodOnOneDayKeepsThatDay() {
        assertThat(window("2015-07-05", "2015-07-14").cutTo(PERIOD)).contains(window("2015-07-14", "2015-07-14"));
    }

    @Test
    void aWindowWhollyOutsideThePeriodLeavesNothing() {
        assertThat(window("2015-07-03", "2015-07-13").cutTo(PERIOD)).isEmpty();
        assertThat(window("2045-07-14", "2045-07-23").cutTo(PERIOD)).isEmpty();
    }

    @Test
    void aLongerWindowIsCutToBothEnds() {
        assertThat(window("2010-01-01", "2050-01-01").cutTo(PERIOD)).contains(PERIOD);
    }

    @Test
    void bothEndsAreInside() {
        ExerciseWindow w = window("2020-06-26", "2020-07-05");
        assertThat(w.contains(LocalDate.parse("2020-06-26"))).isTrue();
        assertThat(w.contains(LocalDate.parse("2020-07-05"))).isTrue();
        assertThat(w.contains(LocalDate.parse("2020-06-25"))).isFalse();
        assertThat(w.contains(LocalDate.parse("2020-07-06"))).isFalse();
        assertThat(w.dayAfter()).isEqualTo(LocalDate.parse("2020-07-06"));
    }

    @Test
    void aWindowCannotEndBeforeItStarts() {
        assertThatThrownBy(() -> window("2020-07-05", "2020-07-04")).isInstanceOf(IllegalArgumentException.class);
        assertThat(window("2020-07-05", "2020-07-05").contains(LocalDate.parse("2020-07-05"))).isTrue();
    }

    @Test
    void sixMonthsFromTheLastDayOfAugustEndsOnTheLastDayOfFebruary() {
        assertThat(LocalDate.parse("2021-08-31").plusMonths(6)).isEqualTo(LocalDate.parse("2022-02-28"));
    }
}
