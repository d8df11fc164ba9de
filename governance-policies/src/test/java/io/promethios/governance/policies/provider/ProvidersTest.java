package io.promethios.governance.policies.provider;

import io.promethios.governance.core.spi.Policy;
import io.promethios.governance.core.spi.PolicyProvider;
import io.promethios.governance.core.spi.ProviderConfig;
import io.promethios.governance.policies.Action;
import io.promethios.governance.policies.DetectorPolicy;
import io.promethios.governance.policies.Policies;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The registered providers give the same policies as {@link Policies#defaults()}. */
class ProvidersTest {

    private static List<PolicyProvider> providers() {
        return ServiceLoader.load(PolicyProvider.class).stream().map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparingInt(PolicyProvider::order)).toList();
    }

    @Test
    void registeredDetectorPoliciesMatchTheDefaultSet() {
        List<PolicyProvider> ps = providers();
        assertThat(ps).extracting(PolicyProvider::name)
                .containsExactly("secrets", "pii", "injection", "injection-warn", "harmful", "harmful-warn", "policy-documents");
        List<String> fromProviders = ps.stream().filter(p -> !p.name().equals("policy-documents"))
                .map(p -> p.create(ProviderConfig.empty())).map(Policy::id).toList();
        assertThat(fromProviders).containsExactlyElementsOf(Policies.defaults().stream().map(Policy::id).toList());
    }

    @Test
    void harmfulWarnWarnsAtMediumOverTheHarmfulDetector() {
        PolicyProvider p = new HarmfulWarnPolicyProvider();
        DetectorPolicy policy = (DetectorPolicy) p.create(ProviderConfig.empty());
        assertThat(policy.id()).isEqualTo("harmful-warn");
        assertThat(policy.action()).isEqualTo(Action.WARN);
        assertThat(policy.detector().name()).isEqualTo("harmful");
        DetectorPolicy blocking = (DetectorPolicy) p.create(ProviderConfig.of(Map.of("harmful-warn.action", "block")));
        assertThat(blocking.action()).isEqualTo(Action.BLOCK);
    }

    @Test
    void injectionWarnWarnsAtLowOverTheInjectionDetector() {
        DetectorPolicy policy = (DetectorPolicy) new InjectionWarnPolicyProvider().create(ProviderConfig.empty());
        assertThat(policy.id()).isEqualTo("injection-warn");
        assertThat(policy.action()).isEqualTo(Action.WARN);
        assertThat(policy.detector().name()).isEqualTo("injection");
    }
}
