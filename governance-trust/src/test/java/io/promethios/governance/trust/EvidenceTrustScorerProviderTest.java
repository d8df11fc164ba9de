package io.promethios.governance.trust;

import io.promethios.governance.core.spi.ProviderConfig;
import io.promethios.governance.core.spi.TrustScorer;
import io.promethios.governance.core.spi.TrustScorerProvider;
import io.promethios.governance.core.trust.SubjectKind;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvidenceTrustScorerProviderTest {

    @Test
    void isRegisteredAndConfiguredFromProperties() {
        TrustScorerProvider provider = ServiceLoader.load(TrustScorerProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("evidence")).findFirst().orElseThrow();
        TrustScorer scorer = provider.create(ProviderConfig.of(Map.of("trust.forgetting.user", "0.5")));
        assertThat(scorer).isInstanceOf(EvidenceTrustScorer.class);
        assertThat(((EvidenceTrustScorer) scorer).config().forgettingFactor(SubjectKind.USER)).isEqualTo(0.5);
        assertThatThrownBy(() -> provider.create(ProviderConfig.of(Map.of("trust.weight.praise", "1"))))
                .hasMessageContaining("unknown evidence kind 'praise'");
    }
}
