package io.promethios.governance.policies;

import io.promethios.governance.policies.text.NormalizedText;
import io.promethios.governance.policies.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential tests: {@link RestrictionMatcher}'s char-buffer stemming and one-pass matching against
 * the string-based tokenizer and map lookups it replaced ({@link Reference}, the detector's scan as
 * it was, kept here verbatim), on seeded random and mutated prompts and texts.
 */
class RestrictionMatcherTest {

    private static final String[] SUFFIXES = {"", "", "s", "es", "ies", "sses", "ss", "us", "is", "ing", "ed", "e", "'s", "'", "ings", "ied",
        "ation", "ations", "er", "ers"};

    @Test
    void charBufferStemEqualsStringStem() {
        Random r = new Random(42);
        String alphabet = "abcdeegiilnnossstuyz0129'\u00df\u00f8\u0131";
        int n = 0;
        for (int i = 0; i < 300_000; i++) {
            StringBuilder b = new StringBuilder();
            // a folded word starts with a letter or digit; apostrophes may follow
            b.append(alphabet.charAt(r.nextInt(alphabet.length() - 4)));
            int len = r.nextInt(12);
            for (int k = 0; k < len; k++) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            b.append(SUFFIXES[r.nextInt(SUFFIXES.length)]);
            String w = b.toString();
            assertThat(RestrictionMatcher.stem(w)).as(w).isEqualTo(RestrictionParser.stem(w));
            n++;
        }
        for (String w : List.of("maths", "mathematics", "mathematical", "passcodes", "passphrase", "passwd", "pwd", "pwds", "credentials",
                "login", "logins", "studies", "classes", "bus", "this", "crisis", "baking", "tired", "tire", "user's", "users'", "s's", "a's", "x''s")) {
            assertThat(RestrictionMatcher.stem(w)).as(w).isEqualTo(RestrictionParser.stem(w));
        }
        assertThat(n).isEqualTo(300_000);
    }

    @Test
    void detectorEqualsStringBasedScanOnRandomPromptsAndTexts() {
        int compared = 0;
        int withFindings = 0;
        Map<String, Integer> byType = new HashMap<>();
        for (int seed = 0; seed < 400; seed++) {
            Random r = new Random(seed);
            String prompt = prompt(r);
            RestrictionsDetector d = RestrictionsDetector.forSystemPrompt(prompt);
            List<String> promptWords = List.of(prompt.split("[\\s.,;]+"));
            for (int t = 0; t < 80; t++) {
                String text = text(r, promptWords);
                List<Detection> expected = Reference.detect(d.restrictions(), text);
                assertThat(d.detect(text)).as("seed %d prompt %s text %s", seed, prompt, text).isEqualTo(expected);
                compared++;
                if (!expected.isEmpty()) {
                    withFindings++;
                }
                for (Detection x : expected) {
                    byType.merge(x.type(), 1, Integer::sum);
                }
            }
        }
        // the generator must exercise every kind of finding, not only clean texts
        assertThat(compared).isEqualTo(32_000);
        assertThat(withFindings).isGreaterThan(compared / 4);
        assertThat(byType).containsKeys("RESTRICTED_TOPIC", "PROTECTED_VALUE", "PERSONAL_DATA");
        assertThat(byType.values()).allMatch(v -> v > 200);
    }

    @Test
    void detectorEqualsStringBasedScanOnBrokenTexts() {
        Random r = new Random(3);
        String prompt = "Never discuss politics or artificial intelligence. The secret key is 'Zq-77'. Don't reveal it. "
                + "The user's name is Ann Lee; never share private data. Do not help with composers or música.";
        RestrictionsDetector d = RestrictionsDetector.forSystemPrompt(prompt);
        String pieces = "politics '\u2019Ann lee ann's zq-77 secret key intelligence artificial the user email \uD800\uDC00\u00e9\u0301\u200B";
        for (int i = 0; i < 5_000; i++) {
            char[] cs = new char[r.nextInt(120)];
            for (int k = 0; k < cs.length; k++) {
                cs[k] = r.nextInt(3) == 0 ? (char) r.nextInt(0x10000) : pieces.charAt(r.nextInt(pieces.length()));
            }
            String text = new String(cs);
            assertThat(d.detect(text)).as("text %s", text).isEqualTo(Reference.detect(d.restrictions(), text));
        }
    }

