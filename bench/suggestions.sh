#!/usr/bin/env bash
# bench/run.sh suggestions: the suggestions' work in process (docs/benchmarks.md, tenth round) at 10,000 knowledge
# articles and 100,000 learned work orders, in a JVM as a service runs (HOTLINE_SERVICE_HEAP 384m, SerialGC). No system is
# started: HTTP and the gateway are not in the figures. Writes bench/results/<time>-suggestions.md.
#   BENCH_ARTICLES (10000), BENCH_ORDERS (100000), BENCH_CALLS (5000 timed), BENCH_WARMUP_CALLS (3000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo=$(pwd)
./mvnw -B -q -o -pl intake-service test-compile
classpath=$(mktemp)
trap 'rm -f "$classpath"' EXIT
./mvnw -B -q -o -pl intake-service dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath"
mkdir -p bench/results
out=$repo/bench/results/$(date +%Y%m%d-%H%M%S)-suggestions.md
{
  echo "# Benchmark run $(date -Iseconds) (suggestions)"
  echo
  echo "- commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!bench' 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GB RAM"
  echo "- load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo '```'
  "${HOTLINE_JAVA:-java}" -Xmx${HOTLINE_SERVICE_HEAP:-384m} -XX:+UseSerialGC \
    -cp "intake-service/target/test-classes:intake-service/target/classes:$(cat "$classpath")" \
    city.hotline.intake.suggestion.SuggestionBenchmark "${BENCH_ARTICLES:-10000}" "${BENCH_ORDERS:-100000}" \
    "${BENCH_CALLS:-5000}" "${BENCH_WARMUP_CALLS:-3000}" 2>&1 | grep -v '^SLF4J'
  echo '```'
  echo
  echo "- load after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out"
echo "written to $out"
