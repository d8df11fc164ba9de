package io.promethios.governance.policies;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.promethios.governance.policies.text.NormalizedText;
import io.promethios.governance.policies.text.TextNormalizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The restrictions an agent's own system prompt states, checked against the user's text: a
 * question about a topic or task the prompt forbids, or a request for a value the prompt must not
 * reveal. The prompt is parsed once by {@link RestrictionParser} (deterministic rules, documented
 * there and in the module README) and cached per prompt string.
 *
 * <p>Finding types: {@code RESTRICTED_TOPIC} (MEDIUM), {@code PROTECTED_VALUE} (HIGH: the text asks
 * for a secret the prompt holds, or contains a distinctive one) and {@code PERSONAL_DATA} (HIGH: the
 * text asks about a personal attribute of a person whose data the prompt protects). Each has the
 * span of one word of the user's text that matched.
 *
 * <p><b>Limitations.</b> A lexical test: content-word stems of the restricted phrase must occur in
 * the text (see {@link RestrictionParser}). Paraphrases ("global temperature trends" for "climate
 * change"), other languages except close cognates, and scope-only prompts ("only sort numbers")
 * are not caught; a benign text that uses a restricted phrase's words for another purpose is
 * flagged.
 */
final class RestrictionsDetector implements Detector {

    private static final Logger log = LoggerFactory.getLogger(RestrictionsDetector.class);

    /** Parsed prompts by prompt string; a pipeline sees the same few prompts on every turn. */
    private static final Cache<String, RestrictionsDetector> CACHE = Caffeine.newBuilder().maximumSize(1_024).build();

    private static final RestrictionsDetector NONE = new RestrictionsDetector(RestrictionParser.Restrictions.NONE);

    private final RestrictionParser.Restrictions restrictions;
    private final RestrictionMatcher matcher;

    private RestrictionsDetector(RestrictionParser.Restrictions restrictions) {
        this.restrictions = restrictions;
        this.matcher = new RestrictionMatcher(restrictions);
    }

    /** The detector for {@code systemPrompt}, parsed once per distinct prompt string. */
    static RestrictionsDetector forSystemPrompt(String systemPrompt) {
        Objects.requireNonNull(systemPrompt, "systemPrompt");
        if (systemPrompt.isBlank()) {
            return NONE;
        }
        return CACHE.get(systemPrompt, sp -> new RestrictionsDetector(RestrictionParser.parse(sp)));
    }

    /** What was parsed from the prompt. */
    RestrictionParser.Restrictions restrictions() {
        return restrictions;
    }

    /** Whether the prompt states any restriction this detector can check. */
    boolean isEmpty() {
        return restrictions.isEmpty();
    }

    @Override
    public String name() {
        return "restrictions";
    }

    @Override
    public List<Detection> detect(String text) {
        if (text == null || text.isEmpty() || restrictions.isEmpty()) {
            return List.of();
        }
        try {
            return scan(text);
        } catch (RuntimeException e) {
            // the contract says never throw; a bug here must not take the turn down (no text logged)
            log.debug("restrictions: scan failed on a text of {} chars: {}", text.length(), e.getClass().getName());
            return List.of();
        }
    }

    private List<Detection> scan(String text) {
        NormalizedText nt = TextNormalizer.normalize(text);
        String s = nt.normalized();
        RestrictionMatcher.Hits hits = matcher.scan(s);
        List<Detection> out = new ArrayList<>();
        RestrictionMatcher.StemRef[][] topics = matcher.topics();
        for (int k = 0; k < topics.length; k++) {
            RestrictionMatcher.StemRef[] topic = topics[k];
            int matched = 0;
            long at = -1;
            for (RestrictionMatcher.StemRef stem : topic) {
                long t = hits.find(stem);
                if (t >= 0) {
                    matched++;
                    if (at < 0 || RestrictionMatcher.start(t) < RestrictionMatcher.start(at)) {
                        at = t;
                    }
                }
            }
            if (at >= 0 && matched >= restrictions.topics().get(k).required()) {
                double confidence = 0.5 + 0.4 * matched / topic.length;
                out.add(detection(nt, "RESTRICTED_TOPIC", at, confidence, Severity.MEDIUM));
            }
        }
        for (RestrictionMatcher.StemRef[] holder : matcher.secrets()) {
            long at = -1;
            boolean all = true;
            for (RestrictionMatcher.StemRef stem : holder) {
                long t = hits.find(stem);
                if (t < 0) {
                    all = false;
                    break;
                }
                at = at < 0 || RestrictionMatcher.start(t) > RestrictionMatcher.start(at) ? t : at;
            }
            if (all && at >= 0) {
                out.add(detection(nt, "PROTECTED_VALUE", at, 0.8, Severity.HIGH));
            }
        }
        String lower = null;
        for (String value : restrictions.values()) {
            lower = lower == null ? RestrictionParser.lower(s) : lower;
            int i = RestrictionParser.indexOfWord(lower, value);
            if (i >= 0) {
                int[] o = nt.toOriginal(i, i + value.length());
                out.add(new Detection("PROTECTED_VALUE", o[0], o[1], 0.95, Severity.HIGH));
            }
        }
        if (restrictions.personalData() && hits.person >= 0 && hits.attribute) {
            out.add(detection(nt, "PERSONAL_DATA", hits.person, 0.75, Severity.HIGH));
        }
        if (out.size() > 1) {
            out.sort(Comparator.comparingInt(Detection::start).thenComparing(Detection::type)
                    .thenComparing(Comparator.comparingDouble(Detection::confidence).reversed())
                    .thenComparingInt(Detection::end)); // a total order: the same findings in the same order on every JVM
            // one finding per type and span (several items can match the same word)
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

    private static Detection detection(NormalizedText nt, String type, long token, double confidence, Severity severity) {
        int[] o = nt.toOriginal(RestrictionMatcher.start(token), RestrictionMatcher.end(token));
        return new Detection(type, o[0], o[1], Math.min(1.0, confidence), severity);
    }

    @Override
    public String toString() {
        return "RestrictionsDetector[" + restrictions.topics().size() + " topics, " + restrictions.secrets().size() + " secrets, "
                + restrictions.values().size() + " values, personalData=" + restrictions.personalData() + "]";
    }
}