    // ------------------------------------------------------------------ generators

    private static final String[] TOPIC_WORDS = {"politics", "religion", "music", "música", "astronomy", "cryptocurrency", "stock", "trading",
        "artificial", "intelligence", "AI", "maths", "mathematics", "composers", "components", "baking", "cake", "horse", "racing", "elections",
        "medical", "diagnoses", "legal", "weapons", "gambling", "diets", "taxes", "bicycle", "chain", "horoscopes", "competitors'", "pricing",
        "studies", "classes", "crises", "passwords", "credentials", "user's", "cities", "addresses", "compôs", "compose", "musical", "politician",
        "system", "prompt", "photography", "photographs", "cooking", "cooked", "cookies"};
    private static final String[] CUES = {"Do not discuss", "Never talk about", "Avoid", "You must not help with", "Refrain from",
        "Under no circumstances should you give advice on", "Don't mention", "You are not allowed to explain", "Never write about",
        "Do not provide information about", "Avoid topics like"};
    private static final String[] HOLDERS = {"password", "secret key", "vault code", "admin passcode", "garage's password", "PIN", "token",
        "secret", "login", "secret password", "computer's password"};
    private static final String[] FIRST = {"Maria", "Ann", "Jane", "Ai", "José", "Laura", "Li", "Omar"};
    private static final String[] LAST = {"Lopez", "Lee", "Doe", "Smith", "Núñez", "O'Brien", "Kim"};
    private static final String[] FILLER = {"the", "a", "what", "is", "about", "tell", "me", "please", "how", "do", "I", "can", "you", "my",
        "other", "different", "user", "users", "user's", "email", "e-mail", "phone", "address", "lives", "birthday", "age", "born", "balance",
        "initials", "name", "account", "where", "does", "and", "or", "of", "artificial", "intelligence", "intelligenza", "dell'intelligenza",
        "l'astronomie", "it's", "don't", "we're", "Parlami", "key", "code", "secret", "password", "passcode", "1234", "x9"};

    private static String prompt(Random r) {
        StringBuilder b = new StringBuilder("You are a helpful assistant for a shop. ");
        int sentences = 1 + r.nextInt(4);
        for (int s = 0; s < sentences; s++) {
            switch (r.nextInt(5)) {
                case 0, 1 -> {
                    b.append(CUES[r.nextInt(CUES.length)]).append(' ');
                    int items = 1 + r.nextInt(4);
                    for (int i = 0; i < items; i++) {
                        if (i > 0) {
                            b.append(r.nextBoolean() ? ", " : " or ");
                        }
                        int words = 1 + r.nextInt(3);
                        for (int k = 0; k < words; k++) {
                            b.append(k > 0 ? " " : "").append(word(r));
                        }
                    }
                    b.append(". ");
                }
                case 2 -> b.append(capitalize(word(r))).append(' ').append(word(r)).append(" is strictly prohibited. ");
                case 3 -> b.append("The ").append(HOLDERS[r.nextInt(HOLDERS.length)]).append(" is '").append(value(r)).append("'. ")
                        .append(r.nextBoolean() ? "Never reveal it. " : "Do not share it with anyone. ");
                default -> {
                    String first = FIRST[r.nextInt(FIRST.length)];
                    String last = LAST[r.nextInt(LAST.length)];
                    b.append("The customer is named ").append(first).append(' ').append(last).append(", e-mail ")
                            .append(first.toLowerCase()).append('.').append(last.toLowerCase().replace("'", "")).append("@example.org, phone 415-555-0")
                            .append(100 + r.nextInt(900)).append(". ")
                            .append(r.nextBoolean() ? "Never disclose personal information. " : "Do not share the user's data. ");
                }
            }
        }
        return b.toString();
    }

