package io.sartracker.command.valuation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlackScholesTest {

    private static final String VECTORS = "/black-scholes-vectors.csv";

    @Test
    void matchesEveryPublishedVector() throws IOException {
        List<String> lines = readVectors();
        // The first line names the source of the figures; keep it with them.
        assertThat(lines.get(0)).startsWith("# Haug").contains("QuantLib");
        assertThat(lines.get(1)).isEqualTo("type,strike,spot,dividend_yield,rate,years,volatility,value");
        List<String> rows = lines.subList(2, lines.size()).stream().filter(l -> !l.isBlank()).toList();
        assertThat(rows).hasSize(6);

        for (String row : rows) {
            String[] f = row.split(",");
            OptionInputs in = new OptionInputs(
                    Double.parseDouble(f[2]), Double.parseDouble(f[1]), Double.parseDouble(f[6]),
                    Double.parseDouble(f[4]), Double.parseDouble(f[3]), Double.parseDouble(f[5]));
            double price = switch (f[0]) {
                case "call" -> BlackScholes.call(in);
                case "put" -> BlackScholes.put(in);
                default -> throw new IllegalStateException("unknown option type in " + row);
            };
            assertThat(price).as(row).isCloseTo(Double.parseDouble(f[7]), within(1e-4));
        }
    }

    @Test
    void normalCdfIsAccurateToMachinePrecision() {
        assertThat(BlackScholes.normalCdf(0)).isCloseTo(0.5, within(1e-15));
        assertThat(BlackScholes.normalCdf(1.959963984540054)).isCloseTo(0.975, within(1e-15));
        assertThat(BlackScholes.normalCdf(-1)).isCloseTo(0.15865525393145707, within(1e-15));
    }

    // The shape of the real series: X = 1 yen against S in the thousands, T = 15 years.
    private static OptionInputs oneYenStrike(double riskFreeRate) {
        return new OptionInputs(2200, 1, 0.40, riskFreeRate, 0.01, 15);
    }

    @Test
    void oneYenStrikeIsWorthAlmostTheDiscountedShareLessTheDiscountedYen() {
        OptionInputs in = oneYenStrike(0.01);
        double intrinsic = 2200 * Math.exp(-0.01 * 15) - Math.exp(-0.01 * 15);

        // d1 is about 5.7, so both N(d1) and N(d2) are within 1e-4 of 1.
        assertThat(BlackScholes.d1(in)).isGreaterThan(5);
        assertThat(BlackScholes.call(in)).isCloseTo(intrinsic, within(intrinsic * 1e-6));
    }

    @Test
    void oneYenStrikeAmountPerRightOf200SharesIsRoundedUp() {
        // C = 1892.69684315..., x 200 = 378539.368...; cross-checked with an independent erfc-based computation.
        assertThat(AllotmentAmount.perRight(BlackScholes.call(oneYenStrike(0.01)), 200)).isEqualTo(378_540L);
    }

    @Test
    void negativeRateIsAcceptedAndLowersTheCallPrice() {
        // C ~ S e^(-qT) - X e^(-rT): a negative r makes e^(-rT) > 1, so more is subtracted and C falls
        // (a call's rho is positive), here by about e^(0.015) - e^(-0.15) ~ 0.154 yen per share.
        double atNegativeRate = BlackScholes.call(oneYenStrike(-0.001));
        double atPositiveRate = BlackScholes.call(oneYenStrike(0.01));

        assertThat(atNegativeRate).isLessThan(atPositiveRate);
        assertThat(atPositiveRate - atNegativeRate).isCloseTo(Math.exp(0.015) - Math.exp(-0.15), within(1e-4));
    }

    @Test
    void rejectsInputsOutsideTheirDomainNamingTheField() {
        assertRejected("spot", () -> new OptionInputs(0, 1, 0.4, 0.01, 0.01, 15));
        assertRejected("spot", () -> new OptionInputs(-2200, 1, 0.4, 0.01, 0.01, 15));
        assertRejected("strike", () -> new OptionInputs(2200, 0, 0.4, 0.01, 0.01, 15));
        assertRejected("volatility", () -> new OptionInputs(2200, 1, 0, 0.01, 0.01, 15));
        assertRejected("volatility", () -> new OptionInputs(2200, 1, -0.4, 0.01, 0.01, 15));
        assertRejected("years", () -> new OptionInputs(2200, 1, 0.4, 0.01, 0.01, 0));
        assertRejected("years", () -> new OptionInputs(2200, 1, 0.4, 0.01, 0.01, -15));
        assertRejected("dividendYield", () -> new OptionInputs(2200, 1, 0.4, 0.01, -0.01, 15));
        assertRejected("riskFreeRate", () -> new OptionInputs(2200, 1, 0.4, Double.NaN, 0.01, 15));
        assertRejected("spot", () -> new OptionInputs(Double.POSITIVE_INFINITY, 1, 0.4, 0.01, 0.01, 15));
    }

    static void assertRejected(String field, Runnable construction) {
        assertThatExceptionOfType(ValuationInputException.class)
                .isThrownBy(construction::run)
                .satisfies(e -> assertThat(e.field()).isEqualTo(field))
                .withMessageStartingWith(field + ": ");
    }

    private static List<String> readVectors() throws IOException {
        try (InputStream stream = BlackScholesTest.class.getResourceAsStream(VECTORS)) {
            assertThat(stream).as("classpath resource " + VECTORS).isNotNull();
            return new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8)).lines().toList();
        }
    }
}
