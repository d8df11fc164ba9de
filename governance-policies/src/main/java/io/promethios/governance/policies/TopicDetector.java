package io.promethios.governance.policies;

import io.promethios.governance.policies.text.NormalizedText;
import io.promethios.governance.policies.text.TextNormalizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Topic restriction by vocabulary. A topic is a list of phrases (or the name of a built-in topic:
 * {@link #BUILT_IN}). Text mentioning a denied topic gives {@code DENIED_TOPIC}; when allowed
 * topics are set, text mentioning none of them gives {@code OFF_TOPIC}. All phrases of all topics
 * are matched in one Aho-Corasick pass, as words with their inflections ({@code account} matches
 * {@code accounts}, {@code deposit} matches {@code deposited}, {@code bet} matches {@code betting} but not
 * {@code better} or {@code between}); a phrase ending in {@code *} is a stem and matches any word it
 * starts ({@code diagnos*} matches {@code diagnosis} and {@code diagnosed}).
 *
 * <p>Limitations: a vocabulary test, not a classifier. Short or vague requests ("what can you
 * do?") are off-topic for it; a question that uses an allowed topic's words for another purpose
 * passes.
 */
final class TopicDetector implements Detector {

    /** Built-in topic vocabularies (English). */
    static final Map<String, List<String>> BUILT_IN = Map.of(
            "banking", List.of("bank", "account", "balance", "transfer", "deposit", "withdraw", "checking", "savings", "routing number",
                    "wire", "transaction", "statement", "overdraft", "loan", "mortgage", "interest rate", "atm", "pin", "direct deposit",
                    "bill", "pay ", "payment", "paycheck", "spending", "spent", "money", "fund", "cash", "freeze", "frozen", "fraud", "lost",
                    "stolen", "report", "insurance", "budget", "income", "tax", "dollar", "$", "bank account"),
            "credit_cards", List.of("credit card", "card", "credit limit", "credit score", "apr", "annual fee", "rewards", "points",
                    "cash back", "cashback", "expiration", "declined", "decline", "visa", "mastercard", "amex", "american express",
                    "discover", "minimum payment", "due date", "late fee", "credit", "replacement", "activate", "redeem", "international fee",
                    "transaction fee", "apply for"),
            "travel", List.of("flight", "hotel", "airport", "passport", "visa", "luggage", "baggage", "trip", "vacation", "travel", "booking",
                    "reservation", "car rental", "rent a car", "itinerary", "boarding", "layover", "exchange rate", "plug", "timezone", "jet lag"),
            "medical", List.of("doctor", "symptom", "medicine", "medication", "diagnos*", "disease", "illness", "hospital", "prescription",
                    "dose", "pain", "treatment", "therapy", "vaccin*", "surgery", "health", "headache", "fever", "ibuprofen", "acetaminophen",
                    "paracetamol", "aspirin", "antibiotic", "side effect", "infection", "clinic", "pharmac*"),
            "politics", List.of("election", "vote", "voting", "president", "senator", "congress", "parliament", "political", "politics",
                    "democrat*", "republican", "campaign", "ballot", "government", "prime minister", "policy debate"),
            "gambling", List.of("casino", "bet", "betting", "gamble", "gambling", "poker", "blackjack", "roulette", "slot machine", "odds",
                    "sportsbook", "lottery", "jackpot"),
            "weapons", List.of("gun", "firearm", "rifle", "pistol", "ammunition", "ammo", "explosive", "weapon", "grenade", "silencer", "handgun", "shotgun", "revolver",
                    "ar-15", "assault rifle", "concealed carry"));

    private final AhoCorasick automaton;
    private final List<String> phraseTopic = new ArrayList<>();
    private final List<Boolean> phraseAllowed = new ArrayList<>();
    private final List<Boolean> phraseStem = new ArrayList<>();
    private final boolean hasAllowed;

    TopicDetector(Map<String, List<String>> allowed, Map<String, List<String>> denied) {
        if (allowed.isEmpty() && denied.isEmpty()) {
            throw new IllegalArgumentException("topic: set at least one allowed or denied topic");
        }
        List<String> phrases = new ArrayList<>();
        for (boolean isAllowed : new boolean[] {true, false}) {
            for (Map.Entry<String, List<String>> e : resolve(isAllowed ? allowed : denied).entrySet()) {
                for (String p : e.getValue()) {
                    boolean stem = p.endsWith("*") && p.length() > 1;
                    String word = stem ? p.substring(0, p.length() - 1) : p;
                    phrases.add(TextNormalizer.normalize(word.toLowerCase(java.util.Locale.ROOT)).normalized());
                    phraseStem.add(stem);
                    phraseTopic.add(e.getKey());
                    phraseAllowed.add(isAllowed);
                }
            }
        }
        this.automaton = AhoCorasick.of(phrases);
        this.hasAllowed = !allowed.isEmpty();
    }

    private static Map<String, List<String>> resolve(Map<String, List<String>> topics) {
        Map<String, List<String>> r = new LinkedHashMap<>();
        topics.forEach((name, phrases) -> {
            List<String> ps = phrases == null || phrases.isEmpty() ? BUILT_IN.get(name) : phrases;
            if (ps == null) {
                throw new IllegalArgumentException("topic: '" + name + "' has no phrases and is not a built-in topic " + BUILT_IN.keySet());
            }
            r.put(name, ps);
        });
        return r;
    }

    @Override
    public String name() {
        return "topic";
    }

    @Override
    public List<Detection> detect(String text) {
        NormalizedText nt = TextNormalizer.normalize(text);
        String s = nt.normalized();
        List<Detection> out = new ArrayList<>();
        boolean onTopic = false;
        for (AhoCorasick.Match m : automaton.findAll(s)) {
            if (m.start() > 0 && Character.isLetterOrDigit(s.charAt(m.start() - 1)) && Character.isLetterOrDigit(s.charAt(m.start()))) {
                continue; // inside a word
            }
            if (!phraseStem.get(m.phrase()) && !wordEndsAfter(s, m.end())) {
                continue; // a longer word: "bet" in "between", "tax" in "taxi"
            }
            if (phraseAllowed.get(m.phrase())) {
                onTopic = true;
            } else {
                int[] o = nt.toOriginal(m.start(), m.end());
                out.add(new Detection("DENIED_TOPIC", o[0], o[1], 0.8, Severity.MEDIUM));
            }
        }
        if (hasAllowed && !onTopic) {
            out.add(Detection.whole("OFF_TOPIC", 0.7, Severity.LOW));
        }
        return out;
    }

    /** Inflections a phrase may take: plural, past, participle, agent noun. */
    private static final Set<String> INFLECTIONS = Set.of("s", "es", "d", "ed", "ing", "ings", "er", "ers");

    /** Whether the word ends at {@code end}, or after one of {@link #INFLECTIONS} (after a doubled last letter too). */
    private static boolean wordEndsAfter(String s, int end) {
        int n = s.length();
        if (end >= n || !Character.isLetterOrDigit(s.charAt(end)) || !Character.isLetterOrDigit(s.charAt(end - 1))) {
            return true;
        }
        int e = end;
        while (e < n && Character.isLetterOrDigit(s.charAt(e))) {
            e++;
        }
        String rest = s.substring(end, e).toLowerCase(java.util.Locale.ROOT);
        if (rest.length() > 1 && rest.charAt(0) == Character.toLowerCase(s.charAt(end - 1))) {
            rest = rest.substring(1); // a doubled consonant: "bet" in "betting", "plan" in "planned"
            return rest.equals("ing") || rest.equals("ings") || rest.equals("ed"); // not "er": "better" is not "bet"
        }
        return INFLECTIONS.contains(rest);
    }
}
