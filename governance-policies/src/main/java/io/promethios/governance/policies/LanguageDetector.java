package io.promethios.governance.policies;

import io.promethios.governance.policies.text.TextNormalizer;

import java.lang.Character.UnicodeScript;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Allowed scripts and languages. Counts letters per Unicode script; text whose dominant script is
 * not allowed gives {@code SCRIPT_NOT_ALLOWED}, and mixed-script words (Latin with Cyrillic or
 * Greek inside one word, a homoglyph trick) give {@code MIXED_SCRIPT}. For Latin-script text, a
 * stop-word vote guesses the language among en, fr, de, es, it, pt, nl; a guess outside the
 * allowed languages gives {@code LANGUAGE_NOT_ALLOWED}.
 *
 * <p>Limitations: texts under about five words are not language-guessed; only the seven
 * languages above are told apart.
 */
final class LanguageDetector implements Detector {

    static final Map<String, Set<String>> STOP_WORDS = Map.of(
            "en", Set.of("the", "and", "is", "are", "of", "to", "you", "what", "how", "my", "i", "it", "this", "that", "with", "for", "can", "do"),
            "fr", Set.of("le", "la", "les", "et", "est", "des", "un", "une", "je", "vous", "que", "qui", "pour", "pas", "dans", "ce", "mot", "quel"),
            "de", Set.of("der", "die", "das", "und", "ist", "nicht", "ich", "sie", "ein", "eine", "zu", "mit", "wie", "was", "für", "auf"),
            "es", Set.of("el", "la", "los", "las", "y", "es", "de", "que", "en", "un", "una", "por", "para", "cómo", "qué", "cual", "cuál"),
            "it", Set.of("il", "lo", "la", "gli", "le", "e", "è", "di", "che", "un", "una", "per", "non", "come", "sono", "qual"),
            "pt", Set.of("o", "a", "os", "as", "e", "é", "de", "que", "um", "uma", "para", "não", "como", "qual", "você", "do", "da"),
            "nl", Set.of("de", "het", "een", "en", "is", "van", "ik", "je", "niet", "dat", "wat", "hoe", "voor", "met", "zijn"));

    private final Set<UnicodeScript> allowedScripts;
    private final Set<String> allowedLanguages;

    LanguageDetector(Set<String> scripts, Set<String> languages) {
        EnumMap<UnicodeScript, Boolean> s = new EnumMap<>(UnicodeScript.class);
        for (String name : scripts) {
            try {
                s.put(UnicodeScript.forName(name.trim()), true);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("language: unknown script '" + name + "' (use Unicode script names such as LATIN, CYRILLIC, HAN)");
            }
        }
        for (String l : languages) {
            if (!STOP_WORDS.containsKey(l.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("language: unsupported language '" + l + "', supported: " + STOP_WORDS.keySet());
            }
        }
        if (s.isEmpty() && languages.isEmpty()) {
            throw new IllegalArgumentException("language: set allowed scripts or languages");
        }
        this.allowedScripts = Set.copyOf(s.keySet());
        this.allowedLanguages = languages.stream().map(l -> l.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public String name() {
        return "language";
    }

    @Override
    public List<Detection> detect(String text) {
        String s = TextNormalizer.withoutConfusableFolding().apply(text).normalized();
        Map<UnicodeScript, Integer> counts = new HashMap<>();
        boolean mixed = false;
        UnicodeScript wordScript = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                wordScript = null;
                continue;
            }
            UnicodeScript sc = UnicodeScript.of(cp);
            counts.merge(sc, 1, Integer::sum);
            if (wordScript != null && wordScript != sc && isConfusableScript(wordScript) && isConfusableScript(sc)) {
                mixed = true;
            }
            wordScript = sc;
        }
        if (counts.isEmpty()) {
            return List.of();
        }
        UnicodeScript dominant = counts.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
        if (mixed) {
            return List.of(Detection.whole("MIXED_SCRIPT", 0.8, Severity.MEDIUM));
        }
        if (!allowedScripts.isEmpty() && !allowedScripts.contains(dominant)) {
            return List.of(Detection.whole("SCRIPT_NOT_ALLOWED", 0.9, Severity.MEDIUM));
        }
        if (!allowedLanguages.isEmpty() && dominant == UnicodeScript.LATIN) {
            String guess = guess(s);
            if (guess != null && !allowedLanguages.contains(guess)) {
                return List.of(Detection.whole("LANGUAGE_NOT_ALLOWED", 0.7, Severity.LOW));
            }
        }
        return List.of();
    }

    private static boolean isConfusableScript(UnicodeScript s) {
        return s == UnicodeScript.LATIN || s == UnicodeScript.CYRILLIC || s == UnicodeScript.GREEK;
    }

    /** The stop-word vote, or null for fewer than five words or no clear winner. */
    static String guess(String s) {
        String[] words = s.toLowerCase(Locale.ROOT).split("[^\\p{L}']+");
        if (words.length < 5) {
            return null;
        }
        Map<String, Integer> votes = new HashMap<>();
        for (String w : words) {
            for (Map.Entry<String, Set<String>> e : STOP_WORDS.entrySet()) {
                if (e.getValue().contains(w)) {
                    votes.merge(e.getKey(), 1, Integer::sum);
                }
            }
        }
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).filter(e -> e.getValue() >= 2).map(Map.Entry::getKey).orElse(null);
    }
}
