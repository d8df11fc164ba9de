package io.promethios.governance.trust;

import io.promethios.governance.core.trust.EvidenceKind;
import io.promethios.governance.core.trust.SubjectKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustConfigTest {

    @Test
    void defaultsAreDocumentedValues() {
        TrustConfig c = TrustConfig.ofDefaults();
        assertThat(c.halfLife(SubjectKind.USER)).isEqualTo(Duration.ofDays(7));
        assertThat(c.halfLife(SubjectKind.CONVERSATION)).isEqualTo(Duration.ofHours(1));
        assertThat(c.forgettingFactor(SubjectKind.USER)).isEqualTo(TrustConfig.DEFAULT_USER_FORGETTING);
        assertThat(c.kindWeight(EvidenceKind.POLICY_VIOLATION)).isEqualTo(1.0);
        assertThat(c.systemWindowSize()).isEqualTo(1000);
        for (EvidenceKind k : EvidenceKind.values()) {
            assertThat(TrustConfig.DEFAULT_KIND_WEIGHTS).containsKey(k);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.1})
    void badKindWeightIsRejected(double w) {
        assertThatThrownBy(() -> TrustConfig.custom().kindWeight(EvidenceKind.CLEAN_TURN, w))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weight of CLEAN_TURN must be finite and >= 0, but was " + w);
    }

    @Test
    void zeroWeightIsAllowedAndIgnoresTheKind() {
        assertThat(TrustConfig.custom().kindWeight("feedback-positive", 0).build().kindWeight(EvidenceKind.FEEDBACK_POSITIVE))
                .isZero();
    }

    @Test
    void zeroOrNegativeHalfLifeIsRejected() {
        assertThatThrownBy(() -> TrustConfig.custom().halfLife(SubjectKind.USER, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("halfLife of USER must be > 0, but was PT0S");
        assertThatThrownBy(() -> TrustConfig.custom().halfLife(SubjectKind.AGENT, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be > 0");
    }

    @Test
    void systemHasNoHalfLife() {
        assertThatThrownBy(() -> TrustConfig.custom().halfLife(SubjectKind.SYSTEM, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sliding window");
        assertThatThrownBy(() -> TrustConfig.ofDefaults().halfLife(SubjectKind.SYSTEM))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownSubjectKindNameListsKnownOnes() {
        assertThatThrownBy(() -> TrustConfig.custom().halfLife("tenant", Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown subject kind 'tenant'; known: [USER, AGENT, CONVERSATION, SYSTEM]");
        assertThat(TrustConfig.custom().halfLife("user", Duration.ofHours(2)).build().halfLife(SubjectKind.USER))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void unknownEvidenceKindNameListsKnownOnes() {
        assertThatThrownBy(() -> TrustConfig.custom().kindWeight("praise", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown evidence kind 'praise'; known: [CLEAN_TURN, POLICY_VIOLATION");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.5, 1.01, Double.NaN})
    void forgettingFactorOutsideUnitIntervalIsRejected(double f) {
        assertThatThrownBy(() -> TrustConfig.custom().forgettingFactor(SubjectKind.USER, f))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(0,1]");
    }

    @Test
    void otherBadValuesAreRejected() {
        assertThatThrownBy(() -> TrustConfig.custom().trendSmoothing(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustConfig.custom().systemWindowSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustConfig.custom().systemWindowDuration(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustConfig.custom().systemErrorImpact(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustConfig.custom().maximumSubjects(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fromPropertiesReadsEveryKey() {
        TrustConfig c = TrustConfig.fromProperties(Map.of(
                "trust.half-life.conversation", "PT30M",
                "trust.forgetting.user", "0.7",
                "trust.weight.policy_violation", "2.5",
                "trust.trend-smoothing", "0.5",
                "trust.system.window-size", "50",
                "trust.system.window-duration", "PT1M",
                "other.key", "ignored"));
        assertThat(c.halfLife(SubjectKind.CONVERSATION)).isEqualTo(Duration.ofMinutes(30));
        assertThat(c.forgettingFactor(SubjectKind.USER)).isEqualTo(0.7);
        assertThat(c.kindWeight(EvidenceKind.POLICY_VIOLATION)).isEqualTo(2.5);
        assertThat(c.trendSmoothing()).isEqualTo(0.5);
        assertThat(c.systemWindowSize()).isEqualTo(50);
        assertThat(c.systemWindowDuration()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void fromPropertiesRejectsUnknownKindsKeysAndBadValues() {
        assertThatThrownBy(() -> TrustConfig.fromProperties(Map.of("trust.half-life.robot", "PT1H")))
                .hasMessageContaining("unknown subject kind 'robot'; known: [USER, AGENT, CONVERSATION, SYSTEM]");
        assertThatThrownBy(() -> TrustConfig.fromProperties(Map.of("trust.halflife", "PT1H")))
                .hasMessageContaining("unknown trust property 'trust.halflife'");
        assertThatThrownBy(() -> TrustConfig.fromProperties(Map.of("trust.weight.clean_turn", "NaN")))
                .hasMessageContaining("must be finite and >= 0");
        assertThatThrownBy(() -> TrustConfig.fromProperties(Map.of("trust.half-life.user", "PT0S")))
                .hasMessageContaining("must be > 0");
        assertThatThrownBy(() -> TrustConfig.fromProperties(Map.of("trust.half-life.user", "7 days")))
                .hasMessageContaining("bad value '7 days'");
    }

    @Test
    void fromCopiesABaseConfig() {
        TrustConfig base = TrustConfig.custom().trendSmoothing(0.9).build();
        assertThat(TrustConfig.from(base).build().trendSmoothing()).isEqualTo(0.9);
    }
}
