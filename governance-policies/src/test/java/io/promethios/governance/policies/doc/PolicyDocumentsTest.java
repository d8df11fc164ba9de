package io.promethios.governance.policies.doc;

import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.Verdict;
import io.promethios.governance.core.spi.Policy;
import io.promethios.governance.policies.Action;
import io.promethios.governance.policies.Contexts;
import io.promethios.governance.policies.DetectorPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyDocumentsTest {

    private static final String CARDS = """
            {
              "id": "cards",
              "version": "3",
              "enforcementPoints": ["INPUT", "OUTPUT"],
              "scope": { "exemptRoles": ["compliance-officer"] },
              "detector": "pii",
              "parameters": { "entities": ["CREDIT_CARD"] },
              "action": "redact",
              "redaction": "keep-last-4",
              "timeoutMillis": 50,
              "failureMode": "fail-open"
            }
            """;

    private final PolicyDocuments loader = PolicyDocuments.loader();

    @Test
    void loadsAFullDocument() {
        DetectorPolicy p = loader.fromString(CARDS, "cards.json").get(0);
        assertThat(p.id()).isEqualTo("cards");
        assertThat(p.version()).isEqualTo("3");
        assertThat(p.action()).isEqualTo(Action.REDACT);
        assertThat(p.enforcementPoints()).containsExactlyInAnyOrder(EnforcementPoint.INPUT, EnforcementPoint.OUTPUT);
        assertThat(p.timeout()).contains(java.time.Duration.ofMillis(50));
        var d = p.evaluate(Contexts.of("card 4111 1111 1111 1111"));
        assertThat(d.replacements()).extracting(r -> r.text()).containsExactly("**** **** **** 1111");
        assertThat(p.evaluate(Contexts.of("card 4111 1111 1111 1111", Map.of("role", "compliance-officer"), "acme")).verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void loadsArraysAndClasspathResources() {
        assertThat(loader.fromString("[" + CARDS + "," + CARDS.replace("\"cards\"", "\"cards2\"") + "]", "two.json")).hasSize(2);
        assertThat(loader.fromClasspath("policies/test-policy.json")).extracting(DetectorPolicy::id).containsExactly("no-secrets");
    }

    /** Hashing needs a secret salt: the plain loader has none, so a "hash" redaction is an error naming the field. */
    @Test
    void hashRedactionNeedsASalt() {
        assertThatThrownBy(() -> loader.fromString(CARDS.replace("keep-last-4", "hash"), "cards.json"))
                .isInstanceOfSatisfying(PolicyDocumentException.class, e -> assertThat(e.field()).isEqualTo("redaction"))
                .hasMessageContaining("salt");
        DetectorPolicy p = PolicyDocuments.loader(io.promethios.governance.policies.TokenVault.inMemory(100), "s3cret-salt")
                .fromString(CARDS.replace("keep-last-4", "hash"), "cards.json").get(0);
        assertThat(p.evaluate(Contexts.of("card 4111 1111 1111 1111")).replacements()).extracting(r -> r.text())
                .allMatch(t -> t.matches("\\[CREDIT_CARD:[0-9a-f]{12}]"));
    }

    /** Decisions record a policy's id and version: one id twice in an array is an error at the second one. */
    @Test
    void duplicateIdsInOneArrayAreRejected() {
        String two = "[" + CARDS + "," + CARDS.replace("\"3\"", "\"4\"") + "]";
        assertThatThrownBy(() -> loader.fromString(two, "two.json"))
                .isInstanceOfSatisfying(PolicyDocumentException.class, e -> {
                    assertThat(e.field()).isEqualTo("[1].id");
                    assertThat(e.line()).isEqualTo(14); // the second element's "id"
                })
                .hasMessageContaining("duplicate policy id 'cards'").hasMessageContaining("[0]");
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> loader.fromString("{\n  \"id\": \"x\",\n  \"detector\" \"pii\"\n}", "bad.json"))
                .isInstanceOf(PolicyDocumentException.class)
                .hasMessageStartingWith("bad.json:3:")
                .hasMessageContaining("malformed JSON");
    }

    @Test
    void badFieldValuesNameTheField() {
        String doc = CARDS.replace("\"redact\"", "\"redcat\"");
        assertThatThrownBy(() -> loader.fromString(doc, "cards.json"))
                .isInstanceOfSatisfying(PolicyDocumentException.class, e -> {
                    assertThat(e.field()).isEqualTo("action");
                    assertThat(e.line()).isEqualTo(8);
                    assertThat(e.column()).isEqualTo(3);
                })
                .hasMessageContaining("redcat");
    }

    @Test
    void restrictionsDocumentTakesItsSystemPromptAsAParameter() {
        DetectorPolicy p = loader.fromString("""
                {"id": "no-politics", "detector": "restrictions", "action": "block",
                 "parameters": {"systemPrompt": "You are a recipe assistant. Never discuss politics."}}
                """, "own.json").get(0);
        assertThat(p.evaluate(Contexts.of("what do you think about politics?")).verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(p.evaluate(Contexts.of("how long do I boil an egg?")).verdict()).isEqualTo(Verdict.ALLOW);
        assertThatThrownBy(() -> loader.fromString("{\"id\":\"x\",\"detector\":\"restrictions\",\"action\":\"block\"}", "x.json"))
                .hasMessageContaining("x.json").hasMessageContaining("systemPrompt");
    }

    @Test
    void unknownDetectorListsKnownOnes() {
        assertThatThrownBy(() -> loader.fromString("{\"id\":\"x\",\"detector\":\"toxic\",\"action\":\"block\"}", "x.json"))
                .hasMessageContaining("field 'detector'").hasMessageContaining("known detectors: [pii, secrets");
    }

    @Test
    void otherBadInputs() {
        assertThatThrownBy(() -> loader.fromString("{\"id\":\"x\",\"detector\":\"keywords\",\"parameters\":{\"phrases\":[]},\"action\":\"block\"}", "k.json"))
                .hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> loader.fromString("{\"id\":\"x\",\"detector\":\"keywords\",\"parameters\":{\"patterns\":[\"(a\"]},\"action\":\"block\"}", "r.json"))
                .hasMessageContaining("invalid regular expression");
        assertThatThrownBy(() -> loader.fromString("{\"id\":\"x\",\"detector\":\"pii\",\"action\":\"block\",\"minConfidence\":7}", "t.json"))
                .hasMessageContaining("field 'minConfidence'");
        assertThatThrownBy(() -> loader.fromString("{\"id\":\"x\",\"detector\":\"pii\",\"action\":\"block\",\"timeoutMillis\":1e9}", "t.json"))
                .hasMessageContaining("field 'timeoutMillis'");
        assertThatThrownBy(() -> loader.fromString("{\"id\":\"x\",\"detector\":\"pii\",\"acton\":\"block\"}", "t.json"))
                .hasMessageContaining("field 'acton'").hasMessageContaining("unknown field");
        assertThatThrownBy(() -> loader.fromString("{\"detector\":\"pii\",\"action\":\"block\"}", "t.json"))
                .hasMessageContaining("field 'id'").hasMessageContaining("required");
        assertThatThrownBy(() -> loader.fromString("{\"id\":\"x\",\"detector\":\"pii\",\"action\":\"redact\",\"redaction\":\"tokenize\"}", "t.json"))
                .hasMessageContaining("TokenVault");
    }

    @Test
    void directoryReloadSwapsRulesBehindStableHandles(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("words.json");
        Files.writeString(f, "{\"id\":\"words\",\"version\":\"1\",\"detector\":\"keywords\",\"parameters\":{\"phrases\":[\"falcon\"]},\"action\":\"block\"}");
        PolicyDirectory pd = PolicyDirectory.open(dir, loader);
        Policy handle = pd.policies().get(0);
        assertThat(handle.evaluate(Contexts.of("project falcon")).verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(handle.evaluate(Contexts.of("project eagle")).verdict()).isEqualTo(Verdict.ALLOW);

        Files.writeString(f, "{\"id\":\"words\",\"version\":\"2\",\"detector\":\"keywords\",\"parameters\":{\"phrases\":[\"eagle\"]},\"action\":\"block\"}");
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertThat(pd.reloadIfChanged()).isTrue();
        assertThat(handle.version()).isEqualTo("2");
        assertThat(handle.evaluate(Contexts.of("project eagle")).verdict()).isEqualTo(Verdict.BLOCK);

        Files.writeString(f, "{ broken");
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 10000));
        assertThatThrownBy(pd::reloadIfChanged).isInstanceOf(PolicyDocumentException.class).hasMessageContaining("words.json");
        assertThat(handle.version()).isEqualTo("2"); // rules in force are kept
        assertThat(List.of(handle.evaluate(Contexts.of("eagle")).verdict())).containsExactly(Verdict.BLOCK);
    }

    @Test
    void classifierParametersLoadAndBadOnesNameTheFileAndField() {
        assertThat(loader.fromString("{\"id\":\"inj\",\"detector\":\"injection\",\"parameters\":{\"classifierThreshold\":0.9},\"action\":\"block\"}", "inj.json"))
                .hasSize(1);
        assertThat(loader.fromString("{\"id\":\"h\",\"detector\":\"harmful\",\"parameters\":{\"classifier\":false},\"action\":\"warn\"}", "h.json"))
                .hasSize(1);
        assertThatThrownBy(() -> loader.fromString("{\"id\":\"inj\",\"detector\":\"injection\",\"parameters\":{\"classifierThreshold\":2},\"action\":\"block\"}", "inj.json"))
                .hasMessageContaining("inj.json").hasMessageContaining("classifierThreshold must be strictly between 0 and 1");
    }
}
