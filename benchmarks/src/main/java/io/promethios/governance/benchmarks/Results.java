package io.promethios.governance.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns JMH's JSON results ({@code -rf json}) into {@code RESULTS.md}: the ratios we compare
 * (turn / floor, peer / ours, 100k / 1k terms, 1,000 / 10 turns of history, ...), the targets
 * of the benchmark issue as met or missed and by how much, the per-stage breakdown, every raw
 * score, and the machine and JDK they came from.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.promethios.governance.benchmarks.Results \
 *     benchmarks/RESULTS.md benchmarks/target/jmh.json [benchmarks/target/jmh-gc.json ...] [--note "conditions"] \
 *     [--append benchmarks/findings.md]
 * }</pre>
 *
 * Several JSON files are merged (for example a separate {@code -prof gc} run); for a benchmark
 * found in more than one, the first file's score is used and secondary metrics are taken from any.
 * {@code --append} adds a hand-written file at the end: the profile-based analysis of the misses,
 * which no generator can write.
 */
public final class Results {

    /** One JMH result row. */
    record Row(String name, Map<String, String> params, String mode, double score, double error, String unit,
               Map<String, Double> secondary, JsonNode raw) {

        String label() {
            return params.isEmpty() ? name : name + " " + params;
        }
    }

    private final List<Row> rows;

