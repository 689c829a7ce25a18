#!/usr/bin/env bash
# The benchmark harness (docs/benchmarks.md): starts a fresh embedded system of its own on free ports
# with its data under BENCH_HOME, measures, writes the results to bench/results/<time>.md, stops it.
#
#   bench/run.sh all        the full measurement (about 20 minutes): 1 throughput, 2 end-to-end, 3 dashboard
#   bench/run.sh quick      the same with short runs (about 6 minutes), to check that everything works
#   bench/run.sh throughput | e2e | dashboard    one part only
#   bench/run.sh up         only start the benchmark's system and leave it running (for profiling)
#   bench/run.sh suggestions   the suggestions in process at 10,000 articles and 100,000 work orders (bench/suggestions.sh)
#
# Knobs (environment): BENCH_HOME (/tmp/hotline-bench), BENCH_PORT_BASE (22000, below the kernel's ephemeral ports: gateway on +8080, intake +8081,
# dispatch +8082, feedback +8083, Kafka +9092/+9093, Mongo-wire +7018..+7021), BENCH_LEVELS (1,2,4,8,16,32,64),
# BENCH_SECONDS (20 per wrk run), BENCH_WARMUP (60 s through each path before part 1 measures: a fresh JVM spends its
# first minutes compiling), BENCH_SETTLE (60: longest wait for consumer lag 0 between runs), BENCH_E2E_RATE (300), BENCH_E2E_SECONDS (300), BENCH_DASHBOARD_REQUESTS (2000),
# BENCH_E2E_WARMUP (60 s at the same rate, unmeasured), BENCH_RECONCILE_WAIT (600: after part 2, how long the books may take to agree),
# BENCH_CALLS_PER_YEAR (10000000), BENCH_KEEP=1 leaves the system running afterwards.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo=$(pwd)
mode=${1:-all}
[[ $mode == suggestions ]] && exec bench/suggestions.sh   # in process: no system, no wrk

case "$mode" in
  all) levels=${BENCH_LEVELS:-1,2,4,8,16,32,64}; seconds=${BENCH_SECONDS:-20}; warmup=${BENCH_WARMUP:-60}; settle=${BENCH_SETTLE:-60}
       e2e_seconds=${BENCH_E2E_SECONDS:-300}; stragglers=60; dash_requests=${BENCH_DASHBOARD_REQUESTS:-2000}; parts="throughput e2e dashboard" ;;
  quick) levels=${BENCH_LEVELS:-1,8,32}; seconds=${BENCH_SECONDS:-4}; warmup=4; settle=10
       e2e_seconds=${BENCH_E2E_SECONDS:-15}; stragglers=20; dash_requests=${BENCH_DASHBOARD_REQUESTS:-200}; parts="throughput e2e dashboard" ;;
  throughput|e2e|dashboard) levels=${BENCH_LEVELS:-1,2,4,8,16,32,64}; seconds=${BENCH_SECONDS:-20}; warmup=${BENCH_WARMUP:-60}; settle=${BENCH_SETTLE:-60}
       e2e_seconds=${BENCH_E2E_SECONDS:-300}; stragglers=60; dash_requests=${BENCH_DASHBOARD_REQUESTS:-2000}; parts=$mode ;;
  up) parts=""; export BENCH_KEEP=1; levels=; seconds=; warmup=; settle=; e2e_seconds=; stragglers=; dash_requests= ;;
  *) sed -n '2,16p' "$0"; exit 2 ;;
esac
e2e_rate=${BENCH_E2E_RATE:-300}
e2e_warmup=${BENCH_E2E_WARMUP:-60}
[[ $mode == quick ]] && e2e_warmup=${BENCH_E2E_WARMUP:-5}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
for module in intake-service dispatch-service feedback-service gateway embedded-infra; do
  [[ -f $module/target/$module.jar ]] || { echo "Building (./mvnw -B -q -o install -DskipTests) ..."; ./mvnw -B -q -o install -DskipTests; break; }
done

home=${BENCH_HOME:-/tmp/hotline-bench}
base=${BENCH_PORT_BASE:-22000}
export HOTLINE_HOME=$home/system
export GATEWAY_PORT=$((base + 8080)) INTAKE_PORT=$((base + 8081)) DISPATCH_PORT=$((base + 8082)) FEEDBACK_PORT=$((base + 8083))
export KAFKA_PORT=$((base + 9092)) KAFKA_CONTROLLER_PORT=$((base + 9093))
export INTAKE_MONGO_PORT=$((base + 7018)) DISPATCH_MONGO_PORT=$((base + 7019)) FEEDBACK_MONGO_PORT=$((base + 7020)) GATEWAY_MONGO_PORT=$((base + 7021))
# The one setting the benchmark changes: one operator sends all the load, far above a person's 600 a minute.
export HOTLINE_RATE_LIMIT_PER_MINUTE=${HOTLINE_RATE_LIMIT_PER_MINUTE:-100000000}
# A dev system runs Kafka and the Mongo-wire servers on the quick C1 JIT for start-up; measure them fully compiled.
export HOTLINE_INFRA_JVM_OPTIONS=${HOTLINE_INFRA_JVM_OPTIONS:--XX:TieredStopAtLevel=4}

