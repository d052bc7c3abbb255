#!/usr/bin/env bash
# Benchmark of availability sweeps (docs/availability.md):
#
#   1. backbone-availability  the sample backbone with links, SRLGs and devices failing
#                             (src/main/resources/samples/failure-models/backbone.json): the
#                             base, every single failure and every pair (about 5,050
#                             scenarios); target under 2 minutes on 2 cores.
#   2. large-availability     a large-preset snapshot (generated once) with links, SRLGs and
#                             devices failing, pairs below --prob-cutoff (default 1e-6) left
#                             out; the uncovered probability is printed beside the time.
#
#   bench/availability.sh [--seed N] [--only RUNS] [--cutoff P] [--preset large]
#
# Every run records its wall time end to end (JVM and Spark start-up included), peak RSS (GNU
# time) and the 1-minute load average; results go to target/benchmark/availability/runs.jsonl
# and a table is printed, with the availability lines of each run's console. Timed runs belong
# on a quiet machine.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SEED=1
ONLY=""
CUTOFF=1e-6
PRESET=large
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seed) SEED="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    --cutoff) CUTOFF="$2"; shift 2 ;;
    --preset) PRESET="$2"; shift 2 ;;
    *) echo "usage: $0 [--seed N] [--only RUNS] [--cutoff 1e-6] [--preset large]" >&2; exit 2 ;;
  esac
done

BENCH="$ROOT/target/benchmark/availability"
mkdir -p "$BENCH/snapshots" "$BENCH/out"
RESULTS="$BENCH/runs.jsonl"
: > "$RESULTS"
if [[ ! -x /usr/bin/time ]]; then
  echo "bench/availability.sh: needs GNU time (/usr/bin/time): apt-get install time" >&2
  exit 2
fi
(cd "$ROOT" && mvn -q -B -DskipTests package) >&2
export NETIMPACT_NO_BUILD=1
"$ROOT/jobs/netimpact" --help > /dev/null

wanted() { [[ -z "$ONLY" || ",$ONLY," == *",$1,"* ]]; }

# run NAME ARGS...: runs jobs/netimpact ARGS, timed, and appends one JSON line to $RESULTS.
run() {
  local name="$1"; shift
  local log="$BENCH/out/$name.log"
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  local start; start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$BENCH/out/$name.rss" "$ROOT/jobs/netimpact" "$@" > "$log" 2>&1 \
    || { echo "bench/availability.sh: $name failed, see $log" >&2; tail -20 "$log" >&2; exit 1; }
  local end; end=$(date +%s.%N)
  local wall; wall=$(echo "$end - $start" | bc)
  local rss; rss=$(tail -1 "$BENCH/out/$name.rss")
  printf '{"run": "%s", "wall_s": %.2f, "peak_rss_kb": %s, "load1": %s}\n' "$name" "$wall" \
    "$rss" "$load" >> "$RESULTS"
  printf '%-22s %9.1f s  peak RSS %6.0f MB  load %s\n' "$name" "$wall" "$((rss / 1024))" "$load"
  grep -E '^availability:' "$log" || true
}

EMPTY="$BENCH/empty-sweep.json"
echo '{"id": "availability"}' > "$EMPTY"

if wanted backbone-availability; then
  run backbone-availability sweep --snapshot "$ROOT/src/main/resources/samples/backbone" \
    --sweep "$EMPTY" --failure-model "$ROOT/src/main/resources/samples/failure-models/backbone.json" \
    --out "$BENCH/out/backbone" --run-id backbone-availability
fi

if wanted large-availability; then
  snap="$BENCH/snapshots/$PRESET-s$SEED"
  [[ -f "$snap/manifest.json" ]] || "$ROOT/jobs/netimpact" generate --preset "$PRESET" \
    --seed "$SEED" --out "$snap" > "$BENCH/out/generate.log" 2>&1
  model="$BENCH/large-model.json"
  echo '{"link": 0.0005, "srlg": 0.0002, "device": 0.0001}' > "$model"
  run large-availability sweep --snapshot "$snap" --sweep "$EMPTY" --failure-model "$model" \
    --prob-cutoff "$CUTOFF" --out "$BENCH/out/$PRESET" --run-id "$PRESET-availability"
fi
echo "results: $RESULTS"
