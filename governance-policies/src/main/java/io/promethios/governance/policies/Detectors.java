package io.promethios.governance.policies;

import io.promethios.governance.policies.model.LinearTextModel;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Factories for the built-in {@link Detector}s, by method or by configuration name.
 *
 * <pre>{@code
 * Detector pii = Detectors.pii();
 * Detector words = Detectors.keywords(List.of("project falcon", "q3 forecast"));
 * Detector configured = Detectors.create("url", Map.of("deny", List.of("evil.example")));
 * }</pre>
 *
 * <p>Every detector returned is immutable and thread-safe. Names: {@link #NAMES}.
 *
 * @since 0.1
 */
public final class Detectors {

    /** Names of the built-in detectors, as used by configuration and the eval command. */
    public static final List<String> NAMES = List.of("pii", "secrets", "injection", "harmful", "topic", "keywords", "length", "language", "url", "restrictions");

    private static final Detector PII = new PiiDetector(PiiDetector.Entity.DEFAULT);
    private static final Detector SECRETS = new SecretsDetector(3.5);
    /** The detectors with built-in classifiers, loaded on first use. */
    private static final class Classified {
        static final LinearTextModel INJECTION_MODEL = LinearTextModel.builtIn("injection.model");
        static final LinearTextModel HARMFUL_MODEL = LinearTextModel.builtIn("harmful.model");
        static final Detector INJECTION = new InjectionDetector(INJECTION_MODEL);
        static final Detector HARMFUL = new HarmfulDetector(HARMFUL_MODEL);
    }
    private static final Detector INJECTION_RULES = new InjectionDetector(null);
    private static final Detector HARMFUL_RULES = new HarmfulDetector(null);

    private Detectors() {
    }

    /**
     * PII: EMAIL_ADDRESS, PHONE_NUMBER, CREDIT_CARD, IBAN_CODE, US_SSN, IP_ADDRESS. The opt-in types
     * (DOMAIN_NAME, DATE_TIME, ZIP_CODE, AGE) are not included; name them with {@link #pii(Set)}.
     */
    public static Detector pii() {
        return PII;
    }

    /**
     * PII of the named entity types (case-insensitive): any of the default EMAIL_ADDRESS,
     * PHONE_NUMBER, CREDIT_CARD, IBAN_CODE, US_SSN, IP_ADDRESS and the opt-in DOMAIN_NAME (host names
     * ending in a known top-level domain), DATE_TIME (explicit dates and times, range-checked),
     * ZIP_CODE (after a cue word such as "zip code") and AGE (with "years old", "aged", ...). An empty set
     * means the six default types.
     *
     * @param entityTypes the types to report, for example {@code Set.of("EMAIL_ADDRESS", "DATE_TIME")}
     * @throws IllegalArgumentException for an unknown type (the message lists the known ones)
     */
    public static Detector pii(Set<String> entityTypes) {
        EnumSet<PiiDetector.Entity> set = EnumSet.noneOf(PiiDetector.Entity.class);
        for (String t : entityTypes) {
            try {
                set.add(PiiDetector.Entity.valueOf(t.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("pii: unknown entity type '" + t + "', known: " + List.of(PiiDetector.Entity.values()));
            }
        }
        return set.isEmpty() ? PII : new PiiDetector(set);
    }

    /** Secrets: provider key formats, private keys, JWTs, credentials in URLs, generic high-entropy secrets in context. */
    public static Detector secrets() {
        return SECRETS;
    }

    /** Prompt injection and jailbreaks. */
    public static Detector injection() {
        return Classified.INJECTION;
    }

    /** Harmful requests, with graded severity by category. */
    public static Detector harmful() {
        return Classified.HARMFUL;
    }

    /** Phrases matched case-insensitively on word boundaries; findings of type {@code KEYWORD}. */
    public static Detector keywords(List<String> phrases) {
        return new KeywordDetector(phrases, true, "KEYWORD", Severity.MEDIUM);
    }

    /** Text longer than {@code maxChars} code points. */
    public static Detector length(int maxChars) {
        return new LengthDetector(0, maxChars, Integer.MAX_VALUE);
    }

    /** URLs checked against domain allow and deny lists (either may be empty). */
    public static Detector url(Set<String> allowDomains, Set<String> denyDomains) {
        return new UrlDetector(allowDomains, denyDomains);
    }

    /**
     * Allowed / denied topics: topic name to phrases; an empty phrase list means the built-in
     * vocabulary of that name (banking, credit_cards, travel, medical, politics, gambling, weapons).
     */
    public static Detector topic(Map<String, List<String>> allowed, Map<String, List<String>> denied) {
        return new TopicDetector(allowed, denied);
    }

    /** Allowed Unicode scripts (LATIN, CYRILLIC, ...) and languages (en, fr, de, es, it, pt, nl). */
    public static Detector language(Set<String> scripts, Set<String> languages) {
        return new LanguageDetector(scripts, languages);
    }

    /**
     * The restrictions an agent's own system prompt states, checked against the user's text:
     * forbidden topics and tasks ({@code RESTRICTED_TOPIC}), secrets and distinctive values the
     * prompt must not reveal ({@code PROTECTED_VALUE}) and the personal data of people it describes
     * ({@code PERSONAL_DATA}). The prompt is parsed once per distinct string (the parse is cached), so
     * calling this on every turn with the session's prompt is cheap. A blank prompt gives a detector
     * that finds nothing. To read the prompt from each turn's session, use {@link RestrictionsPolicy}.
     *
     * @param systemPrompt the agent's system prompt
     * @since 0.1
     */
    public static Detector restrictions(String systemPrompt) {
        return RestrictionsDetector.forSystemPrompt(Objects.requireNonNull(systemPrompt, "systemPrompt"));
    }

    /**
     * Creates a detector by configuration name with parameters, as in a policy document.
     * Parameters by detector:
     * <ul>
     *   <li>{@code pii}: {@code entities} (list of types, see {@link #pii(Set)}; default the six
     *       default types, the opt-in DOMAIN_NAME, DATE_TIME, ZIP_CODE, AGE only when listed);</li>
     *   <li>{@code secrets}: {@code minEntropy} (bits per char, in [2, 6], default 3.5);</li>
     *   <li>{@code injection}, {@code harmful}: {@code classifier} (default true; false runs the
     *       rules only, without the built-in {@link LinearTextModel} classifier) and
     *       {@code classifierThreshold} (a probability in (0, 1); default the model's own, 0.613 for
     *       injection and 0.865 for harmful: higher flags less);</li>
     *   <li>{@code keywords}: {@code phrases} (non-empty list) and/or {@code patterns} (regular
     *       expressions, each run under a step budget), {@code wholeWords} (default true),
     *       {@code type} (default KEYWORD), {@code severity};</li>
     *   <li>{@code length}: {@code minChars}, {@code maxChars}, {@code maxWords};</li>
     *   <li>{@code language}: {@code scripts}, {@code languages};</li>
     *   <li>{@code url}: {@code allow}, {@code deny} (domain lists);</li>
     *   <li>{@code topic}: {@code allowed}, {@code denied} (lists of built-in topic names, or
     *       objects of topic name to phrases);</li>
     *   <li>{@code restrictions}: {@code systemPrompt} (required, a string: the prompt whose
     *       restrictions are checked; {@link RestrictionsPolicy} reads it from the session instead).</li>
     * </ul>
     *
     * @throws IllegalArgumentException for an unknown detector (listing the known ones), an
     *                                  unknown parameter or a bad value; the message says which
     */
    public static Detector create(String name, Map<String, ?> params) {
        Objects.requireNonNull(name, "name");
        Map<String, ?> p = params == null ? Map.of() : params;
        String n = name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "pii" -> {
                only(n, p, "entities");
                return p.containsKey("entities") ? pii(Set.copyOf(strings(n, p, "entities"))) : pii();
            }
            case "secrets" -> {
                only(n, p, "minEntropy");
                if (!p.containsKey("minEntropy")) {
                    return secrets();
                }
                double h = number(n, p, "minEntropy", 3.5);
                if (!(h >= 2.0 && h <= 6.0)) {
                    throw new IllegalArgumentException("secrets: minEntropy must be in [2, 6] bits per char, but was " + h);
                }
                return new SecretsDetector(h);
            }
            case "injection" -> {
                only(n, p, "classifier", "classifierThreshold");
                if (!flag(n, p, "classifier")) {
                    return INJECTION_RULES;
                }
                return p.containsKey("classifierThreshold")
                        ? new InjectionDetector(Classified.INJECTION_MODEL.withThreshold(threshold(n, p))) : injection();
            }
            case "harmful" -> {
                only(n, p, "classifier", "classifierThreshold");
                if (!flag(n, p, "classifier")) {
                    return HARMFUL_RULES;
                }
                return p.containsKey("classifierThreshold")
                        ? new HarmfulDetector(Classified.HARMFUL_MODEL.withThreshold(threshold(n, p))) : harmful();
            }
            case "keywords" -> {
                only(n, p, "phrases", "patterns", "wholeWords", "type", "severity");
                if (!p.containsKey("phrases") && !p.containsKey("patterns")) {
                    throw new IllegalArgumentException("keywords: parameter 'phrases' (or 'patterns') is required");
                }
                List<String> phrases = p.containsKey("phrases") ? strings(n, p, "phrases") : List.of();
                List<String> patterns = p.containsKey("patterns") ? strings(n, p, "patterns") : List.of();
                boolean whole = !p.containsKey("wholeWords") || Boolean.parseBoolean(String.valueOf(p.get("wholeWords")));
                String type = p.containsKey("type") ? String.valueOf(p.get("type")) : "KEYWORD";
                Severity sev = p.containsKey("severity") ? Severity.parse(String.valueOf(p.get("severity"))) : Severity.MEDIUM;
                if (p.containsKey("phrases") && phrases.isEmpty() && patterns.isEmpty()) {
                    throw new IllegalArgumentException("keywords: the phrase list must not be empty");
                }
                return new KeywordDetector(phrases, patterns, whole, type, sev);
            }
            case "length" -> {
                only(n, p, "minChars", "maxChars", "maxWords");
                int min = (int) number(n, p, "minChars", 0);
                double max = number(n, p, "maxChars", 100_000);
                double words = number(n, p, "maxWords", Integer.MAX_VALUE);
                if (max > 10_000_000 || words > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("length: maxChars must be <= 10,000,000, but was " + (long) max);
                }
                return new LengthDetector(min, (int) max, (int) words);
            }
            case "language" -> {
                only(n, p, "scripts", "languages");
                return language(Set.copyOf(p.containsKey("scripts") ? strings(n, p, "scripts") : List.of()),
                        Set.copyOf(p.containsKey("languages") ? strings(n, p, "languages") : List.of()));
            }
            case "url" -> {
                only(n, p, "allow", "deny");
                return url(Set.copyOf(p.containsKey("allow") ? strings(n, p, "allow") : List.of()),
                        Set.copyOf(p.containsKey("deny") ? strings(n, p, "deny") : List.of()));
            }
            case "topic" -> {
                only(n, p, "allowed", "denied");
                return topic(topics(n, p, "allowed"), topics(n, p, "denied"));
            }
            case "restrictions" -> {
                only(n, p, "systemPrompt");
                Object sp = p.get("systemPrompt");
                if (sp == null) {
                    throw new IllegalArgumentException("restrictions: parameter 'systemPrompt' is required");
                }
                if (!(sp instanceof String s)) {
                    throw new IllegalArgumentException("restrictions: parameter 'systemPrompt' must be a string, but was " + sp.getClass().getSimpleName());
                }
                return restrictions(s);
            }
            default -> throw new IllegalArgumentException("unknown detector '" + name + "', known detectors: " + NAMES);
        }
    }

    private static double threshold(String detector, Map<String, ?> p) {
        double t = number(detector, p, "classifierThreshold", 0.5);
        if (!(t > 0 && t < 1)) {
            throw new IllegalArgumentException(detector + ": classifierThreshold must be strictly between 0 and 1, but was " + t);
        }
        return t;
    }

    private static boolean flag(String detector, Map<String, ?> p, String key) {
        Object v = p.get(key);
        if (v == null) {
            return true;
        }
        String t = String.valueOf(v).trim().toLowerCase(Locale.ROOT);
        if (!t.equals("true") && !t.equals("false")) {
            throw new IllegalArgumentException(detector + ": parameter '" + key + "' must be true or false, but was '" + v + "'");
        }
        return t.equals("true");
    }

    private static void only(String detector, Map<String, ?> p, String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (String k : p.keySet()) {
            if (!ok.contains(k)) {
                throw new IllegalArgumentException(detector + ": unknown parameter '" + k + "'"
                        + (allowed.length == 0 ? ", it takes none" : ", known: " + List.of(allowed)));
            }
        }
    }

    private static List<String> strings(String detector, Map<String, ?> p, String key) {
        Object v = p.get(key);
        if (!(v instanceof List<?> list)) {
            throw new IllegalArgumentException(detector + ": parameter '" + key + "' must be a list of strings");
        }
        List<String> r = new ArrayList<>(list.size());
        for (Object o : list) {
            if (!(o instanceof String s)) {
                throw new IllegalArgumentException(detector + ": parameter '" + key + "' must be a list of strings, but holds " + o);
            }
            r.add(s);
        }
        return r;
    }

    private static double number(String detector, Map<String, ?> p, String key, double dflt) {
        Object v = p.get(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Number num)) {
            throw new IllegalArgumentException(detector + ": parameter '" + key + "' must be a number, but was '" + v + "'");
        }
        double d = num.doubleValue();
        if (Double.isNaN(d) || d < 0) {
            throw new IllegalArgumentException(detector + ": parameter '" + key + "' must be >= 0, but was " + d);
        }
        return d;
    }

    private static Map<String, List<String>> topics(String detector, Map<String, ?> p, String key) {
        Object v = p.get(key);
        Map<String, List<String>> r = new LinkedHashMap<>();
        if (v == null) {
            return r;
        }
        if (v instanceof List<?> list) {
            for (Object o : list) {
                r.put(String.valueOf(o), List.of());
            }
            return r;
        }
        if (v instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Map<String, Object> one = Map.of("x", e.getValue());
                r.put(String.valueOf(e.getKey()), strings(detector, one, "x"));
            }
            return r;
        }
        throw new IllegalArgumentException(detector + ": parameter '" + key + "' must be a list of topic names or an object of topic to phrases");
    }
}
