package io.sartracker.kernel.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RULES.md 7: a ratio is an exact fraction, applied by rounding down. */
class RatioTest {

    @Test
    void aRatioIsKeptInLowestTerms() {
        Ratio ratio = Ratio.of(6, 4);
        assertThat(ratio.numerator()).isEqualTo(3);
        assertThat(ratio.denominator()).isEqualTo(2);
        assertThat(ratio).isEqualTo(Ratio.of(3, 2));
        assertThat(Ratio.of(10, 100)).isEqualTo(Ratio.of(1, 10));
        assertThat(Ratio.of(4, 2)).hasToString("2/1");
    }

    @Test
    void parsesTheWrittenForm() {
        assertThat(Ratio.parse("3/2")).isEqualTo(Ratio.of(3, 2));
        assertThat(Ratio.parse(" 1 / 10 ")).isEqualTo(Ratio.of(1, 10));
        assertThat(Ratio.parse("2")).isEqualTo(Ratio.of(2, 1));
        assertThat(Ratio.parse(Ratio.of(3, 2).toString())).isEqualTo(Ratio.of(3, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "3/", "/2", "a/b", "0/1", "1/0", "-1/2", " "})
    void rejectsWhatIsNotAPositiveFractionOfWholeNumbers(String text) {
        assertThatThrownBy(() -> Ratio.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
            "200, 1, 3, 66",
            "200, 2, 1, 400",
            "200, 3, 2, 300",
            "66, 3, 1, 198",
            "200, 3, 7, 85",
            "201, 1, 2, 100",
            "800, 1, 10, 80"})
    void appliesRoundingDown(long value, long numerator, long denominator, long expected) {
        assertThat(Ratio.of(numerator, denominator).applyRoundingDown(value)).isEqualTo(expected);
    }

    @Test
    void appliesExactlyWithoutIntermediateOverflow() {
        assertThat(Ratio.of(3, 7).applyRoundingDown(Long.MAX_VALUE / 2)).isEqualTo(
                java.math.BigInteger.valueOf(Long.MAX_VALUE / 2).multiply(java.math.BigInteger.valueOf(3))
                        .divide(java.math.BigInteger.valueOf(7)).longValueExact());
    }

    @Test
    void comparesWithOne() {
        assertThat(Ratio.of(2, 1).isGreaterThanOne()).isTrue();
        assertThat(Ratio.of(1, 1).isGreaterThanOne()).isFalse();
        assertThat(Ratio.of(1, 1).isLessThanOne()).isFalse();
        assertThat(Ratio.of(1, 3).isLessThanOne()).isTrue();
    }

    @Test
    void sharesPerRightAdjustedByARatioAreRoundedDown() {
        assertThat(SharesPerRight.of(200).adjustedBy(Ratio.of(1, 3))).isEqualTo(SharesPerRight.of(66));
        assertThat(SharesPerRight.of(66).sharesFor(Rights.of(3))).isEqualTo(198);
    }
}
