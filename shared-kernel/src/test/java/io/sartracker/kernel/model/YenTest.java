package io.sartracker.kernel.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RULES.md 6: capital stock is half of the limit, rounded up to the yen; the reserve is the rest. */
class YenTest {

    @Test
    void rulesExampleLimit300600GivesCapitalStock150300AndReserve150300() {
        Yen limit = Yen.of(300_600);
        Yen capitalStock = limit.halfRoundedUp();
        assertThat(capitalStock).isEqualTo(Yen.of(150_300));
        assertThat(limit.minus(capitalStock)).isEqualTo(Yen.of(150_300));
    }

    @Test
    void rulesExampleLimit300601GivesCapitalStock150301AndReserve150300() {
        Yen limit = Yen.of(300_601);
        Yen capitalStock = limit.halfRoundedUp();
        assertThat(capitalStock).isEqualTo(Yen.of(150_301));
        assertThat(limit.minus(capitalStock)).isEqualTo(Yen.of(150_300));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 1", "2, 1", "201, 101", "24000, 12000"})
    void halfRoundedUp(long amount, long half) {
        assertThat(Yen.of(amount).halfRoundedUp()).isEqualTo(Yen.of(half));
    }

    @Test
    void theRulesExampleLimitIsPaidInPlusTheBookValueOfTheRights() {
        // 3 rights of 200 shares at 1 yen, allotment amount 100,000 yen per right
        Yen paidIn = Yen.of(1).times(3 * 200);
        Yen bookValue = Yen.of(100_000).times(3);
        assertThat(paidIn.plus(bookValue)).isEqualTo(Yen.of(300_600));
    }

    @Test
    void yenAreNeverNegative() {
        assertThatThrownBy(() -> Yen.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Yen.of(1).minus(Yen.of(2))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overflowIsAnErrorNotAWrapAround() {
        assertThatThrownBy(() -> Yen.of(Long.MAX_VALUE).plus(Yen.of(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Yen.of(Long.MAX_VALUE).times(2)).isInstanceOf(ArithmeticException.class);
    }
}
