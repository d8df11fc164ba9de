package io.promethios.governance.core;

import io.promethios.governance.core.session.ChatSession;
import io.promethios.governance.core.spi.Policy;
import io.promethios.governance.core.spi.PolicyContext;
import io.promethios.governance.core.trust.EvidenceKind;
import io.promethios.governance.core.trust.SubjectKind;
import io.promethios.governance.core.trust.TrustChange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** A policy's risk estimate on an allowed turn: carried by the decision, discounting the clean-turn evidence. */
class RiskEvidenceTest {

    private static Policy allowingWithRisk(String id, double risk, Set<EnforcementPoint> points, boolean evidence) {
        return new Policy() {
            @Override public String id() { return id; }
            @Override public Set<EnforcementPoint> enforcementPoints() { return points; }
            @Override public boolean trustEvidence() { return evidence; }
            @Override public PolicyDecision evaluate(PolicyContext c) { return PolicyDecision.allow(id, risk); }
        };
    }

    @Test
    void riskMustBeAProbability() {
        for (double bad : new double[] {-0.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> PolicyDecision.allow("p", bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("risk").hasMessageContaining("'p'");
        }
        assertThat(PolicyDecision.allow("p").risk()).isZero();
        assertThat(PolicyDecision.block("p", "r", List.of()).risk()).isZero();
    }

    @Test
    void stampingAndTheEightArgumentConstructorKeepOrDefaultTheRisk() {
        PolicyDecision d = PolicyDecision.allow("p", 0.25).stamped("3", EnforcementPoint.INPUT, Duration.ofMillis(1));
        assertThat(d.risk()).isEqualTo(0.25);
        assertThat(d.policyVersion()).isEqualTo("3");
        PolicyDecision legacy = new PolicyDecision(Verdict.ALLOW, "p", "", null, List.of(), List.of(), "", Duration.ZERO);
        assertThat(legacy.risk()).isZero();
    }

    @Test
    void anAllowedTurnEarnsCleanTurnCreditOfOneMinusAQuarterOfTheHighestRiskSquared() {
        GovernancePipeline p = GovernancePipeline.builder().agent(TestAgents.echo())
                .addPolicy(allowingWithRisk("low", 0.1, EnumSet.of(EnforcementPoint.INPUT), true))
                .addPolicy(allowingWithRisk("high", 0.4, EnumSet.of(EnforcementPoint.INPUT), true))
                .addPolicy(allowingWithRisk("derived-from-trust", 0.9, EnumSet.of(EnforcementPoint.INPUT), false))
                .addPolicy(allowingWithRisk("output", 0.3, EnumSet.of(EnforcementPoint.OUTPUT), true))
                .build();
        ChatSession s = p.sessions().create(SessionSpec.forUser("u1"));
        GovernedResponse r = p.chat(ChatRequest.of(s.id(), "hello"));

        assertThat(r.status()).isEqualTo(ContentStatus.DELIVERED);
        assertThat(r.decisions()).filteredOn(d -> d.policyId().equals("high")).singleElement()
                .satisfies(d -> assertThat(d.risk()).isEqualTo(0.4));
        TrustChange user = change(r, SubjectKind.USER);
        assertThat(user.evidence().kind()).isEqualTo(EvidenceKind.CLEAN_TURN);
        assertThat(user.evidence().weight()).isCloseTo(1 - 0.4 * 0.4 / 4, within(1e-12)); // INPUT only; the trust-derived policy does not count
        TrustChange agent = change(r, SubjectKind.AGENT);
        assertThat(agent.evidence().weight()).isCloseTo(1 - 0.3 * 0.3 / 4, within(1e-12)); // OUTPUT only
        TrustChange conversation = change(r, SubjectKind.CONVERSATION);
        assertThat(conversation.evidence().weight()).isCloseTo(1 - 0.4 * 0.4 / 4, within(1e-12)); // the whole turn: the highest risk
        TrustChange system = change(r, SubjectKind.SYSTEM);
        assertThat(system.evidence().weight()).isCloseTo(0.1 * (1 - 0.4 * 0.4 / 4), within(1e-12)); // a tenth of the conversation's

        // the same turn without risk earns full credit, so the suspicious one ends lower
        GovernancePipeline plain = GovernancePipeline.builder().agent(TestAgents.echo()).build();
        ChatSession s2 = plain.sessions().create(SessionSpec.forUser("u2"));
        GovernedResponse r2 = plain.chat(ChatRequest.of(s2.id(), "hello"));
        assertThat(change(r2, SubjectKind.USER).evidence().weight()).isEqualTo(1.0);
        assertThat(change(r2, SubjectKind.USER).after().score()).isGreaterThan(user.after().score());
    }

    @Test
    void evenCertainRiskOnAnAllowedTurnEarnsThreeQuartersOfTheCreditAndIsNotAViolation() {
        GovernancePipeline p = GovernancePipeline.builder().agent(TestAgents.echo())
                .addPolicy(allowingWithRisk("certain", 1.0, EnumSet.of(EnforcementPoint.INPUT), true)).build();
        ChatSession s = p.sessions().create(SessionSpec.forUser("u1"));
        GovernedResponse r = p.chat(ChatRequest.of(s.id(), "hello"));
        assertThat(r.status()).isEqualTo(ContentStatus.DELIVERED);
        assertThat(change(r, SubjectKind.USER).evidence().kind()).isEqualTo(EvidenceKind.CLEAN_TURN);
        assertThat(change(r, SubjectKind.USER).evidence().weight()).isEqualTo(0.75);
        assertThat(change(r, SubjectKind.AGENT).evidence().weight()).isEqualTo(1.0);
    }

    @Test
    void riskDoesNotChangeTheWeightOfAViolation() {
        Policy blocking = new Policy() {
            @Override public String id() { return "blocker"; }
            @Override public PolicyDecision evaluate(PolicyContext c) { return PolicyDecision.block("blocker", "no", List.of()); }
        };
        GovernancePipeline p = GovernancePipeline.builder().agent(TestAgents.echo())
                .addPolicy(allowingWithRisk("risky", 0.5, EnumSet.of(EnforcementPoint.INPUT), true)).addPolicy(blocking).build();
        ChatSession s = p.sessions().create(SessionSpec.forUser("u1"));
        GovernedResponse r = p.chat(ChatRequest.of(s.id(), "hello"));
        TrustChange user = change(r, SubjectKind.USER);
        assertThat(user.evidence().kind()).isEqualTo(EvidenceKind.POLICY_VIOLATION);
        assertThat(user.evidence().weight()).isEqualTo(3.0);
    }

    private static TrustChange change(GovernedResponse r, SubjectKind kind) {
        return r.trustChanges().stream().filter(c -> c.subject().kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void theDiscountIsConfigurableAndZeroTurnsItOff() {
        GovernancePipeline off = GovernancePipeline.builder().agent(TestAgents.echo()).riskDiscount(0.0)
                .addPolicy(allowingWithRisk("risky", 0.8, EnumSet.of(EnforcementPoint.INPUT), true)).build();
        ChatSession s = off.sessions().create(SessionSpec.forUser("u1"));
        assertThat(change(off.chat(ChatRequest.of(s.id(), "hello")), SubjectKind.USER).evidence().weight()).isEqualTo(1.0);

        GovernancePipeline half = GovernancePipeline.builder().agent(TestAgents.echo()).riskDiscount(0.5)
                .addPolicy(allowingWithRisk("risky", 0.8, EnumSet.of(EnforcementPoint.INPUT), true)).build();
        ChatSession s2 = half.sessions().create(SessionSpec.forUser("u2"));
        assertThat(change(half.chat(ChatRequest.of(s2.id(), "hello")), SubjectKind.USER).evidence().weight())
                .isCloseTo(1 - 0.5 * 0.8 * 0.8, within(1e-12));
        // toBuilder keeps it
        GovernancePipeline copy = half.toBuilder().build();
        ChatSession s3 = copy.sessions().create(SessionSpec.forUser("u3"));
        assertThat(change(copy.chat(ChatRequest.of(s3.id(), "hello")), SubjectKind.USER).evidence().weight())
                .isCloseTo(1 - 0.5 * 0.8 * 0.8, within(1e-12));

        for (double bad : new double[] {-0.1, 1.0, Double.NaN}) {
            assertThatThrownBy(() -> GovernancePipeline.builder().riskDiscount(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("riskDiscount must be in [0,1)");
        }
    }
}
