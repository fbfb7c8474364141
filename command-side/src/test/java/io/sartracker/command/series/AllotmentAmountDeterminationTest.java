package io.sartracker.command.series;

import io.sartracker.command.valuation.AllotmentValuation;
import io.sartracker.kernel.command.CorrectAllotmentAmount;
import io.sartracker.kernel.command.DetermineAllotmentAmount;
import io.sartracker.kernel.event.AllotmentAmountCorrected;
import io.sartracker.kernel.event.AllotmentAmountDetermined;
import io.sartracker.kernel.event.RightsExercised;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.model.Yen;
import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.valuation.Valuation;
import io.sartracker.kernel.valuation.ValuationInputs;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.sartracker.command.series.FifthSeries.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RULES.md 8 as the aggregate records it: the allotment amount per right is fixed by the valuation
 * before the allotment, kept with its inputs, and used as the book value of every exercise (6).
 * The valuation maths itself is tested in the valuation package.
 */
class AllotmentAmountDeterminationTest {
    private static final ValuationInputs INPUTS = new ValuationInputs(new BigDecimal("501"), new BigDecimal("15"),
            new BigDecimal("0.012"), null, new BigDecimal("16.5"), new BigDecimal("0.35"), null);
    private static final ValuationInputs CORRECTED_INPUTS = new ValuationInputs(new BigDecimal("510"),
            new BigDecimal("15"), new BigDecimal("0.012"), null, new BigDecimal("16.5"), new BigDecimal("0.35"), null);

    private AggregateTestFixture<StockAcquisitionRight> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    /** The valuation with the series' own figures: strike 1 yen, 200 shares per right. */
    private static Valuation valuation(ValuationInputs inputs) {
        return AllotmentValuation.value(ALLOTMENT_DATE, inputs, BigDecimal.ONE, SharesPerRight.of(200));
    }

    private static DetermineAllotmentAmount determine(String determinationDate) {
        return new DetermineAllotmentAmount(S, day(determinationDate), ALLOTMENT_DATE, INPUTS);
    }

    @Test
    void theAmountIsDeterminedWithTheSeriesStrikeAndSharesPerRightAndRecordedWithItsInputs() {
        Valuation expected = valuation(INPUTS);
        assertThat(expected.amountPerRight().amount())
                .isEqualTo((long) Math.ceil(expected.optionPricePerShare() * 200));

        fixture.givenCommands(issue())
                .when(determine("2015-07-13"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AllotmentAmountDetermined(S, ALLOTMENT_DATE, expected));
    }

    @Test
    void anExerciseUsesTheDeterminedAmountAsTheBookValueOfItsRights() {
        Yen perRight = valuation(INPUTS).amountPerRight();
        Yen limit = Yen.of(400).plus(perRight.times(2));
        fixture.givenCommands(issue(), determine("2015-07-13"), director(D01, 30), departure(D01, "2020-06-25"))
                .when(exercise(D01, "2020-06-30", 2))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RightsExercised(S, D01, D01, day("2020-06-30"),
                        Rights.of(2), SharesPerRight.of(200), 400, Yen.of(1), Yen.of(400),
                        perRight, perRight.times(2), limit, limit.halfRoundedUp(), limit.minus(limit.halfRoundedUp()), true));
    }

    @Test
    void aSecondDeterminationIsRejected() {
        fixture.givenCommands(issue(), determine("2015-07-10"))
                .when(determine("2015-07-13"))
                .expectNoEvents()
                .expectException(violation(RuleCode.ALLOTMENT_AMOUNT_ALREADY_DETERMINED)
                        .with("amountPerRight", valuation(INPUTS).amountPerRight()));
    }

    @Test
    void aDeterminationAfterTheAllotmentDateIsRejected() {
        fixture.givenCommands(issue())
                .when(determine("2015-07-14"))
                .expectNoEvents()
                .expectException(violation(RuleCode.VALUATION_AFTER_ALLOTMENT)
                        .with("determinationDate", day("2015-07-14"))
                        .with("allotmentDate", ALLOTMENT_DATE));
    }

    @Test
    void aValuationThatCannotBeComputedIsRejected() {
        ValuationInputs noSpot = new ValuationInputs(BigDecimal.ZERO, new BigDecimal("15"), new BigDecimal("0.012"),
                null, new BigDecimal("16.5"), new BigDecimal("0.35"), null);
        fixture.givenCommands(issue())
                .when(new DetermineAllotmentAmount(S, ALLOTMENT_DATE, ALLOTMENT_DATE, noSpot))
                .expectNoEvents()
                .expectException(violation(RuleCode.INVALID_VALUATION_INPUT).with("valuationDate", ALLOTMENT_DATE));
    }

    @Test
    void aRecordedAmountIsCorrectedWithTheReasonAndThePreviousAmount() {
        fixture.givenCommands(issue(), determine("2015-07-13"), director(D01, 30))
                .when(new CorrectAllotmentAmount(S, day("2015-08-01"), ALLOTMENT_DATE, CORRECTED_INPUTS,
                        "wrong closing price"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AllotmentAmountCorrected(S, day("2015-08-01"), valuation(CORRECTED_INPUTS),
                        valuation(INPUTS).amountPerRight(), "wrong closing price"));
    }

    @Test
    void aCorrectionWithoutARecordedAmountIsRejected() {
        fixture.givenCommands(issue())
                .when(new CorrectAllotmentAmount(S, day("2015-08-01"), ALLOTMENT_DATE, CORRECTED_INPUTS, "typo"))
                .expectNoEvents()
                .expectException(violation(RuleCode.NO_ALLOTMENT_AMOUNT).with("seriesId", S));
    }

    @Test
    void aCorrectionAfterAnExerciseUsedTheAmountIsRejected() {
        fixture.givenCommands(issue(), determine("2015-07-13"), director(D01, 30), departure(D01, "2020-06-25"),
                        exercise(D01, "2020-06-30", 1))
                .when(new CorrectAllotmentAmount(S, day("2020-07-01"), ALLOTMENT_DATE, CORRECTED_INPUTS, "typo"))
                .expectNoEvents()
                .expectException(violation(RuleCode.LATER_FACT_RECORDED)
                        .with("exerciseHolderId", D01)
                        .with("exerciseDate", day("2020-06-30")));
    }
}
