package io.promethios.governance.policies;

import io.promethios.governance.policies.text.TextNormalizer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a system prompt into the restrictions {@link RestrictionsDetector} checks. Deterministic
 * rules, no model:
 *
 * <ol>
 *   <li><b>Sentences.</b> The normalized prompt (first {@value #MAX_PROMPT_CHARS} chars) is split at
 *       {@code . ! ? ;} and line breaks followed by a space or the end. Fillers that only add emphasis
 *       are dropped ("under any circumstances", "at all costs", "no matter what", "absolutely",
 *       "strictly", "always", "please").</li>
 *   <li><b>Prohibitions.</b> A prefix cue ("do not", "don't", "never", "avoid", "must not", "should
 *       not", "cannot", "refrain from", "under no circumstances", "not programmed / allowed /
 *       permitted / supposed to") is followed by its object up to the end of the sentence, a purpose
 *       or reason clause ("to maintain", "to ensure", "in order to", "so that", "because", "as it",
 *       a comma before "as / because / since / which / to / but ..." or before a subject pronoun, which
 *       starts a new clause) or a descriptive relative clause ("that are", "which is"). After a cue that
 *       takes a verb ("do not", "never", "should you"), the first word is that verb and is dropped
 *       ("do not interject opinions"); after "avoid" and "refrain from" a noun may follow directly. A postfix cue ("... is (strictly) not allowed / permitted",
 *       "is forbidden / prohibited / banned / off-limits") takes the sentence before it as object
 *       (after a leading "Due to ..., " / "Because ..., " clause).</li>
 *   <li><b>Items.</b> The object is cut into segments at "like", "such as", "including", "e.g.",
 *       "especially", "in particular", "for example"; a segment whose last content word is a generic
 *       noun ("topics", "subjects", "issues", "questions"...) names a category ("controversial
 *       topics"), which a word test cannot judge, and is dropped. Other segments are cut into items at
 *       "or", "and", commas and slashes, except inside a relative clause ("emails that could ...").
 *       An item that says "any other" / "other than" / "else" is the complement of the prompt's own
 *       scope and is dropped, as are scope-only sentences ("only sort numbers"): no sound lexical test
 *       exists for "anything but X".</li>
 *   <li><b>Content words.</b> From each item: function words, meta verbs (discuss, help, give,
 *       provide, share, reveal, write...), generic nouns (task, information, details, instructions,
 *       user...), the verb after "how to" or a modal, and a leading gerund ("baking a cake") are
 *       dropped. The rest are stemmed ({@link #stem}). An item matches a text when all of its stems
 *       occur (one or two stems) or at least two thirds of them (three or more).</li>
 *   <li><b>Protected values.</b> A quoted value ('Piano', "Tornado") whose holder, the words just
 *       before it ("the secret key is", "my computer's password is", "reveal the password"), names a
 *       secret (password, passcode, passphrase, secret, key, code, PIN, token, credentials) is
 *       protected when the prompt forbids revealing or sharing anything, or the holder says "secret".
 *       A text that names the holder asks for the value: "password" (or a synonym: passcode,
 *       passphrase, credentials, login) alone; an ambiguous head (key, code, PIN, token) only with its
 *       modifiers ("secret key"; of a holder longer than two words the head and the word next to it);
 *       a possessor next to the head always ("computer's password"). A distinctive value (with
 *       a digit, a non-letter or an inner capital, like {@code Alpha123}) found in the text is
 *       reported too; a plain word ({@code Piano}) is not, since ordinary text contains it.</li>
 *   <li><b>Personal data.</b> A prohibition to reveal / share / disclose private, personal,
 *       sensitive or confidential information, or a user's / customer's / employee's information,
 *       protects the people the prompt describes: their names ("name is", "named", JSON
 *       {@code "name":}), e-mail addresses and phone numbers. A text that mentions such a name or
 *       "the / other / different user(s)" together with a personal attribute (e-mail, address, phone,
 *       birth, age, where someone lives, initials, balance...) asks for them; an e-mail address or phone
 *       number of the prompt found in the text is a protected value.</li>
 * </ol>
 *
 * <p><b>Stemming and synonyms.</b> Words are lower-cased, stripped of accents, of a possessive
 * {@code 's}, of plural {@code s / ies}, of {@code ing} (when at least three letters remain) or
 * {@code ed} (when at least four remain) and of a final {@code e}, then cut to six letters. Two stems match when equal, or
 * when one of at least five letters begins the other (music / música, compos[er] / compôs), which also
 * catches close cognates in Romance languages. Synonyms: "artificial intelligence" (either word
 * order, as in Italian "intelligenza artificiale") and "AI"; "maths", "mathematics",
 * "mathematical" and "math"; "passcode", "passphrase", "passwd", "pwd", "credentials", "login" and
 * "password".
 */
final class RestrictionParser {

    /** Only the start of a longer prompt is parsed (restrictions are stated up front). */
    static final int MAX_PROMPT_CHARS = 20_000;
    /** Stems of at least this many letters match a longer stem they begin. */
    static final int PREFIX = 5;
    private static final int STEM_MAX = 6;
    private static final int MAX_VALUE_CHARS = 60;

    private RestrictionParser() {
    }

    /** A forbidden topic or task: stems, of which {@code required} must occur. */
    record Topic(List<String> stems, int required) {
        Topic {
            stems = List.copyOf(stems);
        }
    }

    /** A protected secret: the holder stems that must all occur for a text to ask for it. */
    record Secret(List<String> holder) {
        Secret {
            holder = List.copyOf(holder);
        }
    }

    /**
     * What a prompt restricts.
     *
     * @param topics       forbidden topics and tasks
     * @param secrets      protected secrets, by holder
     * @param values       distinctive protected values (lower case), matched verbatim
     * @param personalData whether the prompt protects the personal data of people it describes
     * @param names        lower-case name parts of those people
     */
    record Restrictions(List<Topic> topics, List<Secret> secrets, Set<String> values, boolean personalData, Set<String> names) {
        static final Restrictions NONE = new Restrictions(List.of(), List.of(), Set.of(), false, Set.of());

        Restrictions {
            topics = List.copyOf(topics);
            secrets = List.copyOf(secrets);
            values = Set.copyOf(values);
            names = Set.copyOf(names);
        }

        boolean isEmpty() {
            return topics.isEmpty() && secrets.isEmpty() && values.isEmpty() && !personalData;
        }
    }

    // ------------------------------------------------------------------ vocabularies

    private static final Set<String> STOP = Set.of(
            "a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "about", "from", "by", "as", "into", "onto", "over", "under",
            "and", "or", "nor", "but", "if", "then", "than", "so", "such", "that", "this", "these", "those", "which", "who", "whom",
            "whose", "what", "when", "where", "why", "how", "it", "its", "it's", "they", "them", "their", "he", "she", "his", "her", "him",
            "we", "our", "us", "you", "your", "yours", "i", "me", "my", "mine", "be", "is", "are", "was", "were", "been", "being", "am",
            "do", "does", "did", "doing", "have", "has", "had", "having", "can", "could", "should", "would", "will", "shall", "may",
            "might", "must", "not", "no", "any", "all", "some", "each", "every", "other", "another", "more", "most", "less", "very",
            "also", "just", "only", "own", "same", "too", "there", "here", "up", "down", "out", "off", "again", "further", "once", "even",
            "ever", "always", "never", "anyone", "anybody", "someone", "somebody", "everyone", "anything", "something", "everything",
            "nothing", "one", "ones", "way", "ways", "make", "makes", "making", "get", "gets", "getting", "let", "etc", "e", "g", "eg",
            "ie", "whether", "while", "like", "including", "include", "includes", "especially", "particular", "example", "instance");

    /** Meta verbs: what the agent must not do with the topic, not the topic itself. */
    private static final Set<String> META_VERBS = Set.of(
            "discuss", "discussing", "talk", "talking", "help", "helping", "give", "giving", "provide", "providing", "share", "sharing",
            "reveal", "revealing", "mention", "mentioning", "tell", "telling", "explain", "explaining", "answer", "answering", "engage",
            "engaging", "offer", "offering", "assist", "assisting", "respond", "responding", "reply", "replying", "disclose", "disclosing",
            "say", "saying", "write", "writing", "generate", "generating", "produce", "producing", "divulge", "leak", "expose", "repeat",
            "print", "output", "bring", "address", "addressing", "cover", "covering", "touch", "entertain");

    /** Verbs after which a prohibition protects data rather than a topic. */
    private static final Set<String> REVEAL_VERBS = Set.of(
            "reveal", "share", "disclose", "give", "provide", "leak", "tell", "expose", "divulge", "release", "pass", "say", "mention",
            "repeat", "print", "output", "send");

    /** Nouns that are about the exchange, not its subject. */
    private static final Set<String> GENERIC = Set.of(
            "topic", "topics", "subject", "subjects", "matter", "matters", "issue", "issues", "thing", "things", "question", "questions",
            "answer", "answers", "discussion", "discussions", "conversation", "conversations", "information", "info", "data", "detail",
            "details", "instruction", "instructions", "task", "tasks", "job", "work", "help", "advice", "guidance", "content", "contents",
            "text", "user", "users", "user's", "people", "person", "area", "areas", "kind", "kinds", "type", "types", "related", "regarding",
            "concerning", "involving", "depth", "circumstances", "cost", "costs", "prompt", "request", "requests", "response",
            "responses", "explanation", "explanations", "field", "fields", "domain", "domains", "stuff", "specific", "general",
            "certain", "various", "anyone", "time", "times", "case", "cases", "manner", "form");

    /** Generic nouns that make a segment a category ("controversial topics"). */
    private static final Set<String> CATEGORY_HEADS = Set.of(
            "topic", "topics", "subject", "subjects", "matter", "matters", "issue", "issues", "thing", "things", "question", "questions",
            "area", "areas", "field", "fields", "discussion", "discussions", "conversation", "conversations", "content", "stuff",
            "domain", "domains", "theme", "themes");

    private static final Set<String> MODALS = Set.of("can", "could", "should", "would", "will", "may", "might", "must");

    private static final Set<String> FILLER_WORDS = Set.of("absolutely", "strictly", "always", "please", "consciously", "whatsoever");

    private static final List<List<String>> FILLERS = List.of(
            List.of("under", "any", "circumstances"), List.of("in", "any", "circumstances"), List.of("at", "all", "costs"),
            List.of("no", "matter", "what"), List.of("at", "any", "time"), List.of("in", "any", "case"), List.of("in", "any", "way"));

    private static final List<List<String>> PREFIX_CUES = List.of(
            List.of("under", "no", "circumstances"), List.of("do", "not"), List.of("does", "not"), List.of("don't"), List.of("dont"),
            List.of("doesn't"), List.of("never"), List.of("avoid"), List.of("avoids"), List.of("avoiding"), List.of("must", "not"),
            List.of("mustn't"), List.of("should", "not"), List.of("shouldn't"), List.of("cannot"), List.of("can't"), List.of("can", "not"),
            List.of("may", "not"), List.of("refrain", "from"), List.of("are", "not", "to"), List.of("is", "not", "to"),
            List.of("not", "programmed", "to"), List.of("not", "allowed", "to"), List.of("not", "permitted", "to"),
            List.of("not", "supposed", "to"), List.of("not", "meant", "to"), List.of("not", "designed", "to"),
            List.of("not", "authorized", "to"));

    private static final List<List<String>> POSTFIX_CUES = List.of(
            List.of("not", "allowed"), List.of("not", "permitted"), List.of("forbidden"), List.of("prohibited"), List.of("banned"),
            List.of("off", "limits"));

    /** Words that open a reason or purpose clause after a comma. */
    private static final Set<String> AFTER_COMMA_END = Set.of(
            "as", "because", "since", "so", "which", "to", "but", "even", "unless", "while", "who", "due", "this", "in",
            // a subject pronoun after a comma starts a new clause ("..., your job is only to provide facts")
            "you", "your", "it", "its", "we", "our", "i", "they", "their", "he", "she", "there");

    private static final List<List<String>> CLAUSE_ENDS = List.of(
            List.of("to", "maintain"), List.of("to", "ensure"), List.of("to", "keep"), List.of("to", "protect"), List.of("to", "prevent"),
            List.of("to", "comply"), List.of("to", "respect"), List.of("to", "stay"), List.of("to", "preserve"), List.of("to", "guarantee"),
            List.of("in", "order"), List.of("so", "that"), List.of("so", "as"), List.of("as", "it"), List.of("as", "this"),
            List.of("as", "that"), List.of("because"), List.of("since"), List.of("unless"), List.of("but"), List.of("even", "if"),
            List.of("that", "are"), List.of("that", "is"), List.of("which", "are"), List.of("which", "is"), List.of("instead"));

    private static final List<List<String>> SEGMENT_MARKS = List.of(
            List.of("like"), List.of("such", "as"), List.of("including"), List.of("include"), List.of("includes"), List.of("e", "g"),
            List.of("eg"), List.of("especially"), List.of("in", "particular"), List.of("for", "example"), List.of("for", "instance"),
            List.of("namely"));

    private static final Set<String> JUSTIFICATION_OPENERS = Set.of("due", "because", "since", "given", "for", "as", "owing", "to", "in");

    /** Stems of nouns that name a secret. */
    private static final Set<String> SECRET_NOUNS = Set.of("passwo", "secret", "key", "cod", "pin", "token");
    /** Secret nouns that are unambiguous alone; the others need their modifiers ("secret key"). */
    private static final Set<String> UNAMBIGUOUS_SECRETS = Set.of("passwo");
    /** Stems of adjectives that add nothing to an unambiguous secret noun ("secret password"). */
    private static final Set<String> SECRET_ADJECTIVES = Set.of("secret", "hidden", "privat", "confid", "specia");

    /** Stems of words that ask about a person's attributes. */
    static final Set<String> PERSONAL_ATTRIBUTES = Set.of(
            "email", "mail", "addres", "phon", "teleph", "mobil", "birth", "born", "birthd", "birthp", "ag", "liv", "resid", "hom",
            "hometo", "city", "locati", "color", "colour", "favori", "favour", "balanc", "initia", "contac", "nam", "surnam", "salary",
            "ssn", "accoun", "wherea");

    static final Set<String> USER_DETERMINERS = Set.of("the", "other", "another", "different", "each", "every", "all", "these", "those",
            "this", "that", "any", "our", "your", "some");

    static final Map<String, String> STEM_SYNONYMS = Map.of(
            "maths", "math", "mathem", "math", "passco", "passwo", "passph", "passwo", "passwd", "passwo", "pwd", "passwo",
            "creden", "passwo", "login", "passwo");

    // ------------------------------------------------------------------ parsing

    /** Parses {@code systemPrompt}; never throws for any string. */
    static Restrictions parse(String systemPrompt) {
        String sp = systemPrompt.length() > MAX_PROMPT_CHARS ? systemPrompt.substring(0, MAX_PROMPT_CHARS) : systemPrompt;
        String s = TextNormalizer.normalize(sp).normalized();
        List<Topic> topics = new ArrayList<>();
        boolean revealForbidden = false;
        boolean personalData = false;
        for (String sentence : sentences(s)) {
            List<String> words = removeFillers(words(sentence));
            for (int i = 0; i < words.size(); i++) {
                int cue = matchAt(words, i, PREFIX_CUES);
                if (cue > 0) {
                    int from = i + cue;
                    while (from < words.size() && words.get(from).equals(",")) {
                        from++;
                    }
                    int to = objectEnd(words, from);
                    List<String> object = words.subList(from, to);
                    String verb = firstContent(object);
                    if (verb != null && REVEAL_VERBS.contains(verb)) {
                        revealForbidden = true;
                        if (protectsPersonalData(object)) {
                            personalData = true;
                            i = to - 1;
                            continue;
                        }
                    }
                    items(verbCue(words, i, cue) ? withoutVerb(object) : object, topics);
                    i = to - 1;
                    continue;
                }
                int post = matchAt(words, i, POSTFIX_CUES);
                if (post > 0) {
                    int from = 0;
                    if (!words.isEmpty() && JUSTIFICATION_OPENERS.contains(words.get(0))) {
                        int comma = words.subList(0, i).indexOf(",");
                        from = comma < 0 ? 0 : comma + 1;
                    }
                    List<String> object = new ArrayList<>(words.subList(from, i));
                    while (!object.isEmpty() && (object.get(object.size() - 1).equals("is") || object.get(object.size() - 1).equals("are"))) {
                        object.remove(object.size() - 1);
                    }
                    items(object, topics);
                    i += post - 1;
                }
            }
        }
        List<Secret> secrets = new ArrayList<>();
        Set<String> values = new LinkedHashSet<>();
        quotedSecrets(s, revealForbidden, secrets, values);
        if (!secrets.isEmpty()) {
            // an item about the secret itself ("reveal the password 'X'") is the secret's, not a topic
            topics.removeIf(t -> t.stems().stream().anyMatch(SECRET_NOUNS::contains));
        }
        Set<String> names = new LinkedHashSet<>();
        if (personalData) {
            people(s, names, values);
        }
        return new Restrictions(dedupe(topics), secrets, values, personalData, names);
    }

    private static List<Topic> dedupe(List<Topic> topics) {
        List<Topic> out = new ArrayList<>();
        for (Topic t : topics) {
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private static List<String> sentences(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean end = c == '\n' || c == '\r' || ((c == '.' || c == '!' || c == '?' || c == ';')
                    && (i + 1 == s.length() || Character.isWhitespace(s.charAt(i + 1))));
            if (end) {
                if (i > start) {
                    out.add(s.substring(start, i));
                }
                start = i + 1;
            }
        }
        if (start < s.length()) {
            out.add(s.substring(start));
        }
        return out;
    }

    /** Lower-case words of a sentence (accents kept), with commas and slashes as tokens of their own. */
    private static List<String> words(String sentence) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < sentence.length(); i++) {
            char c = sentence.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                w.append(Character.toLowerCase(c));
            } else if (isApostrophe(c) && w.length() > 0 && !elision(sentence, i, w.length())) {
                w.append('\'');
            } else {
                if (w.length() > 0) {
                    out.add(w.toString());
                    w.setLength(0);
                }
                if (c == ',' || c == '/' || c == ':') {
                    out.add(",");
                }
            }
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }

    /**
     * Whether the apostrophe at {@code i} ends a word rather than joining one: nothing letter-like
     * follows, or it is an elision ("l'intelligenza", "dell'arte", "d'accord": at most four letters
     * before, three or more after). English contractions and possessives ("don't", "we're",
     * "user's") have at most two letters after the apostrophe and stay one word.
     */
    static boolean elision(String s, int i, int lettersBefore) {
        int after = 0;
        for (int j = i + 1; j < s.length() && Character.isLetter(s.charAt(j)) && after < 3; j++) {
            after++;
        }
        return after == 0 || (after >= 3 && lettersBefore <= 4);
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }

    private static List<String> removeFillers(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            int f = matchAt(words, i, FILLERS);
            if (f > 0) {
                i += f - 1;
            } else if (!FILLER_WORDS.contains(words.get(i))) {
                out.add(words.get(i));
            }
        }
        return out;
    }

    /** Length of the first of {@code seqs} found at {@code i}, or 0. */
    private static int matchAt(List<String> words, int i, List<List<String>> seqs) {
        for (List<String> seq : seqs) {
            if (i + seq.size() <= words.size()) {
                boolean ok = true;
                for (int k = 0; k < seq.size() && ok; k++) {
                    ok = words.get(i + k).equals(seq.get(k));
                }
                if (ok) {
                    return seq.size();
                }
            }
        }
        return 0;
    }

    private static int objectEnd(List<String> words, int from) {
        for (int i = from; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals(",") && i + 1 < words.size() && AFTER_COMMA_END.contains(words.get(i + 1))
                    && matchAt(words, i + 1, SEGMENT_MARKS) == 0) {
                return i;
            }
            if (i > from && (matchAt(words, i, CLAUSE_ENDS) > 0 || matchAt(words, i, PREFIX_CUES) > 0)) {
                return i;
            }
        }
        return words.size();
    }

    /**
     * Whether the cue at {@code i} is followed by a verb ("do not discuss", "never interject", "should you
     * order"); after "avoid" and "refrain from" a noun may follow directly ("avoid politics").
     */
    private static boolean verbCue(List<String> words, int i, int length) {
        String last = words.get(i + length - 1);
        return !(last.startsWith("avoid") || last.equals("from"));
    }

    /** Words that may stand between a cue and its verb ("under no circumstances should you help"). */
    private static final Set<String> BEFORE_VERB = Set.of(",", "should", "you", "ever", "even", "also", "be", "to");

    /** The object without its verb: the first word after the cue ("do not do calculations" drops "do"). */
    private static List<String> withoutVerb(List<String> object) {
        for (int k = 0; k < object.size(); k++) {
            String w = object.get(k);
            if (!BEFORE_VERB.contains(w)) {
                List<String> rest = new ArrayList<>(object.subList(0, k));
                rest.addAll(object.subList(k + 1, object.size()));
                return rest;
            }
        }
        return object;
    }

    private static String firstContent(List<String> object) {
        for (String w : object) {
            if (!w.equals(",") && !STOP.contains(w)) {
                return w;
            }
        }
        return null;
    }

    private static final Set<String> DATA_WORDS = Set.of("information", "info", "data", "details", "records");
    private static final Set<String> DATA_OWNERS = Set.of("user", "users", "customer", "customers", "client", "clients", "employee",
            "employees", "patient", "patients", "member", "members");

    /**
     * Whether a reveal prohibition's object is personal data: private / personal / sensitive /
     * confidential anything, a user's / customer's ... information, or information about / of / on
     * (the) users, customers ...
     */
    private static boolean protectsPersonalData(List<String> object) {
        for (int i = 0; i < object.size(); i++) {
            String w = object.get(i);
            if (w.equals("private") || w.equals("personal") || w.equals("sensitive") || w.equals("confidential") || w.equals("pii")) {
                return true;
            }
            if (w.endsWith("'s") && DATA_OWNERS.contains(w.substring(0, w.length() - 2))) {
                return true;
            }
            if (DATA_WORDS.contains(w) && i + 1 < object.size() && Set.of("about", "of", "on").contains(object.get(i + 1))) {
                int j = i + 2;
                while (j < object.size() && Set.of("the", "our", "other", "any", "a", "your").contains(object.get(j))) {
                    j++;
                }
                if (j < object.size() && DATA_OWNERS.contains(object.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Cuts a prohibition's object into topic items. */
    private static void items(List<String> object, List<Topic> out) {
        List<List<String>> segments = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        for (int i = 0; i < object.size(); i++) {
            int m = matchAt(object, i, SEGMENT_MARKS);
            if (m > 0) {
                segments.add(cur);
                cur = new ArrayList<>();
                i += m - 1;
            } else {
                cur.add(object.get(i));
            }
        }
        segments.add(cur);
        for (List<String> segment : segments) {
            String head = null;
            for (String w : segment) {
                if (!w.equals(",") && !STOP.contains(w)) {
                    head = w;
                }
            }
            if (head == null || CATEGORY_HEADS.contains(head)) {
                continue; // a category ("controversial topics"), not a topic
            }
            List<String> item = new ArrayList<>();
            boolean relative = false;
            for (String w : segment) {
                boolean separator = w.equals(",") || w.equals("or") || w.equals("and");
                if (separator && !relative) {
                    item(item, out);
                    item = new ArrayList<>();
                    continue;
                }
                relative |= w.equals("that") || w.equals("which") || w.equals("who");
                item.add(w);
            }
            item(item, out);
        }
    }

    private static void item(List<String> words, List<Topic> out) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("else") || (w.equals("other") && (i > 0 && words.get(i - 1).equals("any") || i + 1 < words.size()
                    && words.get(i + 1).equals("than")))) {
                return; // the complement of the prompt's scope
            }
        }
        List<String> content = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals(",") || STOP.contains(w) || META_VERBS.contains(w) || GENERIC.contains(w)) {
                continue;
            }
            String prev = i > 0 ? words.get(i - 1) : "";
            boolean afterModal = MODALS.contains(prev) || (prev.equals("to") && i > 1 && words.get(i - 2).equals("how"));
            if (afterModal && w.endsWith("ly") && i + 1 < words.size()) {
                i++; // "users can secretly communicate": the adverb and its verb
                continue;
            }
            if (afterModal) {
                continue; // the verb of "how to solve", "users can communicate"
            }
            content.add(w);
        }
        if (content.size() >= 2 && content.get(0).endsWith("ing")) {
            content.remove(0); // a leading gerund: "baking a cake"
        }
        List<String> stems = new ArrayList<>();
        for (String st : stems(content)) {
            if (!stems.contains(st)) {
                stems.add(st);
            }
        }
        if (stems.isEmpty()) {
            return;
        }
        int n = stems.size();
        out.add(new Topic(stems, n <= 2 ? n : (2 * n + 2) / 3));
    }

    /** Stems of consecutive words, with "artificial intelligence" (either order) merged into "ai". */
    private static List<String> stems(List<String> words) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String st = stem(fold(words.get(i)));
            if (i + 1 < words.size() && isAiPair(st, stem(fold(words.get(i + 1))))) {
                out.add("ai");
                i++;
            } else {
                out.add(st);
            }
        }
        return out;
    }

    static boolean isAiPair(String a, String b) {
        return (a.equals("artifi") && b.equals("intell")) || (a.equals("intell") && b.equals("artifi"));
    }

    // ------------------------------------------------------------------ secrets and people

    private static void quotedSecrets(String s, boolean revealForbidden, List<Secret> secrets, Set<String> values) {
        for (int i = 0; i < s.length(); i++) {
            char q = s.charAt(i);
            if (!isOpenQuote(q) || (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1)))) {
                continue;
            }
            int close = -1;
            for (int j = i + 1; j < s.length() && j <= i + MAX_VALUE_CHARS + 1; j++) {
                char c = s.charAt(j);
                if (c == '\n') {
                    break;
                }
                if (closes(q, c) && (j + 1 == s.length() || !Character.isLetterOrDigit(s.charAt(j + 1)))) {
                    close = j;
                    break;
                }
            }
            if (close <= i + 1) {
                continue;
            }
            String value = s.substring(i + 1, close).trim();
            List<String> holder = holderBefore(s, i);
            boolean secret = holder.stream().anyMatch(SECRET_NOUNS::contains);
            if (secret && (revealForbidden || holder.contains("secret"))) {
                String head = holder.get(holder.size() - 1);
                List<String> required = new ArrayList<>();
                for (String h : holder) {
                    if (!(UNAMBIGUOUS_SECRETS.contains(head) && SECRET_ADJECTIVES.contains(h))) {
                        required.add(h);
                    }
                }
                // a longer holder ("the internal escalation code") is named by its head and the word next to it
                // ("escalation code"): the outer modifiers are often left out when asking
                if (required.size() > 2) {
                    required = new ArrayList<>(required.subList(required.size() - 2, required.size()));
                }
                Secret sec = new Secret(required);
                if (!secrets.contains(sec)) {
                    secrets.add(sec);
                }
                if (distinctive(value)) {
                    values.add(lower(value));
                }
            }
            i = close;
        }
    }

    private static boolean isOpenQuote(char c) {
        return c == '\'' || c == '"' || c == '\u2018' || c == '\u201C' || c == '`';
    }

    private static boolean closes(char open, char c) {
        return switch (open) {
            case '\u2018' -> c == '\u2019';
            case '\u201C' -> c == '\u201D';
            case '\'' -> c == '\'' || c == '\u2019';
            default -> c == open;
        };
    }

    /** Stems of the words naming what a quoted value is: "my computer's password is 'X'" gives [comput, passwo]. */
    private static List<String> holderBefore(String s, int quote) {
        int from = Math.max(0, quote - 80);
        List<String> before = words(s.substring(from, quote));
        List<String> holder = new ArrayList<>();
        int i = before.size() - 1;
        while (i >= 0 && Set.of("is", "was", "are", "be", ",", "being", "reads", "equals").contains(before.get(i))) {
            i--;
        }
        for (; i >= 0 && holder.size() < 4; i--) {
            String w = before.get(i);
            if (w.equals(",") || STOP.contains(w) || META_VERBS.contains(w) || GENERIC.contains(w)) {
                break;
            }
            holder.add(0, stem(fold(w)));
        }
        return holder;
    }

    /** A value ordinary text would not contain: a digit, a non-letter or an inner capital. */
    private static boolean distinctive(String value) {
        if (value.length() < 4) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Character.isLetter(c) || (i > 0 && Character.isUpperCase(c))) {
                return true;
            }
        }
        return false;
    }

    /** Names, e-mail addresses and phone numbers of the people a prompt describes. */
    private static void people(String s, Set<String> names, Set<String> values) {
        String lower = lower(s);
        for (String cue : List.of("name is ", "named ", "\"name\":\"", "\"name\": \"", "name: ")) {
            for (int at = lower.indexOf(cue); at >= 0; at = lower.indexOf(cue, at + 1)) {
                int i = at + cue.length();
                for (int k = 0; k < 3 && i < s.length(); k++) {
                    int j = i;
                    while (j < s.length() && Character.isLetter(s.charAt(j))) {
                        j++;
                    }
                    if (j - i < 2 || !Character.isUpperCase(s.charAt(i))) {
                        break;
                    }
                    names.add(lower.substring(i, j));
                    i = j;
                    if (i < s.length() && s.charAt(i) == ' ') {
                        i++;
                    }
                }
            }
        }
        for (int at = s.indexOf('@'); at >= 0; at = s.indexOf('@', at + 1)) {
            int a = at;
            while (a > 0 && isEmailChar(s.charAt(a - 1))) {
                a--;
            }
            int b = at + 1;
            while (b < s.length() && (isEmailChar(s.charAt(b)) && s.charAt(b) != '+')) {
                b++;
            }
            while (b > at + 1 && s.charAt(b - 1) == '.') {
                b--;
            }
            if (a < at && s.substring(at + 1, b).contains(".")) {
                values.add(lower.substring(a, b));
            }
        }
        for (int i = 0; i < s.length(); ) {
            if (!Character.isDigit(s.charAt(i))) {
                i++;
                continue;
            }
            int j = i;
            int digits = 0;
            while (j < s.length() && (Character.isDigit(s.charAt(j)) || ((s.charAt(j) == '-' || s.charAt(j) == ' ' || s.charAt(j) == '.')
                    && j + 1 < s.length() && Character.isDigit(s.charAt(j + 1))))) {
                digits += Character.isDigit(s.charAt(j)) ? 1 : 0;
                j++;
            }
            if (digits >= 7 && digits <= 15) {
                values.add(s.substring(i, j));
            }
            i = j;
        }
    }

    private static boolean isEmailChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-');
    }

    // ------------------------------------------------------------------ words of the user's text

    /** Lower case without accents, one char for one char (offsets are kept). */
    static char foldChar(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        char l = Character.toLowerCase(c);
        if (Character.isSurrogate(l)) {
            return l;
        }
        String d = Normalizer.normalize(String.valueOf(l), Normalizer.Form.NFD);
        return d.isEmpty() ? l : d.charAt(0);
    }

    /** Lower case and accents removed, char by char. */
    static String fold(String word) {
        StringBuilder b = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            b.append(foldChar(word.charAt(i)));
        }
        return b.toString();
    }

    /** {@code s} in lower case, one char for one char. */
    static String lower(String s) {
        char[] cs = s.toCharArray();
        for (int i = 0; i < cs.length; i++) {
            char c = cs[i];
            cs[i] = c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
        }
        return new String(cs);
    }

    /**
     * A light stem of a lower-case, accent-free word: possessive, plural, {@code ing} / {@code ed}
     * and final {@code e} removed, cut to six letters, then mapped through the synonyms.
     */
    static String stem(String word) {
        String w = word;
        if (w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
        }
        w = w.replace("'", "");
        if (w.length() > 4 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.endsWith("sses")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() > 5 && w.endsWith("ing")) {
            w = w.substring(0, w.length() - 3);
        } else if (w.length() > 5 && w.endsWith("ed")) {
            w = w.substring(0, w.length() - 2);
        }
        if (w.length() > 3 && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() > STEM_MAX) {
            w = w.substring(0, STEM_MAX);
        }
        return STEM_SYNONYMS.getOrDefault(w, w);
    }

    /** {@code word} without a final possessive {@code 's} ("laura's" gives "laura"). */
    static String withoutPossessive(String word) {
        return word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
    }

    /** Index of {@code value} in {@code lower} as a whole word (not inside a longer word), or -1. */
    static int indexOfWord(String lower, String value) {
        if (value.isEmpty()) {
            return -1;
        }
        for (int i = lower.indexOf(value); i >= 0; i = lower.indexOf(value, i + 1)) {
            int end = i + value.length();
            boolean left = i == 0 || !Character.isLetterOrDigit(lower.charAt(i - 1)) || !Character.isLetterOrDigit(value.charAt(0));
            boolean right = end == lower.length() || !Character.isLetterOrDigit(lower.charAt(end))
                    || !Character.isLetterOrDigit(value.charAt(value.length() - 1));
            if (left && right) {
                return i;
            }
        }
        return -1;
    }

}
