#!/usr/bin/env bash
# Quick profile: every benchmark once (1 fork, 1 warm-up and 3 measurement iterations of 1 s),
# allocation per operation for the turn benchmarks, then benchmarks/RESULTS.md. About 4.5 minutes
# on 2 cores. Build first: mvn -B -q package -DskipTests
# Usage: bash benchmarks/quick-profile.sh ["note about the machine's load"]
set -euo pipefail
cd "$(dirname "$0")/.."
jar=benchmarks/target/benchmarks.jar
[ -f "$jar" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }
note=${1:-"quick profile (1 fork, 1 x 1 s warm-up, 3 x 1 s measurement)"}
java -jar "$jar" -f 1 -wi 1 -w 1s -i 3 -r 1s -rf json -rff benchmarks/target/jmh.json
java -jar "$jar" -f 1 -wi 1 -w 1s -i 3 -r 1s -prof gc -rf json -rff benchmarks/target/jmh-gc.json \
  'TurnBenchmark.defaultTurn|TurnBenchmark.fixedCostTurn|TurnBenchmark.textWork|HistoryBenchmark|StageBenchmark.audit$|StageBenchmark.auditCanonicalJson|PeerBenchmark.langchain4jGuardrails$'
java -cp "$jar" io.promethios.governance.benchmarks.Results benchmarks/RESULTS.md \
  benchmarks/target/jmh.json benchmarks/target/jmh-gc.json --append benchmarks/findings.md --note "$note"
