package io.sartracker.query.store;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The array literals {@link ColumnArrays} sends PostgreSQL read back as the values they were made of, whatever the
 * text holds: quotes, backslashes, braces, commas, blanks, the word NULL, Japanese, JSON, nothing at all.
 */
class ColumnArraysTest {
    private static final Function<String, Object> AS_IS = value -> value;

    @Test
    void everyValueReadsBackFromPostgreSQLAsItWas() {
        JdbcTemplate jdbc = MigratedDatabase.of(MigratedDatabase.POSTGRESQL);
        List<String> values = new ArrayList<>(Arrays.asList("", "NULL", "null", "a\"b", "\"", "\\", "back\\slash\\",
                "\\\"", "{braces}", "comma,separated", " leading", "trailing ", "tab\tand\nnewline", "日本語の理由",
                "{\"holderId\":\"H1\",\"exercises\":[{\"date\":\"2021-03-31\",\"note\":\"say \\\"hi\\\"\"}]}",
                "\ud83d\ude00", "2021-06-30 09:00:00.123", null, "'single'", "a\\\\b"));
        Random random = new Random(20261129);
        String alphabet = "ab\"\\{},' \tNUL日";
        for (int i = 0; i < 200; i++) {
            StringBuilder text = new StringBuilder();
            for (int c = random.nextInt(12); c > 0; c--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            values.add(text.toString());
        }
        List<String> read = jdbc.queryForList("select v from " + ColumnArrays.unnest(1) + " with ordinality as t(v, n)"
                + " order by n", String.class, ColumnArrays.literal(values, AS_IS));
        assertThat(read).containsExactlyElementsOf(values);
        assertThat(jdbc.queryForList("select v from " + ColumnArrays.unnest(1) + " as t(v)", String.class,
                ColumnArrays.literal(List.<String>of(), AS_IS))).isEmpty();
    }

    @Test
    void theLiteralQuotesEveryValueAndEscapesOnlyQuotesAndBackslashes() {
        assertThat(ColumnArrays.literal(Arrays.asList("a", null, "b\"c\\d", ""), AS_IS))
                .isEqualTo("{\"a\",NULL,\"b\\\"c\\\\d\",\"\"}");
    }
}