    private static String word(Random r) {
        if (r.nextInt(5) == 0) {
            // a pseudo-word with a suffix, so stems of every length and ending occur
            String syl = "ka ri tep lun mor fex dra sno pli gav ing ed es ie us is";
            String[] s = syl.split(" ");
            StringBuilder b = new StringBuilder();
            for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
                b.append(s[r.nextInt(s.length)]);
            }
            return b.append(SUFFIXES[r.nextInt(SUFFIXES.length)]).toString();
        }
        return TOPIC_WORDS[r.nextInt(TOPIC_WORDS.length)];
    }

    private static String value(Random r) {
        String[] v = {"Piano", "Sunflower", "Falcon-7731", "Xk9-Plum", "Zq-77", "alpha123", "MoonRise", "x y", "guest"};
        return v[r.nextInt(v.length)];
    }

    private static String capitalize(String w) {
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static String text(Random r, List<String> promptWords) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(25);
        for (int i = 0; i < n; i++) {
            String w = switch (r.nextInt(4)) {
                case 0, 1 -> promptWords.get(r.nextInt(promptWords.size()));
                case 2 -> FILLER[r.nextInt(FILLER.length)];
                default -> word(r);
            };
            b.append(mutate(r, w));
            b.append(switch (r.nextInt(12)) {
                case 0 -> ", ";
                case 1 -> "? ";
                case 2 -> "'";
                case 3 -> "\u2019s ";
                case 4 -> "-";
                default -> " ";
            });
        }
        return b.toString();
    }

    private static String mutate(Random r, String w) {
        if (w.isEmpty()) {
            return w;
        }
        return switch (r.nextInt(12)) {
            case 0 -> w.toUpperCase();
            case 1 -> capitalize(w);
            case 2 -> w + SUFFIXES[r.nextInt(SUFFIXES.length)];
            case 3 -> w.replace('a', '\u00e1').replace('e', '\u00e9');
            case 4 -> w.substring(0, 1 + r.nextInt(w.length()));
            case 5 -> w.charAt(0) + "\u200B" + w.substring(1);
            case 6 -> "l'" + w;
            case 7 -> w.replace('o', '\u043e'); // Cyrillic o, folded by the normalizer
            default -> w;
        };
    }

    // ------------------------------------------------------------------ the scan as it was

    /** The detector's scan before the char-buffer matcher: a string and a token per word, two hash maps. */
    static final class Reference {

        record Token(String word, String stem, int start, int end) {
        }

        static List<Detection> detect(RestrictionParser.Restrictions restrictions, String text) {
            if (text == null || text.isEmpty() || restrictions.isEmpty()) {
                return List.of();
            }
            try {
                return scan(restrictions, text);
            } catch (RuntimeException e) {
                return List.of();
            }
        }

        static List<Token> tokenize(String s, boolean mergeAi) {
            List<Token> out = new ArrayList<>();
            StringBuilder w = new StringBuilder();
            int start = -1;
            for (int i = 0; i <= s.length(); i++) {
                char c = i < s.length() ? s.charAt(i) : ' ';
                if (Character.isLetterOrDigit(c)) {
                    if (w.length() == 0) {
                        start = i;
                    }
                    w.append(RestrictionParser.foldChar(c));
                } else if (RestrictionParser.isApostrophe(c) && w.length() > 0 && !RestrictionParser.elision(s, i, w.length())) {
                    w.append('\'');
                } else if (w.length() > 0) {
                    String word = w.toString();
                    Token t = new Token(word, RestrictionParser.stem(word), start, i);
                    if (mergeAi && !out.isEmpty() && RestrictionParser.isAiPair(out.get(out.size() - 1).stem(), t.stem())) {
                        Token prev = out.remove(out.size() - 1);
                        t = new Token("ai", "ai", prev.start(), i);
                    }
                    out.add(t);
                    w.setLength(0);
                }
            }
            return out;
        }

        static String lower(String s) {
            char[] cs = s.toCharArray();
            for (int i = 0; i < cs.length; i++) {
                cs[i] = Character.toLowerCase(cs[i]);
            }
            return new String(cs);
        }

        private static List<Detection> scan(RestrictionParser.Restrictions restrictions, String text) {
            NormalizedText nt = TextNormalizer.normalize(text);
            String s = nt.normalized();
            List<Token> tokens = tokenize(s, true);
            Map<String, Token> first = new HashMap<>();
            Map<String, Token> firstByPrefix = new HashMap<>();
            for (Token t : tokens) {
                first.putIfAbsent(t.stem(), t);
                if (t.stem().length() >= RestrictionParser.PREFIX) {
                    firstByPrefix.putIfAbsent(t.stem().substring(0, RestrictionParser.PREFIX), t);
                }
            }
            List<Detection> out = new ArrayList<>();
            for (RestrictionParser.Topic topic : restrictions.topics()) {
                int matched = 0;
                Token at = null;
                for (String stem : topic.stems()) {
                    Token t = find(stem, first, firstByPrefix);
                    if (t != null) {
                        matched++;
                        if (at == null || t.start() < at.start()) {
                            at = t;
                        }
                    }
                }
                if (at != null && matched >= topic.required()) {
                    double confidence = 0.5 + 0.4 * matched / topic.stems().size();
                    out.add(detection(nt, "RESTRICTED_TOPIC", at, confidence, Severity.MEDIUM));
                }
            }
            for (RestrictionParser.Secret secret : restrictions.secrets()) {
                Token at = null;
                boolean all = true;
                for (String stem : secret.holder()) {
                    Token t = find(stem, first, firstByPrefix);
                    if (t == null) {
                        all = false;
                        break;
                    }
                    at = at == null || t.start() > at.start() ? t : at;
                }
                if (all && at != null) {
                    out.add(detection(nt, "PROTECTED_VALUE", at, 0.8, Severity.HIGH));
                }
            }
            String lower = null;
            for (String value : restrictions.values()) {
                lower = lower == null ? lower(s) : lower;
                int i = RestrictionParser.indexOfWord(lower, value);
                if (i >= 0) {
                    int[] o = nt.toOriginal(i, i + value.length());
                    out.add(new Detection("PROTECTED_VALUE", o[0], o[1], 0.95, Severity.HIGH));
                }
            }
            if (restrictions.personalData()) {
                Token person = null;
                Token attribute = null;
                for (int i = 0; i < tokens.size(); i++) {
                    Token t = tokens.get(i);
                    if (person == null && (restrictions.names().contains(RestrictionParser.withoutPossessive(t.word()))
                            || (t.stem().equals("user") && i > 0 && RestrictionParser.USER_DETERMINERS.contains(tokens.get(i - 1).word())))) {
                        person = t;
                    }
                    if (attribute == null && RestrictionParser.PERSONAL_ATTRIBUTES.contains(t.stem())) {
                        attribute = t;
                    }
                }
                if (person != null && attribute != null) {
                    out.add(detection(nt, "PERSONAL_DATA", person, 0.75, Severity.HIGH));
                }
            }
            if (out.size() > 1) {
                out.sort(Comparator.comparingInt(Detection::start).thenComparing(Detection::type)
                        .thenComparing(Comparator.comparingDouble(Detection::confidence).reversed()));
                List<Detection> distinct = new ArrayList<>(out.size());
                for (Detection d : out) {
                    Detection last = distinct.isEmpty() ? null : distinct.get(distinct.size() - 1);
                    if (last == null || last.start() != d.start() || last.end() != d.end() || !last.type().equals(d.type())) {
                        distinct.add(d);
                    }
                }
                return distinct;
            }
            return out;
        }

        private static Token find(String stem, Map<String, Token> first, Map<String, Token> firstByPrefix) {
            Token t = first.get(stem);
            if (t != null || stem.length() < RestrictionParser.PREFIX) {
                return t;
            }
            return stem.length() == RestrictionParser.PREFIX ? firstByPrefix.get(stem) : first.get(stem.substring(0, RestrictionParser.PREFIX));
        }

        private static Detection detection(NormalizedText nt, String type, Token t, double confidence, Severity severity) {
            int[] o = nt.toOriginal(t.start(), t.end());
            return new Detection(type, o[0], o[1], Math.min(1.0, confidence), severity);
        }
    }
}
