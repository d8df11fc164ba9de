package io.promethios.governance.trust;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustBandsTest {

    @Test
    void defaultBands() {
        TrustBands b = TrustBands.ofDefaults();
        assertThat(b.bandOf(0.0).name()).isEqualTo("LOW");
        assertThat(b.bandOf(0.3999).name()).isEqualTo("LOW");
        assertThat(b.bandOf(0.4).name()).isEqualTo("MEDIUM");
        assertThat(b.bandOf(0.5).name()).isEqualTo("MEDIUM");
        assertThat(b.bandOf(0.7).name()).isEqualTo("HIGH");
        assertThat(b.bandOf(1.0).name()).isEqualTo("HIGH");
        assertThat(b.lowest().isLowest()).isTrue();
        assertThat(b.highest().contains(1.0)).isTrue();
        assertThat(b.names()).containsExactly("LOW", "MEDIUM", "HIGH");
    }

    @Test
    void customBands() {
        TrustBands b = TrustBands.of(List.of("RED", "AMBER", "GREEN", "GOLD"), 0.2, 0.5, 0.9);
        assertThat(b.bandOf(0.95).name()).isEqualTo("GOLD");
        assertThat(b.bandOf(0.25).rank()).isEqualTo(1);
        assertThat(b.require("GREEN").lowerBound()).isEqualTo(0.5);
    }

    @Test
    void badBandsAreRejected() {
        assertThatThrownBy(() -> TrustBands.of(0.7, 0.4)).hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> TrustBands.of(0, 0.4)).hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> TrustBands.of(0.4, 1)).hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> TrustBands.of(Double.NaN, 0.5)).hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> TrustBands.of(List.of("A", "B"), 0.3, 0.6)).hasMessageContaining("one more band name");
        assertThatThrownBy(() -> TrustBands.of(List.of("A", "A"), 0.3)).hasMessageContaining("distinct");
        assertThatThrownBy(() -> TrustBands.ofDefaults().bandOf(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustBands.ofDefaults().require("CRITICAL"))
                .hasMessage("unknown trust band 'CRITICAL'; known: [LOW, MEDIUM, HIGH]");
    }
}
