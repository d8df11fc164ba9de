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
 * With allowed languages but no allowed scripts, text in a script other than Latin is
 * {@code LANGUAGE_NOT_ALLOWED}: all seven languages are written in Latin letters.
 *
 * <p>Limitations: texts under three words are not language-guessed, nor texts without two
 * function words (or distinctive letters) of one language; only the seven languages above are told apart.
 */
final class LanguageDetector implements Detector {

    /** The most frequent function words of each language (articles, pronouns, prepositions, auxiliaries, question words). */
    static final Map<String, Set<String>> STOP_WORDS = Map.of(
            "en", Set.of("the", "and", "is", "are", "was", "were", "of", "to", "you", "what", "how", "my", "i", "it", "this", "that", "with",
                    "for", "can", "do", "does", "did", "in", "on", "be", "have", "has", "not", "an", "your", "me", "we", "they", "he", "she",
                    "will", "would", "should", "could", "from", "at", "by", "or", "but", "if", "about", "there", "which", "who", "why", "when",
                    "where", "please", "am", "i'm", "it's", "don't", "can't", "a", "as", "so", "no", "all", "more", "up", "out", "get",
                    "just", "some", "any", "like", "our", "their", "them", "his", "her", "its", "than", "then", "also", "into", "only",
                    "these", "those", "been", "had", "here", "very", "much", "many", "most", "each", "every", "one", "need", "want",
                    "make", "know", "now", "new", "there's"),
            "fr", Set.of("le", "la", "les", "et", "est", "des", "un", "une", "je", "vous", "que", "qui", "pour", "pas", "dans", "ce", "mot",
                    "quel", "quelle", "de", "du", "au", "aux", "en", "sur", "avec", "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses",
                    "il", "elle", "nous", "ils", "elles", "sont", "être", "avoir", "ai", "comment", "pourquoi", "quand", "où", "mais", "ou",
                    "ne", "se", "cette", "ces", "votre", "vos", "notre", "très", "faire", "peux", "veux", "c'est", "j'ai", "qu'est",
                    "tu", "te", "toi", "moi", "merci", "bonjour", "oui", "s'il", "plaît", "avez", "êtes", "suis", "peut", "veut", "dois", "doit",
                    "aussi", "tout", "tous", "toutes", "rien", "bien", "encore", "déjà", "cela", "ça", "ici", "leur", "leurs", "aujourd'hui",
                    "demain", "pouvez", "voudrais", "beaucoup"),
            "de", Set.of("der", "die", "das", "und", "ist", "nicht", "ich", "sie", "ein", "eine", "zu", "mit", "wie", "was", "für", "auf",
                    "den", "dem", "des", "von", "im", "es", "sich", "auch", "aus", "bei", "mein", "meine", "mir", "mich", "dich", "wir",
                    "ihr", "sind", "bin", "hat", "haben", "kann", "können", "wird", "werden", "oder", "aber", "wenn", "dass", "noch", "nur",
                    "schon", "zurück", "bitte", "warum", "wo", "wer", "welche", "über",
                    "du", "dein", "deine", "deinen", "dir", "kannst", "bist", "hast", "habe", "gibt", "nein", "sehr", "uns", "euch", "ihm",
                    "ihn", "diese", "dieser", "dieses", "wann", "welcher", "weil", "damit", "nach", "vor", "zum", "zur", "beim", "gerne",
                    "danke", "möchte", "könnte", "würde", "sollte", "muss", "müssen", "heute", "jetzt", "etwas", "nichts", "alles", "immer", "wieder"),
            "es", Set.of("el", "la", "los", "las", "y", "es", "de", "que", "en", "un", "una", "por", "para", "cómo", "qué", "cual", "cuál",
                    "del", "al", "lo", "se", "no", "con", "su", "sus", "mi", "mis", "tu", "yo", "está", "están", "son", "ser", "hay", "pero",
                    "más", "muy", "como", "este", "esta", "esto", "porque", "cuando", "dónde", "puedo", "quiero", "tengo",
                    "tú", "usted", "gracias", "hola", "sí", "bien", "también", "todo", "todos", "nada", "ahora", "aquí", "hoy", "mañana",
                    "puedes", "puede", "quieres", "tienes", "necesito", "ayuda", "ayúdame", "entre", "sin", "hasta", "desde", "les", "ya",
                    "eso", "esa", "ese", "estos", "estas", "mucho", "poco", "estoy"),
            "it", Set.of("il", "lo", "la", "gli", "le", "e", "è", "di", "che", "un", "una", "per", "non", "come", "sono", "qual", "del",
                    "della", "dei", "delle", "al", "alla", "nel", "nella", "con", "su", "mi", "ti", "si", "ci", "io", "tu", "lui", "lei",
                    "noi", "voi", "loro", "ma", "anche", "più", "questo", "questa", "perché", "quando", "dove", "posso", "voglio", "ho",
                    "hai", "ha", "mio", "mia", "stai", "sto", "cosa",
                    "grazie", "ciao", "buongiorno", "sì", "bene", "tutto", "tutti", "niente", "adesso", "ora", "qui", "oggi", "domani", "puoi",
                    "può", "vuoi", "sei", "siamo", "fatto", "molto", "quanto", "quale", "quali", "nostro", "vostro", "suo", "sua", "dalla",
                    "dal", "sul", "sulla", "quello", "quella", "allora", "però"),
            "pt", Set.of("o", "a", "os", "as", "e", "é", "de", "que", "um", "uma", "para", "não", "como", "qual", "você", "do", "da", "dos",
                    "das", "no", "na", "nos", "nas", "em", "com", "por", "se", "meu", "minha", "seu", "sua", "eu", "ele", "ela", "nós",
                    "são", "está", "estou", "tem", "tenho", "mais", "mas", "muito", "isso", "este", "esta", "porque", "quando", "onde",
                    "posso", "quero", "faço", "ao",
                    "obrigado", "obrigada", "olá", "sim", "bem", "também", "tudo", "todos", "nada", "agora", "aqui", "hoje", "amanhã", "pode",
                    "podes", "quer", "preciso", "ajuda", "ajudar", "sobre", "entre", "sem", "até", "desde", "lhe", "já", "essa", "esse",
                    "estes", "estas", "pouco", "fica", "vou", "vai"),
            "nl", Set.of("de", "het", "een", "en", "is", "van", "ik", "je", "niet", "dat", "wat", "hoe", "voor", "met", "zijn", "op", "te",
                    "in", "naar", "er", "die", "maar", "om", "ook", "als", "bij", "of", "mijn", "jouw", "uw", "kan", "wil", "heb", "hebt",
                    "heeft", "wordt", "worden", "dit", "deze", "waarom", "waar", "wie", "mij", "ons",
                    "jij", "jullie", "hij", "zij", "wij", "hebben", "ben", "bent", "waren", "kunnen", "kun", "kunt", "moet", "moeten", "zal",
                    "zou", "graag", "dank", "bedankt", "hallo", "nee", "goed", "nog", "niets", "alles", "veel", "daar", "vandaag", "morgen",
                    "nu", "welke", "wanneer", "omdat", "zonder", "tot", "uit", "door", "tegen"));

