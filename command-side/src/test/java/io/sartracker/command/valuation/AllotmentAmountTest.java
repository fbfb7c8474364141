package io.sartracker.command.valuation;

import static io.sartracker.command.valuation.BlackScholesTest.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AllotmentAmountTest {

    @Test
    void roundsUpEvenATenThousandthOfAYenAboveAWholeYen() {
        // 1720.0000005 x 200 = 344000.0001 (give or take the double's last bit): still rounds up.
        assertThat(AllotmentAmount.perRight(1720.0000005, 200)).isEqualTo(344_001L);
    }

    @Test
    void justBelowAWholeYenRoundsUpToIt() {
        assertThat(AllotmentAmount.perRight(1719.9999995, 200)).isEqualTo(344_000L);
    }

    @Test
    void anExactlyWholeAmountStaysWhole() {
        // 1720.5 is exact in binary, so 1720.5 x 200 is exactly 344100.
        assertThat(AllotmentAmount.perRight(1720.5, 200)).isEqualTo(344_100L);
        assertThat(AllotmentAmount.perRight(1720.0, 200)).isEqualTo(344_000L);
    }

    @Test
    void rejectsAnUnusablePriceOrShareCount() {
        assertRejected("callPricePerShare", () -> AllotmentAmount.perRight(-0.01, 200));
        assertRejected("callPricePerShare", () -> AllotmentAmount.perRight(Double.NaN, 200));
        assertRejected("sharesPerRight", () -> AllotmentAmount.perRight(1720, 0));
    }
}
