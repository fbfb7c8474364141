package io.sartracker.kernel.model;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdentifierTest {

    @Test
    void identifiersAreShortAndPlain() {
        assertThat(SeriesId.of(" IIJ-SAR-5 ").value()).isEqualTo("IIJ-SAR-5");
        assertThat(HolderId.of("emp:000123").value()).isEqualTo("emp:000123");
        assertThat(IssuerId.of("x".repeat(64)).value()).hasSize(64);
    }

    @Test
    void longOrOddIdentifiersAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> SeriesId.of("x".repeat(65)))
                .withMessageContaining("seriesId must be 1 to 64");
        assertThatIllegalArgumentException().isThrownBy(() -> HolderId.of("a b"));
        assertThatIllegalArgumentException().isThrownBy(() -> HolderId.of("山田"));
        assertThatIllegalArgumentException().isThrownBy(() -> IssuerId.of("a/b"));
        assertThatIllegalArgumentException().isThrownBy(() -> IssuerId.of(" "));
    }

    @Test
    void theCheckAcceptsExactlyWhatTheRuleSpells() {
        Pattern rule = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
        String allowed = "abcxyzABCXYZ0189._:-";
        String odd = "/ \t\"'%山\u00e9\u0130\u212a\ud83d\ude00";
        Random random = new Random(20261129);
        int accepted = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(68);
            for (int c = 0; c < length; c++) {
                int pick = random.nextInt(200);
                text.append(pick == 0 ? odd.charAt(random.nextInt(odd.length())) : pick == 1 ? (char) random.nextInt(65_536)
                        : allowed.charAt(random.nextInt(allowed.length())));
            }
            String candidate = text.toString();
            boolean matches = rule.matcher(candidate).matches();
            assertThat(Require.isIdentifier(candidate)).as(candidate).isEqualTo(matches);
            accepted += matches ? 1 : 0;
        }
        assertThat(accepted).as("both kinds of text tried").isBetween(10_000, 90_000);
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String one = String.valueOf(c);
            assertThat(Require.isIdentifier(one)).as("U+%04X", (int) c).isEqualTo(rule.matcher(one).matches());
        }
    }
}