    Results(List<Row> rows) {
        this.rows = rows;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: Results <RESULTS.md> <jmh.json> [more.json ...] [--note \"text\"] [--append findings.md]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        List<Row> rows = new ArrayList<>();
        String note = "";
        String appendix = "";
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--note") && i + 1 < args.length) {
                note = args[++i];
            } else if (args[i].equals("--append") && i + 1 < args.length) {
                appendix = Files.readString(Path.of(args[++i]));
            } else {
                rows.addAll(parse(Files.readString(Path.of(args[i]))));
            }
        }
        String md = new Results(rows).markdown(note, machine());
        if (!appendix.isBlank()) {
            md = md + "\n" + appendix;
        }
        Files.writeString(out, md);
        System.out.println("Wrote " + out + " from " + rows.size() + " results");
    }

    /** Parses JMH's JSON array. */
    static List<Row> parse(String json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        List<Row> out = new ArrayList<>();
        for (JsonNode b : root) {
            String full = b.path("benchmark").asText();
            String[] parts = full.split("\\.");
            String name = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : full;
            Map<String, String> params = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = b.path("params").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                params.put(e.getKey(), e.getValue().asText());
            }
            JsonNode pm = b.path("primaryMetric");
            Map<String, Double> secondary = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> sm = b.path("secondaryMetrics").fields();
            while (sm.hasNext()) {
                Map.Entry<String, JsonNode> e = sm.next();
                secondary.put(e.getKey(), e.getValue().path("score").asDouble());
            }
            double error = pm.path("scoreError").isNumber() ? pm.path("scoreError").asDouble() : Double.NaN;
            out.add(new Row(name, params, b.path("mode").asText(), pm.path("score").asDouble(), error, pm.path("scoreUnit").asText(),
                    secondary, b));
        }
        return out;
    }

    Optional<Row> find(String name, String... kv) {
        outer:
        for (Row r : rows) {
            if (!r.name().equals(name)) {
                continue;
            }
            for (int i = 0; i + 1 < kv.length; i += 2) {
                if (!kv[i + 1].equals(r.params().get(kv[i]))) {
                    continue outer;
                }
            }
            return Optional.of(r);
        }
        return Optional.empty();
    }

    Optional<Double> score(String name, String... kv) {
        return find(name, kv).map(Row::score);
    }

    Optional<Double> secondary(String name, String metric, String... kv) {
        outer:
        for (Row r : rows) {
            if (!r.name().equals(name) || !r.secondary().containsKey(metric)) {
                continue;
            }
            for (int i = 0; i + 1 < kv.length; i += 2) {
                if (!kv[i + 1].equals(r.params().get(kv[i]))) {
                    continue outer;
                }
            }
            return Optional.of(r.secondary().get(metric));
        }
        return Optional.empty();
    }

    static Optional<Double> ratio(Optional<Double> a, Optional<Double> b) {
        return a.isPresent() && b.isPresent() && b.get() != 0 ? Optional.of(a.get() / b.get()) : Optional.empty();
    }

    static String f(Optional<Double> v, String suffix) {
        return v.map(x -> num(x) + suffix).orElse("not measured");
    }

    static String num(double x) {
        if (Math.abs(x) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", x);
        }
        if (Math.abs(x) >= 10) {
            return String.format(Locale.ROOT, "%.1f", x);
        }
        if (Math.abs(x) >= 0.1) {
            return String.format(Locale.ROOT, "%.2f", x);
        }
        return String.format(Locale.ROOT, "%.4f", x);
    }

    /** "met" or "missed by N×" for a value that must be at most {@code limit}. */
    static String atMost(Optional<Double> v, double limit) {
        if (v.isEmpty()) {
            return "not measured";
        }
        return v.get() <= limit ? "**met**" : "**missed** by " + num(v.get() / limit) + "×";
    }

    /** "met" or "missed by N×" for a value that must be at least {@code limit}. */
    static String atLeast(Optional<Double> v, double limit) {
        if (v.isEmpty()) {
            return "not measured";
        }
        return v.get() >= limit ? "**met**" : "**missed** by " + num(limit / v.get()) + "×";
    }

    String markdown(String note, Map<String, String> machine) {
        StringBuilder b = new StringBuilder();
        Row any = rows.isEmpty() ? null : rows.get(0);
        b.append("# Governance overhead: JMH results\n\n");
        b.append("Generated by `io.promethios.governance.benchmarks.Results` on ")
                .append(LocalDate.now(ZoneOffset.UTC)).append(" from JMH JSON. **Compare ratios, not absolute times**: every ratio ")
                .append("below comes from one run on one machine.\n\n");
        b.append("## Machine and run\n\n");
        b.append("| | |\n|---|---|\n");
        machine.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        if (any != null) {
            JsonNode r = any.raw();
            b.append("| JDK | ").append(r.path("jdkVersion").asText()).append(" (").append(r.path("vmName").asText()).append(' ')
                    .append(r.path("vmVersion").asText()).append(") |\n");
            b.append("| JMH | ").append(r.path("jmhVersion").asText()).append(", forks ").append(r.path("forks").asText())
                    .append(", warm-up ").append(r.path("warmupIterations").asText()).append(" × ").append(r.path("warmupTime").asText())
                    .append(", measurement ").append(r.path("measurementIterations").asText()).append(" × ")
                    .append(r.path("measurementTime").asText()).append(", JVM args ").append(r.path("jvmArgs")).append(" |\n");
        }
        if (!note.isBlank()) {
            b.append("\n**Conditions:** ").append(note).append("\n");
        }

        Optional<Double> floor = score("FloorBenchmark.countDigits");
        Optional<Double> turn = score("TurnBenchmark.defaultTurn");
        Optional<Double> fixed = score("TurnBenchmark.fixedCostTurn");
        Optional<Double> text = score("TurnBenchmark.textWork");
        Optional<Double> none = score("TurnBenchmark.noGovernance");
        Optional<Double> lc4j = score("PeerBenchmark.langchain4jGuardrails");
        Optional<Double> lc4jBare = score("PeerBenchmark.langchain4jNoGuardrails");
        Optional<Double> lc4jText = score("PeerBenchmark.langchain4jGuardrailTextWork");
        Optional<Double> kw1k = score("KeywordListBenchmark.policyOnly", "terms", "1000", "vocabulary", "words");
        Optional<Double> kw100k = score("KeywordListBenchmark.policyOnly", "terms", "100000", "vocabulary", "words");
        Optional<Double> h10 = score("HistoryBenchmark.turn", "historyTurns", "10");
        Optional<Double> h1000 = score("HistoryBenchmark.turn", "historyTurns", "1000");
        Optional<Double> alloc = secondary("TurnBenchmark.defaultTurn", "gc.alloc.rate.norm");
        Optional<Double> tput = score("ThroughputBenchmark.defaultTurn");

        b.append("\n## Targets\n\n");
        b.append("| target | measured | verdict |\n|---|---|---|\n");
        b.append("| default turn (1 KB in + 1 KB out) ≤ 10 µs | ").append(f(turn, " µs")).append(" | ").append(atMost(turn, 10)).append(" |\n");
        b.append("| text work ≤ 10× the floor | ").append(f(ratio(text, floor), "×")).append(" (policies ")
                .append(f(text, " µs")).append(", floor ").append(f(floor, " µs")).append(") | ").append(atMost(ratio(text, floor), 10))
                .append(" |\n");
        b.append("| fixed cost per turn ≤ 2 µs | ").append(f(fixed, " µs")).append(" | ").append(atMost(fixed, 2)).append(" |\n");
        b.append("| keyword list 1k → 100k terms ≤ 1.3× | ").append(f(ratio(kw100k, kw1k), "×")).append(" | ")
                .append(atMost(ratio(kw100k, kw1k), 1.3)).append(" |\n");
        b.append("| history 10 → 1,000 turns ≤ 1.1× | ").append(f(ratio(h1000, h10), "×")).append(" | ")
                .append(atMost(ratio(h1000, h10), 1.1)).append(" |\n");
        b.append("| ≥ 30× faster than LangChain4j guardrails (peer / ours) | ").append(f(ratio(lc4j, turn), "×")).append(" | ")
                .append(atLeast(ratio(lc4j, turn), 30)).append(" |\n");
        b.append("| ≤ 4 KB allocated per turn | ").append(f(alloc.map(x -> x / 1024), " KB")).append(" | ")
                .append(atMost(alloc.map(x -> x / 1024), 4)).append(" |\n");
        b.append("| ≥ 100k turns/s with 2 threads | ").append(f(tput, " turns/s")).append(" | ").append(atLeast(tput, 100_000))
                .append(" |\n");

        b.append("\n## Ratios\n\n| ratio | value |\n|---|---|\n");
        line(b, "default turn / floor", ratio(turn, floor));
        line(b, "text work (default policies, in + out) / floor", ratio(text, floor));
        line(b, "fixed-cost turn / default turn", ratio(fixed, turn));
        line(b, "default turn / no governance (stub agent alone)", ratio(turn, none));
        line(b, "LangChain4j guardrails / our default turn", ratio(lc4j, turn));
        line(b, "LangChain4j guardrails' own overhead (guarded − unguarded) / our default turn",
                lc4j.isPresent() && lc4jBare.isPresent() ? ratio(Optional.of(lc4j.get() - lc4jBare.get()), turn) : Optional.empty());
        line(b, "LangChain4j guardrail text work / our text work", ratio(lc4jText, text));
        line(b, "LangChain4j AI service without guardrails / our default turn", ratio(lc4jBare, turn));
        line(b, "keyword list 10k / 1k terms (policy alone)",
                ratio(score("KeywordListBenchmark.policyOnly", "terms", "10000", "vocabulary", "words"), kw1k));
        line(b, "keyword list 100k / 1k terms (policy alone)", ratio(kw100k, kw1k));
        line(b, "keyword list 100k / 1k terms (policy alone, syllable pseudo-words)",
                ratio(score("KeywordListBenchmark.policyOnly", "terms", "100000", "vocabulary", "syllables"),
                        score("KeywordListBenchmark.policyOnly", "terms", "1000", "vocabulary", "syllables")));
        line(b, "keyword list 100k / 1k terms (whole turn)", ratio(score("KeywordListBenchmark.turn", "terms", "100000", "vocabulary", "words"),
                score("KeywordListBenchmark.turn", "terms", "1000", "vocabulary", "words")));
        line(b, "history 1,000 / 10 turns", ratio(h1000, h10));
        Optional<Double> s1k = score("MessageSizeBenchmark.turn", "size", "1024");
        for (String s : List.of("100", "16384", "65536")) {
            line(b, "message " + s + " B / 1 KB", ratio(score("MessageSizeBenchmark.turn", "size", s), s1k));
        }
        Optional<Double> p1 = score("PolicyCountBenchmark.turn", "policies", "1");
        for (String p : List.of("10", "100")) {
            line(b, p + " policies / 1 policy", ratio(score("PolicyCountBenchmark.turn", "policies", p), p1));
        }
        Optional<Double> a1 = score("ParallelAgentsBenchmark.fanOut", "agents", "1");
        for (String a : List.of("8", "32")) {
            line(b, "time per turn, " + a + " parallel agents / 1 agent",
                    ratio(score("ParallelAgentsBenchmark.fanOut", "agents", a).map(x -> x / Integer.parseInt(a)), a1));
        }
        Optional<Double> mem = score("AuditAppendBenchmark.append", "sink", "memory");
        String norm = "gc.alloc.rate.norm";
        b.append("\n## Allocation per operation (-prof gc)\n\n| benchmark | bytes/op |\n|---|---|\n");
        alloc(b, "default turn", secondary("TurnBenchmark.defaultTurn", norm));
        alloc(b, "fixed-cost turn", secondary("TurnBenchmark.fixedCostTurn", norm));
        alloc(b, "text work (policies alone)", secondary("TurnBenchmark.textWork", norm));
        alloc(b, "history 10 turns", secondary("HistoryBenchmark.turn", norm, "historyTurns", "10"));
        alloc(b, "history 1,000 turns", secondary("HistoryBenchmark.turn", norm, "historyTurns", "1000"));
        alloc(b, "audit stage work alone (2 digests + 3 records sealed)", secondary("StageBenchmark.audit", norm));
        alloc(b, "canonical JSON of one 1 KB audit record", secondary("StageBenchmark.auditCanonicalJson", norm));
        alloc(b, "LangChain4j guarded call", secondary("PeerBenchmark.langchain4jGuardrails", norm));
        b.append("\n## More ratios\n\n| ratio | value |\n|---|---|\n");
        line(b, "audit append: file without fsync / memory", ratio(score("AuditAppendBenchmark.append", "sink", "file"), mem));
        line(b, "audit append: file with fsync / memory", ratio(score("AuditAppendBenchmark.append", "sink", "file-fsync"), mem));

        stages(b, turn);

        b.append("\n## All scores\n\n| benchmark | params | mode | score | ± error | unit |\n|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            b.append("| ").append(r.name()).append(" | ").append(r.params().isEmpty() ? "" : r.params().toString()).append(" | ")
                    .append(r.mode()).append(" | ").append(num(r.score())).append(" | ")
                    .append(Double.isNaN(r.error()) ? "" : num(r.error())).append(" | ").append(r.unit()).append(" |\n");
            for (Map.Entry<String, Double> e : r.secondary().entrySet()) {
                if (e.getKey().startsWith("gc.alloc.rate.norm") || e.getKey().startsWith("gc.count")
                        || e.getKey().startsWith("gc.time")) {
                    b.append("| ").append(r.name()).append(' ').append(e.getKey()).append(" | ")
                            .append(r.params().isEmpty() ? "" : r.params().toString()).append(" | | ").append(num(e.getValue()))
                            .append(" | | |\n");
                }
            }
        }
        return b.toString();
    }

    private void stages(StringBuilder b, Optional<Double> turn) {
        Optional<Row> r = find("StageBenchmark.perStageSelfTime");
        if (r.isEmpty() || !r.get().secondary().containsKey("turns")) {
            return;
        }
        double turns = r.get().secondary().get("turns");
        b.append("\n## Per stage\n\nSelf time per stage inside default turns, from the pipeline's own stage timings ")
                .append("(`StageBenchmark.perStageSelfTime`, summed over each iteration and divided by its turns), next to the ")
                .append("same work called alone through public API.\n\n");
        b.append("| stage | self time in a turn (µs) | share of the turn | work alone (µs) |\n|---|---|---|---|\n");
        String[][] stages = {
            {"validation", "validationNanos", ""},
            {"input-policies", "inputPoliciesNanos", "StageBenchmark.inputPolicies"},
            {"trust-assessment", "trustAssessmentNanos", "StageBenchmark.trust"},
            {"routing (incl. stub agent)", "routingNanos", ""},
            {"output-policies", "outputPoliciesNanos", "StageBenchmark.outputPolicies"},
            {"observer (incl. trust evidence)", "observerNanos", "StageBenchmark.observerReview"},
            {"audit (digests, drafts, seal)", "auditNanos", "StageBenchmark.audit"},
        };
        double sum = 0;
        double whole = r.get().score();
        for (String[] s : stages) {
            Double nanos = r.get().secondary().get(s[1]);
            if (nanos == null || turns == 0) {
                continue;
            }
            double us = nanos / turns / 1000.0;
            sum += us;
            b.append("| ").append(s[0]).append(" | ").append(num(us)).append(" | ").append(num(100 * us / whole)).append(" % | ")
                    .append(s[2].isEmpty() ? "" : f(score(s[2]), "")).append(" |\n");
        }
        b.append("| outside the stages (session lookup, lock, commit, response) | ").append(num(whole - sum)).append(" | ")
                .append(num(100 * (whole - sum) / whole)).append(" % | session commit alone: ")
                .append(f(score("StageBenchmark.sessionCommit"), "")).append(" |\n");
        b.append("| drill-down: canonical JSON of one 1 KB record | | | ").append(f(score("StageBenchmark.auditCanonicalJson"), ""))
                .append(" |\n");
        b.append("| drill-down: SHA-256 hex of 1 KB | | | ").append(f(score("StageBenchmark.auditSha256"), "")).append(" |\n");
        b.append("| whole turn in this benchmark | ").append(num(whole)).append(" | 100 % | |\n");
    }

    private static void alloc(StringBuilder b, String what, Optional<Double> v) {
        if (v.isPresent()) {
            b.append("| ").append(what).append(" | ").append(num(v.get())).append(" |\n");
        }
    }

    private static void line(StringBuilder b, String what, Optional<Double> v) {
        b.append("| ").append(what).append(" | ").append(f(v, "×")).append(" |\n");
    }

    /** CPU model, logical CPUs, OS and memory of this machine. */
    static Map<String, String> machine() {
        Map<String, String> m = new LinkedHashMap<>();
        String cpu = "unknown";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: leave unknown
        }
        m.put("CPU", cpu);
        m.put("logical CPUs (nproc)", Integer.toString(Runtime.getRuntime().availableProcessors()));
        m.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        return m;
    }
}
