package io.sartracker.command.valuation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WeeklyVolatilityTest {

    private static final LocalDate FROM = LocalDate.of(2025, 1, 6);
    private static final LocalDate TO = LocalDate.of(2025, 2, 12);

    // Six calendar weeks, Monday 2025-01-06 to Wednesday 2025-02-12, plus days outside the period.
    private static final String SMALL_HISTORY = """
            date,close
            2025-01-03,50
            2025-01-06,100
            2025-01-08,101
            2025-01-10,102
            2025-01-14,103
            2025-01-16,104.5
            2025-01-27,99
            2025-01-31,98
            2025-02-03,97
            2025-02-07,101
            2025-02-11,104
            2025-02-13,110
            2025-02-17,200
            """;

    @Test
    void handComputedHistory() {
        // Weekly closes (last trading day of each week within the period):
        //   week of 01-06: Fri 01-10  102
        //   week of 01-13: Thu 01-16  104.5  (Friday a holiday)
        //   week of 01-20: no trading day, no price
        //   week of 01-27: Fri 01-31   98
        //   week of 02-03: Fri 02-07  101
        //   week of 02-10: Tue 02-11  104    (Thu 02-13 is after the period)
        // 01-03 and 02-17 lie outside the period and are ignored.
        double r1 = Math.log(104.5 / 102);  //  0.024214...
        double r2 = Math.log(98 / 104.5);   // -0.064219... (spans the empty week)
        double r3 = Math.log(101.0 / 98);   //  0.030153...
        double r4 = Math.log(104.0 / 101);  //  0.029270...
        double mean = (r1 + r2 + r3 + r4) / 4;
        double sampleVariance = (sq(r1 - mean) + sq(r2 - mean) + sq(r3 - mean) + sq(r4 - mean)) / 3;
        double expectedSigma = Math.sqrt(sampleVariance) * Math.sqrt(52); // 0.33260259415...

        VolatilityEstimate estimate = WeeklyVolatility.estimate(PriceHistory.parse(SMALL_HISTORY), FROM, TO);

        assertThat(estimate.sigma()).isCloseTo(expectedSigma, within(1e-12));
        assertThat(estimate.sigma()).isCloseTo(0.3326025941511219, within(1e-12));
        assertThat(estimate.weeklyPrices()).isEqualTo(5);
        assertThat(estimate.firstWeekClose()).isEqualTo(LocalDate.of(2025, 1, 10));
        assertThat(estimate.lastWeekClose()).isEqualTo(LocalDate.of(2025, 2, 11));
    }

    @Test
    void anIsoWeekSpanningNewYearGivesOnePrice() {
        // Tue 2024-12-31 and Thu 2025-01-02 are both in the week of Monday 2024-12-30.
        PriceHistory history = PriceHistory.parse("2024-12-24,100\n2024-12-31,110\n2025-01-02,105\n2025-01-09,120");

        VolatilityEstimate estimate = WeeklyVolatility.estimate(history, LocalDate.of(2024, 12, 23), LocalDate.of(2025, 1, 10));

        double r1 = Math.log(105.0 / 100);
        double r2 = Math.log(120.0 / 105);
        double expectedSigma = Math.abs(r1 - r2) / Math.sqrt(2) * Math.sqrt(52); // stdev of two values
        assertThat(estimate.weeklyPrices()).isEqualTo(3);
        assertThat(estimate.sigma()).isCloseTo(expectedSigma, within(1e-12));
    }

    @Test
    void recoversTheVolatilityOfATenYearGeometricBrownianMotion() {
        double sigma = 0.30;
        double dailyStdev = sigma / Math.sqrt(5 * 52); // five trading days a week, 52 weeks a year
        double dailyDrift = 0.05 / (5 * 52);
        Random random = new Random(20150713L);
        StringBuilder csv = new StringBuilder("date,close\n");
        LocalDate day = LocalDate.of(2005, 12, 5);
        LocalDate end = day.plusYears(10);
        double logPrice = Math.log(2000);
        for (; !day.isAfter(end); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            logPrice += dailyDrift + dailyStdev * random.nextGaussian();
            csv.append(day).append(',').append(Math.exp(logPrice)).append('\n');
        }

        VolatilityEstimate estimate = WeeklyVolatility.estimate(
                PriceHistory.parse(csv.toString()), LocalDate.of(2005, 12, 5), end);

        // About 520 weekly returns: the standard error of a sample stdev is about
        // sigma / sqrt(2n) = 0.30 / sqrt(1040) ~ 0.009, so 0.03 is more than 3 standard errors.
        assertThat(estimate.weeklyPrices()).isBetween(521, 523);
        assertThat(estimate.sigma()).isCloseTo(sigma, within(0.03));
    }

    @Test
    void rejectsAPeriodWithTooFewWeeks() {
        // Two weekly prices give one return: no sample standard deviation.
        assertThatExceptionOfType(PriceHistoryException.class)
                .isThrownBy(() -> WeeklyVolatility.estimate(
                        PriceHistory.parse(SMALL_HISTORY), FROM, LocalDate.of(2025, 1, 19)))
                .withMessageStartingWith("too few weeks: 2 weekly price(s) giving 1 return(s)")
                .withMessageContaining("at least 3 weekly prices");
    }

    @Test
    void rejectsAPeriodWithNoTradingDay() {
        assertThatExceptionOfType(PriceHistoryException.class)
                .isThrownBy(() -> WeeklyVolatility.estimate(
                        PriceHistory.parse(SMALL_HISTORY), LocalDate.of(2025, 1, 20), LocalDate.of(2025, 1, 26)))
                .withMessage("empty period: no trading day between 2025-01-20 and 2025-01-26");
    }

    @Test
    void rejectsAPeriodThatEndsBeforeItStarts() {
        assertThatExceptionOfType(PriceHistoryException.class)
                .isThrownBy(() -> WeeklyVolatility.estimate(PriceHistory.parse(SMALL_HISTORY), TO, FROM))
                .withMessageContaining("after it ends");
    }

    private static double sq(double x) {
        return x * x;
    }
}
