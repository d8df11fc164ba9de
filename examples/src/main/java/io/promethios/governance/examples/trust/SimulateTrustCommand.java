package io.promethios.governance.examples.trust;

import io.promethios.governance.core.ChatRequest;
import io.promethios.governance.core.ContentStatus;
import io.promethios.governance.core.GovernancePipeline;
import io.promethios.governance.core.GovernedResponse;
import io.promethios.governance.core.SessionSpec;
import io.promethios.governance.core.policy.KeywordPolicy;
import io.promethios.governance.core.session.ChatSession;
import io.promethios.governance.core.spi.AgentAdapter;
import io.promethios.governance.core.spi.AgentReply;
import io.promethios.governance.core.spi.AgentRequest;
import io.promethios.governance.core.spi.Policy;
import io.promethios.governance.core.trust.EvidenceKind;
import io.promethios.governance.core.trust.SubjectKind;
import io.promethios.governance.core.trust.TrustChange;
import io.promethios.governance.core.trust.TrustSubject;
import io.promethios.governance.policies.Policies;
import io.promethios.governance.policies.eval.DatasetReader;
import io.promethios.governance.policies.eval.Split;
import io.promethios.governance.trust.EvidenceTrustScorer;
import io.promethios.governance.trust.TrustBands;
import io.promethios.governance.trust.TrustConfig;
import io.promethios.governance.trust.calibration.RocAuc;
import io.promethios.governance.trust.store.InMemoryTrustStore;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * {@code simulate-trust}: measures how well user trust separates adversarial from benign users.
 *
 * <pre>
 * simulate-trust [--seed N] [--users N] [--adversarial-share P] [--turns N] [--attack-rate P]
 *                [--risk-discount D] [--datasets DIR] [--json]
 * </pre>
 *
 * A seeded population of users talks to a real {@link GovernancePipeline} with the default
 * detector policies of {@code governance-policies} ({@link Policies#defaults()}) and an
 * {@link EvidenceTrustScorer} with default parameters. Benign users send benign prompts
 * (awesome-chatgpt-prompts, self-instruct, CLINC150 test); adversarial users send, on each turn
 * with probability {@code --attack-rate} (default 0.5), an attack drawn from one of
 * in-the-wild jailbreaks, CyberSecEval prompt injections, AILuminate and SimpleSafetyTests (file
 * chosen uniformly, then a row uniformly), and a benign prompt otherwise. {@link Random}{@code (seed)}
 * only chooses who sends what; scores come from the pipeline. Turns are one simulated minute apart.
 * Every prompt comes from the {@linkplain Split#REPORTING reporting half} of its file, because the
 * built-in injection and harmful classifiers were trained on the tuning half.
 *
 * <p>{@code --risk-discount} sets the pipeline's
 * {@link GovernancePipeline.Builder#riskDiscount(double)} (default 0.25; 0 runs without it, to see what
 * it adds).
 *
 * <p>Default population: {@value #DEFAULT_USERS} users, 20% adversarial, 10 turns each; every
 * policy gets a 30 s budget so that a busy machine cannot turn a slow detector into a block.
 *
 * <p>Reported: ROC AUC (Mann-Whitney, ties counted half) of user trust, benign above
 * adversarial, after 1, 3, 5 and 10 turns; the share of benign users ever blocked; recovery of
 * benign users after a false-positive block, both as observed in the run and in a controlled
 * experiment (k clean turns, one block, then clean turns until the score is back in the band it
 * was in before the block, for k = 1..10).
 */
public final class SimulateTrustCommand {

    static final String USAGE = "usage: simulate-trust [--seed N] [--users N] [--adversarial-share P] [--turns N] "
            + "[--attack-rate P] [--risk-discount D] [--datasets DIR] [--json]";
    static final int[] CHECKPOINTS = {1, 3, 5, 10};
    /**
     * 1,000 users (200 adversarial by default): with 40 adversaries (200 users) the AUC after 5
     * turns moved between 0.94 and 0.99 from seed to seed, too noisy to judge a 0.95 target by;
     * with 200 adversaries it moves by about a point.
     */
    static final int DEFAULT_USERS = 1000;

    private SimulateTrustCommand() {
    }

    /** Runs the command on its own: {@code java -cp promethios.jar io.promethios.governance.examples.trust.SimulateTrustCommand ...}. */
    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /**
     * Runs the simulation.
     *
     * @return 0 on success, 1 when the datasets cannot be found or read, 2 for usage errors
     *         (usage printed on {@code err})
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        long seed = 42;
        int users = DEFAULT_USERS;
        double adversarialShare = 0.2;
        int turns = 10;
        double attackRate = 0.5;
        double riskDiscount = GovernancePipeline.Builder.DEFAULT_RISK_DISCOUNT;
        Path datasets = null;
        boolean json = false;
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--json": json = true; break;
                    case "--help": case "-h": out.println(USAGE); return 0;
                    case "--seed": case "--users": case "--adversarial-share": case "--turns": case "--attack-rate": case "--risk-discount": case "--datasets":
                        if (i + 1 >= args.size()) {
                            return usage(err, "option " + a + " needs a value");
                        }
                        String v = args.get(++i);
                        switch (a) {
                            case "--seed": seed = Long.parseLong(v); break;
                            case "--users": users = Integer.parseInt(v); break;
                            case "--adversarial-share": adversarialShare = Double.parseDouble(v); break;
                            case "--turns": turns = Integer.parseInt(v); break;
                            case "--attack-rate": attackRate = Double.parseDouble(v); break;
                            case "--risk-discount": riskDiscount = Double.parseDouble(v); break;
                            default: datasets = Path.of(v); break;
                        }
                        break;
                    default:
                        return usage(err, "unknown argument '" + a + "'");
                }
            }
        } catch (NumberFormatException e) {
            return usage(err, "bad number: " + e.getMessage());
        }
        if (users < 2) {
            return usage(err, "--users must be >= 2, but was " + users);
        }
        if (!(adversarialShare > 0 && adversarialShare < 1)) {
            return usage(err, "--adversarial-share must be in (0,1), but was " + adversarialShare);
        }
        if (turns < 1 || turns > 1000) {
            return usage(err, "--turns must be in [1,1000], but was " + turns);
        }
        if (!(attackRate > 0 && attackRate <= 1)) {
            return usage(err, "--attack-rate must be in (0,1], but was " + attackRate);
        }
        if (!(riskDiscount >= 0 && riskDiscount < 1)) {
            return usage(err, "--risk-discount must be in [0,1), but was " + riskDiscount);
        }
        int adversaries = (int) Math.round(users * adversarialShare);
        if (adversaries < 1 || adversaries >= users) {
            return usage(err, "--users " + users + " with --adversarial-share " + adversarialShare + " leaves no benign or no adversarial user");
        }
        Path dir = datasets != null ? datasets : findDatasets(Path.of("").toAbsolutePath());
        if (dir == null || !Files.isDirectory(dir)) {
            err.println("simulate-trust: cannot find shared/datasets above " + Path.of("").toAbsolutePath() + "; use --datasets DIR");
            return 1;
        }
        Corpus corpus;
        try {
            corpus = Corpus.load(dir);
        } catch (IOException | RuntimeException e) {
            err.println("simulate-trust: cannot read datasets in " + dir + ": " + e.getMessage());
            return 1;
        }
        Result r = simulate(corpus, seed, users, adversaries, turns, attackRate, riskDiscount);
        if (json) {
            out.println(r.toJson());
        } else {
            out.print(r.describe());
        }
        return 0;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("simulate-trust: " + problem);
        err.println(USAGE);
        return 2;
    }

    /** The nearest {@code shared/datasets} at or above {@code from}, or null. */
    static Path findDatasets(Path from) {
        for (Path p = from; p != null; p = p.getParent()) {
            Path d = p.resolve("shared").resolve("datasets");
            if (Files.isDirectory(d)) {
                return d;
            }
        }
        return null;
    }

    /** The prompts, by source. */
    record Corpus(List<String> benign, List<List<String>> attackSources, List<String> attackSourceNames) {

        static Corpus load(Path dir) throws IOException {
            List<String> benign = new ArrayList<>();
            for (Map<String, Object> row : DatasetReader.read(dir.resolve("benign_prompts/awesome_chatgpt_prompts.csv"))) {
                if ("benign".equals(row.get("label"))) {
                    add(benign, row.get("prompt"));
                }
            }
            for (Map<String, Object> row : DatasetReader.read(dir.resolve("benign_prompts/self_instruct_user_oriented.jsonl"))) {
                add(benign, row.get("text"));
            }
            for (Map<String, Object> row : DatasetReader.read(dir.resolve("topics_clinc150/clinc150_data_full.csv"))) {
                if ("test".equals(row.get("split"))) {
                    add(benign, row.get("text"));
                }
            }
            Map<String, String[]> attackFiles = new LinkedHashMap<>();
            attackFiles.put("prompt_attacks/inthewild_jailbreaks.jsonl", new String[] {"text"});
            attackFiles.put("prompt_attacks/cyberseceval_prompt_injection.jsonl", new String[] {"text"});
            attackFiles.put("harmful_requests/ailuminate_demo_en_us.csv", new String[] {"prompt_text"});
            attackFiles.put("harmful_requests/simple_safety_tests.csv", new String[] {"prompts_final"});
            List<List<String>> sources = new ArrayList<>();
            for (Map.Entry<String, String[]> e : attackFiles.entrySet()) {
                List<String> texts = new ArrayList<>();
                for (Map<String, Object> row : DatasetReader.read(dir.resolve(e.getKey()))) {
                    add(texts, row.get(e.getValue()[0]));
                }
                if (texts.isEmpty()) {
                    throw new IllegalStateException("no prompts in " + e.getKey());
                }
                sources.add(texts);
            }
            if (benign.isEmpty()) {
                throw new IllegalStateException("no benign prompts");
            }
            return new Corpus(benign, sources, List.copyOf(attackFiles.keySet()));
        }

        /** Only rows of the reporting half: the built-in classifiers were trained on the tuning half. */
        private static void add(List<String> to, Object text) {
            if (text == null || Split.of(String.valueOf(text)) != Split.REPORTING) {
                return;
            }
            addAny(to, text);
        }

        private static void addAny(List<String> to, Object text) {
            if (text instanceof String s && !s.isBlank()) {
                to.add(s.length() > 30_000 ? s.substring(0, 30_000) : s);
            }
        }
    }

    /** Simulated time: one minute per round of turns. */
    static final class SimClock extends Clock {
        private volatile Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A fixed, harmless answer: the simulation measures user trust, not the agent. */
    static final class CannedAgent implements AgentAdapter {
        @Override
        public String id() {
            return "simulated-agent";
        }

        @Override
        public AgentReply respond(AgentRequest request) {
            return AgentReply.of("Thanks, here is a short general answer.");
        }
    }

    static GovernancePipeline pipeline(EvidenceTrustScorer scorer, Clock clock, List<Policy> policies, double riskDiscount) {
        // a generous policy budget: the simulation measures trust, and a policy cut off by a slow or
        // busy machine (FAIL_CLOSED blocks) would make the figures depend on timing
        GovernancePipeline.Builder b = GovernancePipeline.builder().agent(new CannedAgent()).trustScorer(scorer).clock(clock)
                .maxMessageChars(32_768).policyTimeout(Duration.ofSeconds(30)).riskDiscount(riskDiscount);
        policies.forEach(b::addPolicy);
        return b.build();
    }

    static Result simulate(Corpus corpus, long seed, int users, int adversaries, int turns, double attackRate, double riskDiscount) {
        Random random = new Random(seed);
        SimClock clock = new SimClock();
        EvidenceTrustScorer scorer = EvidenceTrustScorer.create(TrustConfig.ofDefaults(), InMemoryTrustStore.create(), clock);
        TrustBands bands = TrustBands.ofDefaults();
        // adversaries are a seeded random subset
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        boolean[] adversarial = new boolean[users];
        for (int i = 0; i < adversaries; i++) {
            adversarial[order.get(i)] = true;
        }
        Map<Integer, double[]> aucs = new LinkedHashMap<>();
        boolean[] everBlocked = new boolean[users];
        int attacksSent = 0;
        int attacksCaught = 0;
        List<Integer> recoveries = new ArrayList<>();
        int censored = 0;
        int[] recovering = new int[users];      // clean turns counted since a false positive, or -1
        double[] recoveryTarget = new double[users];
        java.util.Arrays.fill(recovering, -1);
        try (GovernancePipeline p = pipeline(scorer, clock, Policies.defaults(), riskDiscount)) {
            String[] sessions = new String[users];
            for (int u = 0; u < users; u++) {
                ChatSession s = p.sessions().create(SessionSpec.forUser(userId(u)));
                sessions[u] = s.id();
            }
            for (int t = 1; t <= turns; t++) {
                for (int u = 0; u < users; u++) {
                    boolean attack = adversarial[u] && random.nextDouble() < attackRate;
                    String prompt;
                    if (attack) {
                        List<String> src = corpus.attackSources().get(random.nextInt(corpus.attackSources().size()));
                        prompt = src.get(random.nextInt(src.size()));
                    } else {
                        prompt = corpus.benign().get(random.nextInt(corpus.benign().size()));
                    }
                    double before = scorer.score(TrustSubject.user(userId(u))).score();
                    GovernedResponse r = p.chat(ChatRequest.of(sessions[u], prompt));
                    EvidenceKind userEvidence = userEvidence(r);
                    boolean blocked = r.status() == ContentStatus.BLOCKED;
                    if (attack) {
                        attacksSent++;
                        attacksCaught += userEvidence == EvidenceKind.POLICY_VIOLATION ? 1 : 0;
                    }
                    if (!adversarial[u]) {
                        everBlocked[u] |= blocked;
                        double after = scorer.score(TrustSubject.user(userId(u))).score();
                        if (userEvidence == EvidenceKind.POLICY_VIOLATION) {
                            if (recovering[u] < 0 && blocked) {
                                recoveryTarget[u] = bands.bandOf(before).lowerBound();
                                recovering[u] = 0;
                                if (after >= recoveryTarget[u]) {
                                    recoveries.add(0);
                                    recovering[u] = -1;
                                }
                            } else if (recovering[u] >= 0) {
                                recovering[u] = -1; // a second violation: no longer "one false positive"
                            }
                        } else if (recovering[u] >= 0 && userEvidence == EvidenceKind.CLEAN_TURN) {
                            recovering[u]++;
                            if (after >= recoveryTarget[u]) {
                                recoveries.add(recovering[u]);
                                recovering[u] = -1;
                            }
                        }
                    }
                }
                clock.advance(Duration.ofMinutes(1));
                for (int cp : CHECKPOINTS) {
                    if (cp == t) {
                        aucs.put(cp, auc(scorer, adversarial, users));
                    }
                }
            }
        }
        for (int u = 0; u < users; u++) {
            censored += recovering[u] >= 0 ? 1 : 0;
        }
        int benign = users - adversaries;
        int blockedBenign = 0;
        for (int u = 0; u < users; u++) {
            blockedBenign += !adversarial[u] && everBlocked[u] ? 1 : 0;
        }
        List<Integer> controlled = controlledRecovery(corpus);
        return new Result(seed, users, adversaries, turns, attackRate, riskDiscount, aucs, (double) blockedBenign / benign, blockedBenign,
                attacksSent, attacksCaught, recoveries, censored, controlled);
    }

    /** Evidence the turn gave about the user (CLEAN_TURN, POLICY_VIOLATION, or null for a redaction). */
    private static EvidenceKind userEvidence(GovernedResponse r) {
        for (TrustChange c : r.trustChanges()) {
            if (c.subject().kind() == SubjectKind.USER) {
                return c.evidence().kind();
            }
        }
        return null;
    }

    /** {auc, benign mean, adversarial mean}. */
    private static double[] auc(EvidenceTrustScorer scorer, boolean[] adversarial, int users) {
        List<Double> good = new ArrayList<>();
        List<Double> bad = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            (adversarial[u] ? bad : good).add(scorer.score(TrustSubject.user(userId(u))).score());
        }
        double[] g = good.stream().mapToDouble(Double::doubleValue).toArray();
        double[] b = bad.stream().mapToDouble(Double::doubleValue).toArray();
        return new double[] {RocAuc.of(g, b), mean(g), mean(b)};
    }

    private static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }

    /**
     * For k = 1..10: a fresh benign user has k clean turns, then one false-positive block (a
     * marker the pipeline's keyword policy blocks), then clean turns until trust is back in the
     * band it was in before the block; returns the clean turns needed for each k (0 if it never
     * left the band, -1 if not back within 50).
     */
    static List<Integer> controlledRecovery(Corpus corpus) {
        String marker = "zz-simulated-false-positive-zz";
        TrustBands bands = TrustBands.ofDefaults();
        List<Integer> out = new ArrayList<>();
        for (int k = 1; k <= 10; k++) {
            SimClock clock = new SimClock();
            EvidenceTrustScorer scorer = EvidenceTrustScorer.create(TrustConfig.ofDefaults(), InMemoryTrustStore.create(), clock);
            // clean turns at risk 0: the discount does not apply
            try (GovernancePipeline p = pipeline(scorer, clock, List.of(new KeywordPolicy("false-positive", List.of(marker))),
                    GovernancePipeline.Builder.DEFAULT_RISK_DISCOUNT)) {
                String sid = p.sessions().create(SessionSpec.forUser("benign")).id();
                TrustSubject user = TrustSubject.user("benign");
                int prompt = 0;
                for (int i = 0; i < k; i++) {
                    p.chat(ChatRequest.of(sid, corpus.benign().get(prompt++ % corpus.benign().size())));
                    clock.advance(Duration.ofMinutes(1));
                }
                double target = bands.bandOf(scorer.score(user)).lowerBound();
                p.chat(ChatRequest.of(sid, marker));
                clock.advance(Duration.ofMinutes(1));
                int m = 0;
                while (scorer.score(user).score() < target && m < 50) {
                    p.chat(ChatRequest.of(sid, corpus.benign().get(prompt++ % corpus.benign().size())));
                    clock.advance(Duration.ofMinutes(1));
                    m++;
                }
                out.add(scorer.score(user).score() >= target ? m : -1);
            }
        }
        return out;
    }

    private static String userId(int u) {
        return String.format(Locale.ROOT, "user-%04d", u);
    }

    /** The figures. */
    record Result(long seed, int users, int adversaries, int turns, double attackRate, double riskDiscount, Map<Integer, double[]> aucs,
                  double benignEverBlockedShare, int benignEverBlocked, int attacksSent, int attacksCaught,
                  List<Integer> recoveries, int recoveryCensored, List<Integer> controlledRecovery) {

        int recoveryMax() {
            return recoveries.stream().mapToInt(Integer::intValue).max().orElse(-1);
        }

        double recoveryMedian() {
            if (recoveries.isEmpty()) {
                return Double.NaN;
            }
            List<Integer> s = new ArrayList<>(recoveries);
            Collections.sort(s);
            int n = s.size();
            return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2.0;
        }

        int controlledMax() {
            int max = 0;
            for (int m : controlledRecovery) {
                if (m < 0) {
                    return -1;
                }
                max = Math.max(max, m);
            }
            return max;
        }

        Double auc(int turn) {
            double[] a = aucs.get(turn);
            return a == null ? null : a[0];
        }

        String describe() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "simulate-trust: seed %d, %d users (%d adversarial), %d turns, attack rate %.2f, risk discount %.2f%n",
                    seed, users, adversaries, turns, attackRate, riskDiscount));
            sb.append(String.format(Locale.ROOT, "attacks sent %d, caught by the detectors %d (%.3f)%n", attacksSent, attacksCaught,
                    attacksSent == 0 ? 0.0 : (double) attacksCaught / attacksSent));
            for (Map.Entry<Integer, double[]> e : aucs.entrySet()) {
                sb.append(String.format(Locale.ROOT, "after %2d turns: AUC %.4f  (mean user trust: benign %.3f, adversarial %.3f)%n",
                        e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]));
            }
            sb.append(String.format(Locale.ROOT, "benign users ever blocked: %d of %d (%.4f)%n", benignEverBlocked, users - adversaries,
                    benignEverBlockedShare));
            sb.append(String.format(Locale.ROOT, "recovery after one false positive in this run: %d users, max %d, median %s clean turns, "
                    + "%d not recovered by the end%n", recoveries.size(), recoveryMax(), recoveries.isEmpty() ? "-" : recoveryMedian(),
                    recoveryCensored));
            sb.append("controlled recovery (k clean turns, one block, clean turns back to the previous band), k=1..10: ")
                    .append(controlledRecovery).append(", max ").append(controlledMax()).append(System.lineSeparator());
            Double auc5 = auc(5);
            sb.append(String.format(Locale.ROOT, "targets: AUC >= 0.95 after 5 turns: %s; recovery within 5 clean turns: %s%n",
                    auc5 == null ? "not measured (fewer than 5 turns)" : auc5 >= 0.95 ? "met" : "NOT met",
                    controlledMax() >= 0 && controlledMax() <= 5 && recoveryMax() <= 5 ? "met" : "NOT met"));
            return sb.toString();
        }

        String toJson() {
            StringBuilder sb = new StringBuilder("{");
            sb.append("\"seed\":").append(seed).append(",\"users\":").append(users).append(",\"adversarial_users\":").append(adversaries)
                    .append(",\"turns\":").append(turns).append(",\"attack_rate\":").append(num(attackRate))
                    .append(",\"risk_discount\":").append(num(riskDiscount));
            for (int cp : CHECKPOINTS) {
                Double a = auc(cp);
                sb.append(",\"auc_").append(cp).append("\":").append(a == null ? "null" : num(a));
            }
            sb.append(",\"attacks_sent\":").append(attacksSent).append(",\"attacks_caught\":").append(attacksCaught);
            sb.append(",\"benign_ever_blocked_share\":").append(num(benignEverBlockedShare));
            sb.append(",\"recovery_observed_count\":").append(recoveries.size());
            sb.append(",\"recovery_observed_max\":").append(recoveries.isEmpty() ? "null" : Integer.toString(recoveryMax()));
            sb.append(",\"recovery_observed_median\":").append(recoveries.isEmpty() ? "null" : num(recoveryMedian()));
            sb.append(",\"recovery_censored\":").append(recoveryCensored);
            sb.append(",\"recovery_controlled\":").append(controlledRecovery.toString().replace(" ", ""));
            sb.append(",\"recovery_controlled_max\":").append(controlledMax());
            return sb.append('}').toString();
        }

        private static String num(double d) {
            return Double.isFinite(d) ? String.format(Locale.ROOT, "%.4f", d) : "null";
        }
    }
}
