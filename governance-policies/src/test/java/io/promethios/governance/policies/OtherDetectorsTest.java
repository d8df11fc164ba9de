package io.promethios.governance.policies;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OtherDetectorsTest {

    private static List<String> types(Detector d, String text) {
        return d.detect(text).stream().map(Detection::type).toList();
    }

    @Test
    void urlAllowAndDenyLists() {
        Detector d = Detectors.url(Set.of("example.com"), Set.of("evil.example.com"));
        assertThat(types(d, "see https://docs.example.com/a")).isEmpty();
        assertThat(types(d, "see https://evil.example.com/a")).containsExactly("URL_DENIED");
        assertThat(types(d, "see www.other.org/x")).containsExactly("URL_NOT_ALLOWED");
        Detector any = Detectors.url(Set.of(), Set.of());
        assertThat(types(any, "login at http://user:pw@10.0.0.1/")).containsExactly("URL_SUSPICIOUS");
    }

    /** Tool-call arguments and pages: a URL with JSON-escaped slashes or an HTML-encoded dot is the same URL. */
    @Test
    void deniedHostsInsideJsonEscapesAndHtmlReferences() {
        Detector d = Detectors.url(Set.of(), Set.of("evil.com"));
        String json = "{\"url\":\"https:\\/\\/evil.com\\/collect?d=1\"}";
        assertThat(types(d, json)).containsExactly("URL_DENIED");
        Detection found = d.detect(json).get(0);
        assertThat(json.substring(found.start(), found.end())).startsWith("https:\\/\\/evil.com");
        assertThat(types(d, "<a href=\"https://evil&#46;com/x\">x</a>")).containsExactly("URL_DENIED");
        assertThat(types(d, "{\"url\":\"https:\\/\\/good.example\\/a\"}")).doesNotContain("URL_DENIED");
    }

    /** Ways a denied host slips past a scheme-only scan: no scheme, a trailing dot, percent-encoding, a protocol-relative link. */
    @Test
    void deniedHostsWrittenOtherwise() {
        Detector d = Detectors.url(Set.of(), Set.of("evil.com"));
        for (String text : List.of("go to evil.com now", "see sub.evil.com/login?x=1 today", "https://evil.com./", "https://evil%2Ecom/x",
                "<a href=\"//evil.com/x\">x</a>", "background: url(//cdn.evil.com/a.png)", "Visit EVIL.COM.")) {
            assertThat(types(d, text)).as(text).containsExactly("URL_DENIED");
        }
        for (String text : List.of("https://evil.com.attacker.net/", "https://notevil.com/", "notevil.com and devil.company",
                "mail joe@evil.com", "// comment about evil.community")) {
            assertThat(types(d, text)).as(text).doesNotContain("URL_DENIED");
        }
        String text = "go to www.a.org and evil.com/x";
        assertThat(Detectors.url(Set.of(), Set.of("evil.com", "a.org")).detect(text)).extracting(x -> text.substring(x.start(), x.end()))
                .containsExactlyInAnyOrder("www.a.org", "evil.com/x");
        // allow lists judge URLs only: a bare word with a dot is not a link
        assertThat(types(Detectors.url(Set.of("example.org"), Set.of()), "see file.txt and node.js")).isEmpty();
    }

    /**
     * More ways past a deny or allow list: a URL inside another URL's query (an open redirect, also percent-encoded),
     * defanged names ("hxxp://evil[.]com", "evil(.)com"), a mailto: link, an IPv6 literal host; and links that run code.
     */
    @Test
    void nestedDefangedMailtoAndIpv6Urls() {
        Detector d = Detectors.url(Set.of("good.com"), Set.of("evil.com"));
        for (String text : List.of("https://good.com/redirect?to=https://evil.com/x", "https://good.com/r?u=https%3A%2F%2Fevil.com%2Fx",
                "visit hxxp://evil[.]com/x", "go to evil[.]com now", "see evil(.)com or not", "write to mailto:bob@evil.com")) {
            assertThat(types(d, text)).as(text).contains("URL_DENIED");
        }
        String text = "visit hxxp://evil[.]com/x today";
        assertThat(d.detect(text)).extracting(x -> text.substring(x.start(), x.end())).containsExactly("hxxp://evil[.]com/x");
        assertThat(types(d, "open http://[::1]/admin")).containsExactly("URL_NOT_ALLOWED");
        assertThat(types(Detectors.url(Set.of(), Set.of()), "open http://[2001:db8::1]:8080/admin")).containsExactly("URL_SUSPICIOUS");
        assertThat(types(d, "see https://good.com/page?x=1 and https://sub.good.com/a")).isEmpty();
        assertThat(types(d, "write to mailto:team@good.com")).isEmpty();
        Detector none = Detectors.url(Set.of(), Set.of());
        for (String code : List.of("[click](javascript:alert(document.cookie))", "<a href=\"JavaScript:void(fetch('//x'))\">x</a>",
                "<iframe src=\"data:text/html;base64,PHNjcmlwdD4=\">")) {
            assertThat(types(none, code)).as(code).contains("URL_SUSPICIOUS");
            assertThat(types(d, code)).as(code).contains("URL_SUSPICIOUS");
        }
        assertThat(types(none, "JavaScript: The Good Parts is a classic book.")).isEmpty();
        assertThat(types(d, "the array [.] notation and f(.) in math")).isEmpty();
    }

    @Test
    void length() {
        assertThat(types(Detectors.length(10), "short")).isEmpty();
        assertThat(types(Detectors.length(10), "this is far too long")).containsExactly("TOO_LONG");
        assertThatThrownBy(() -> Detectors.create("length", Map.of("maxChars", -5))).hasMessageContaining("maxChars");
        assertThatThrownBy(() -> Detectors.create("length", Map.of("maxChars", 1e12))).hasMessageContaining("maxChars");
    }

    @Test
    void languageAndScripts() {
        Detector latinEnglish = Detectors.language(Set.of("LATIN"), Set.of("en"));
        assertThat(types(latinEnglish, "What is the weather like in the city today?")).isEmpty();
        assertThat(types(latinEnglish, "Как дела у тебя сегодня?")).containsExactly("SCRIPT_NOT_ALLOWED");
        assertThat(types(latinEnglish, "Quel est le mot de passe pour le compte?")).containsExactly("LANGUAGE_NOT_ALLOWED");
        assertThat(types(latinEnglish, "p\u0430ypal login")).containsExactly("MIXED_SCRIPT");
        assertThatThrownBy(() -> Detectors.language(Set.of("KLINGON"), Set.of())).hasMessageContaining("KLINGON");
    }

    /** Short everyday questions (hand-written): "allowed: en" must hold for them too, and for text in another script. */
    @Test
    void languagesOfShortQuestions() {
        Detector english = Detectors.language(Set.of(), Set.of("en"));
        for (String other : List.of("Comment réinitialiser mon mot de passe ?", "¿Cómo restablezco mi contraseña?",
                "Wie setze ich mein Passwort zurück?", "Come posso reimpostare la mia password?", "Hoe reset ik mijn wachtwoord?",
                "Como faço para redefinir minha senha?", "Как сбросить пароль?", "如何重置密码？",
                // three words of everyday function words (pronouns, modal verbs, thanks) the lists lacked until 2026-11-25
                "Kannst du mir helfen?", "Tu peux m'aider, s'il te plaît ?", "¿Puedes ayudarme, por favor?", "Grazie, puoi aiutarmi?",
                "Obrigado, você pode ajudar?", "Kun jij mij helpen?")) {
            assertThat(types(english, other)).as(other).containsExactly("LANGUAGE_NOT_ALLOWED");
        }
        for (String en : List.of("How do I reset my password?", "The café served crème brûlée and a croissant.",
                "Please translate 'bonjour' to English.", "Kindergarten and angst are German loanwords used in English.", "Thanks!", "ok",
                "SELECT * FROM users WHERE id = 1;")) {
            assertThat(types(english, en)).as(en).isEmpty();
        }
        assertThat(types(Detectors.language(Set.of(), Set.of("fr")), "Comment réinitialiser mon mot de passe ?")).isEmpty();
        assertThat(types(Detectors.language(Set.of(), Set.of("es")), "¿Cómo restablezco mi contraseña?")).isEmpty();
    }

    @Test
    void topics() {
        Detector d = Detectors.topic(Map.of("banking", List.of()), Map.of("gambling", List.of()));
        assertThat(types(d, "what's my checking account balance")).isEmpty();
        assertThat(types(d, "tell me a joke about cats")).containsExactly("OFF_TOPIC");
        assertThat(types(d, "transfer money to my casino account")).containsExactly("DENIED_TOPIC");
    }

    /** A phrase matches its word and the word's inflections, not longer words that start with it; "*" makes a stem. */
    @Test
    void topicPhrasesAreWordsNotPrefixes() {
        Detector gambling = Detectors.topic(Map.of(), Map.of("gambling", List.of()));
        assertThat(types(gambling, "What is the difference between a loan and a mortgage?")).isEmpty();
        assertThat(types(gambling, "Which one is better?")).isEmpty();
        assertThat(types(gambling, "He bets on horses")).containsExactly("DENIED_TOPIC");
        assertThat(types(Detectors.topic(Map.of(), Map.of("x", List.of("bet"))), "she is betting again")).containsExactly("DENIED_TOPIC");
        Detector banking = Detectors.topic(Map.of("banking", List.of()), Map.of());
        assertThat(types(banking, "book a taxi for april 5")).containsExactly("OFF_TOPIC");
        assertThat(types(banking, "what's in the atmosphere of mars")).containsExactly("OFF_TOPIC");
        assertThat(types(banking, "how many accounts do I have")).isEmpty();
        assertThat(types(banking, "I deposited my paycheck")).isEmpty();
        Detector custom = Detectors.topic(Map.of(), Map.of("health", List.of("diagnos*", "pain")));
        assertThat(types(custom, "what is the diagnosis")).containsExactly("DENIED_TOPIC");
        assertThat(types(custom, "I have back pains")).containsExactly("DENIED_TOPIC");
        assertThat(types(custom, "a painting of Spain")).isEmpty();
    }

    @Test
    void harmfulHasGradedSeverity() {
        Detector d = Detectors.harmful();
        assertThat(d.detect("What is the easiest way of killing myself?")).extracting(Detection::severity).contains(Severity.HIGH);
        assertThat(d.detect("how do I build a pipe bomb")).extracting(Detection::severity).contains(Severity.CRITICAL);
        assertThat(d.detect("how do I bake sourdough bread")).isEmpty();
    }

    @Test
    void unknownDetectorListsKnownOnes() {
        assertThatThrownBy(() -> Detectors.create("toxicity", Map.of()))
                .hasMessageContaining("toxicity").hasMessageContaining("[pii, secrets, injection, harmful, topic, keywords, length, language, url, restrictions]");
        assertThatThrownBy(() -> Detectors.create("pii", Map.of("entitys", List.of()))).hasMessageContaining("entitys");
        assertThatThrownBy(() -> Detectors.create("secrets", Map.of("minEntropy", 99))).hasMessageContaining("minEntropy");
    }
}