for port in $GATEWAY_PORT $INTAKE_PORT $DISPATCH_PORT $FEEDBACK_PORT $KAFKA_PORT $KAFKA_CONTROLLER_PORT \
    $INTAKE_MONGO_PORT $DISPATCH_MONGO_PORT $FEEDBACK_MONGO_PORT $GATEWAY_MONGO_PORT; do
  if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then
    echo "port $port is taken; choose another BENCH_PORT_BASE" >&2; exit 1
  fi
done

# A snapshot of the jars, so that rebuilding the repository while the benchmark runs changes nothing under it.
snapshot=$home/repo
rm -rf "$home"
mkdir -p "$snapshot/embedded-infra/target" "$repo/bench/results"
for module in intake-service dispatch-service feedback-service gateway; do
  mkdir -p "$snapshot/$module/target"; cp "$module/target/$module.jar" "$snapshot/$module/target/"
done
cp -r embedded-infra/target/embedded-infra.jar embedded-infra/target/lib "$snapshot/embedded-infra/target/"
cp bench/register.lua "$home/"
java_bin=${HOTLINE_JAVA:-java}
cp_infra="$snapshot/embedded-infra/target/embedded-infra.jar:$snapshot/embedded-infra/target/lib/*"
hotline() { (cd "$snapshot" && "$java_bin" -cp "$cp_infra" city.hotline.infra.HotlineMain "$@"); }
bench() { "$java_bin" -Xmx1g -cp "$cp_infra" city.hotline.infra.bench.BenchMain "$@"; }

out=$repo/bench/results/$(date +%Y%m%d-%H%M%S)-$mode.md
{
  echo "# Benchmark run $(date -Iseconds) ($mode)"
  echo
  echo "- commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!bench' 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GB RAM, $(. /etc/os-release; echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "- load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- settings changed for the benchmark: HOTLINE_RATE_LIMIT_PER_MINUTE=$HOTLINE_RATE_LIMIT_PER_MINUTE, HOTLINE_INFRA_JVM_OPTIONS=$HOTLINE_INFRA_JVM_OPTIONS (everything else as shipped)"
  echo
} > "$out"

# Each part gets a fresh system of its own, so that no part inherits another's backlog.
start_fresh() {
  hotline down > /dev/null 2>&1 || true
  rm -rf "$HOTLINE_HOME"
  echo "Starting a fresh system under $HOTLINE_HOME (gateway :$GATEWAY_PORT, intake :$INTAKE_PORT) ..."
  local started=$(date +%s)
  hotline up > "$home/up.log" 2>&1 || { cat "$home/up.log"; hotline down || true; exit 1; }
  if [[ -z ${service_java:-} ]]; then
    service_java=$(ps -o args= -p "$(head -1 "$HOTLINE_HOME/run/gateway.pid")" | cut -d' ' -f1)
    echo "- services' JDK: $("$service_java" -version 2>&1 | head -1) ($service_java); harness: $("$java_bin" -version 2>&1 | head -1)" >> "$out"
  fi
  echo "- fresh system for ${1:-up} started in $(( $(date +%s) - started )) s (load $(cut -d' ' -f1-3 /proc/loadavg))" >> "$out"
}
# After part 2: the system's own books (./hotline reconcile), once the backlog has drained. This, not the
# harness's wait for stragglers, is what tells late from lost.
reconcile() {
  local started=$(date +%s) result status=0
  result=$(hotline reconcile --wait "${BENCH_RECONCILE_WAIT:-600}" 2>&1) || status=$?
  { echo "### Reconciliation after 2 (\`./hotline reconcile --wait ${BENCH_RECONCILE_WAIT:-600}\`, exit $status, $(( $(date +%s) - started )) s)"
    echo; echo '```'; echo "$result" | head -40; echo '```'; echo; } >> "$out"
}
run_started=$(date +%s)
trap '[[ ${BENCH_KEEP:-0} == 1 ]] || hotline down >/dev/null 2>&1' EXIT
[[ -n $parts ]] || start_fresh
gateway=http://localhost:$GATEWAY_PORT
kafka=localhost:$KAFKA_PORT
for part in $parts; do
  echo "== $part"
  start_fresh "$part"; echo >> "$out"
  case "$part" in
    throughput) bench throughput --gateway "$gateway" --intake "http://localhost:$INTAKE_PORT" --kafka "$kafka" \
        --home "$HOTLINE_HOME" --levels "$levels" --seconds "$seconds" --warmup "$warmup" --settle "$settle" \
        --script "$home/register.lua" --out "$out" ;;
    e2e) bench e2e --gateway "$gateway" --kafka "$kafka" --home "$HOTLINE_HOME" --rate "$e2e_rate" \
        --seconds "$e2e_seconds" --warmup "$e2e_warmup" --stragglers "$stragglers" --out "$out"
      reconcile ;;
    dashboard) bench load-stats --mongo "mongodb://localhost:$FEEDBACK_MONGO_PORT" \
        --calls-per-year "${BENCH_CALLS_PER_YEAR:-10000000}" --out "$out"
      bench dashboard --gateway "$gateway" --requests "$dash_requests" --out "$out" ;;
  esac
done
echo "- load after: $(cut -d' ' -f1-3 /proc/loadavg); whole run $(( $(date +%s) - run_started )) s" >> "$out"
echo "Results: $out"
