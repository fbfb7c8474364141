package io.sartracker.command.valuation;

import static io.sartracker.command.valuation.BlackScholesTest.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DividendYieldTest {

    @Test
    void isTheDividendPerShareOverTheSharePrice() {
        assertThat(DividendYield.of(new BigDecimal("22"), new BigDecimal("2200"))).isEqualTo(0.01);
        assertThat(DividendYield.of(new BigDecimal("13.50"), new BigDecimal("2250"))).isEqualTo(0.006);
        assertThat(DividendYield.of(BigDecimal.ZERO, new BigDecimal("2200"))).isZero();
    }

    @Test
    void rejectsANegativeDividendOrANonPositivePrice() {
        assertRejected("dividendPerShare", () -> DividendYield.of(new BigDecimal("-1"), new BigDecimal("2200")));
        assertRejected("spot", () -> DividendYield.of(new BigDecimal("22"), BigDecimal.ZERO));
        assertRejected("spot", () -> DividendYield.of(new BigDecimal("22"), new BigDecimal("-2200")));
    }
}
