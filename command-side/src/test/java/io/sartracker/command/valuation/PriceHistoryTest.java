package io.sartracker.command.valuation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceHistoryTest {

    @Test
    void readsRowsWithOrWithoutAHeaderSkippingBlankLines() {
        PriceHistory withHeader = PriceHistory.parse("date,close\n2015-07-13,2244.5\n\n2015-07-10,2230\n");
        PriceHistory withoutHeader = PriceHistory.parse("2015-07-13,2244.5\r\n2015-07-10,2230");

        assertThat(withHeader.closes()).containsExactly(
                entry("2015-07-10", "2230"), entry("2015-07-13", "2244.5"));
        assertThat(withoutHeader.closes()).isEqualTo(withHeader.closes());
    }

    @Test
    void rejectsAnUnparseableDate() {
        assertBadRow("date,close\n2015-07-10,2230\n\n2015-13-01,2244", "line 4: unparseable date '2015-13-01'");
    }

    @Test
    void rejectsAnUnparseablePrice() {
        assertBadRow("2015-07-10,2230\n2015-07-13,22x4", "line 2: unparseable price '22x4'");
    }

    @Test
    void rejectsANonPositivePrice() {
        assertBadRow("2015-07-10,2230\n2015-07-13,0", "line 2: non-positive price 0");
        assertBadRow("2015-07-10,-2230", "line 1: non-positive price -2230");
    }

    @Test
    void rejectsADuplicateDate() {
        assertBadRow("date,close\n2015-07-10,2230\n2015-07-13,2244\n2015-07-10,2231",
                "line 4: duplicate date 2015-07-10 (already on line 2)");
    }

    @Test
    void rejectsAWrongNumberOfColumns() {
        assertBadRow("2015-07-10,2230\n2015-07-13", "line 2: wrong number of columns");
        assertBadRow("2015-07-10,2230,extra", "line 1: wrong number of columns");
        assertBadRow("2015-07-10,2230\n2015-07-13,2244,", "line 2: wrong number of columns");
    }

    private static void assertBadRow(String csv, String expectedMessageStart) {
        assertThatExceptionOfType(PriceHistoryException.class)
                .isThrownBy(() -> PriceHistory.parse(csv))
                .withMessageStartingWith(expectedMessageStart);
    }

    private static Map.Entry<LocalDate, BigDecimal> entry(String date, String close) {
        return Map.entry(LocalDate.parse(date), new BigDecimal(close));
    }
}
