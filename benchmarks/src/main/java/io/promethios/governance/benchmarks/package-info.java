/**
 * JMH benchmarks of the governance overhead of a turn, and the side-by-side peer runs.
 *
 * <p>Where to start: {@link io.promethios.governance.benchmarks.TurnBenchmark} (the full default
 * turn, the fixed cost, the text work and the no-governance baseline) and
 * {@link io.promethios.governance.benchmarks.FloorBenchmark} (the floor every ratio is read
 * against). The scaling benchmarks vary one thing each: message size, number of policies,
 * keyword-list size, history length, parallel agents; {@code StageBenchmark} breaks a turn down
 * by stage, {@code AuditAppendBenchmark} measures the sinks, {@code ThroughputBenchmark} runs two
 * threads, and {@code PeerBenchmark} runs the same checks as LangChain4j guardrails.
 * {@link io.promethios.governance.benchmarks.DefaultPolicies} is the one place that defines the
 * default policy set for all of them; {@link io.promethios.governance.benchmarks.Results} turns
 * JMH's JSON into {@code RESULTS.md}. Commands are in {@code benchmarks/README.md}.
 *
 * <p>Not API: nothing here is published for applications to use.
 */
package io.promethios.governance.benchmarks;
