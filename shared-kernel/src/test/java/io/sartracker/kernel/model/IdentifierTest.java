package io.sartracker.kernel.model;

import org.junit.jupiter.api.Test;

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
}