    /** Letters that only some of the languages write: half a vote per word for each language that writes them. */
    private static final Map<Character, List<String>> LETTERS = Map.ofEntries(
            Map.entry('ß', List.of("de")), Map.entry('ä', List.of("de")), Map.entry('ö', List.of("de")), Map.entry('ü', List.of("de")),
            Map.entry('ñ', List.of("es")), Map.entry('ã', List.of("pt")), Map.entry('õ', List.of("pt")), Map.entry('ç', List.of("fr", "pt")),
            Map.entry('œ', List.of("fr")), Map.entry('ê', List.of("fr", "pt")), Map.entry('è', List.of("fr", "it")),
            Map.entry('ù', List.of("fr", "it")), Map.entry('û', List.of("fr")), Map.entry('î', List.of("fr")), Map.entry('ë', List.of("fr", "nl")),
            Map.entry('ï', List.of("fr", "nl")));

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
        if (!allowedLanguages.isEmpty() && allowedScripts.isEmpty() && dominant != UnicodeScript.LATIN) {
            // every language this detector knows is written in Latin letters: text in another script is none of them
            return List.of(Detection.whole("LANGUAGE_NOT_ALLOWED", 0.8, Severity.LOW));
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

    /**
     * The vote: a point for each word on a language's list, half a point for each word with a letter only some languages
     * write ({@link #LETTERS}), and a point for Spanish's opening {@code ¿ ¡}. The winner needs at least two points and
     * half as many again as the runner-up; null for fewer than three words or no clear winner.
     */
    static String guess(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        String[] words = lower.split("[^\\p{L}']+");
        int n = 0;
        Map<String, Double> votes = new HashMap<>();
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            n++;
            for (Map.Entry<String, Set<String>> e : STOP_WORDS.entrySet()) {
                if (e.getValue().contains(w)) {
                    votes.merge(e.getKey(), 1.0, Double::sum);
                }
            }
            java.util.Set<String> lettered = new java.util.HashSet<>();
            for (int k = 0; k < w.length(); k++) {
                List<String> langs = LETTERS.get(w.charAt(k));
                if (langs != null) {
                    lettered.addAll(langs);
                }
            }
            for (String l : lettered) {
                votes.merge(l, 0.5, Double::sum);
            }
        }
        if (lower.indexOf('¿') >= 0 || lower.indexOf('¡') >= 0) {
            votes.merge("es", 1.0, Double::sum);
        }
        if (n < 3) {
            return null;
        }
        List<Map.Entry<String, Double>> ranked = votes.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey())).toList();
        if (ranked.isEmpty() || ranked.get(0).getValue() < 2.0) {
            return null;
        }
        double second = ranked.size() > 1 ? ranked.get(1).getValue() : 0.0;
        return ranked.get(0).getValue() >= 1.5 * second && ranked.get(0).getValue() > second ? ranked.get(0).getKey() : null;
    }
}
