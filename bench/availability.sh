#!/usr/bin/env bash
# Benchmark of availability sweeps (docs/availability.md):
#
#   1. backbone-availability  the sample backbone with links, SRLGs and devices failing
#                             (src/main/resources/samples/failure-models/backbone.json): the
#                             base, every single failure and every pair (about 5,050
#                             scenarios); target under 2 minutes on 2 cores.
#   2. large-availability     a large-preset snapshot (generated once, 99,600 devices, 418,128
#                             links, 220 SRLGs) with its fibre conduits failing: every SRLG at
#                             p = 2e-4, the 12 long-haul conduits between regions at 2e-3
#                             (docs/availability.md says why); pairs below --cutoff (default
#                             1e-6) left out, which keeps the 66 pairs of long-haul conduits;
#                             about 290 scenarios. The uncovered probability is printed beside
#                             the time. The model is written to target/benchmark/availability/.
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

source "$ROOT/bench/lib.sh"
bench_setup availability

wanted() { [[ -z "$ONLY" || ",$ONLY," == *",$1,"* ]]; }

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
  model="$BENCH/$PRESET-model.json"
  # The generator's long-haul conduits (generate.Plan#conduits): a ring of the regions and
  # chords across it, "conduit-lh-rA-rB" with A < B.
  regions=$(case "$PRESET" in small) echo 3 ;; medium) echo 4 ;; large) echo 8 ;; xl) echo 12 ;; esac)
  pairs=""
  ring=$(( regions == 2 ? 1 : regions ))
  for ((i = 0; i < ring; i++)); do pairs+=" $i:$(( (i + 1) % regions ))"; done
  if (( regions >= 4 )); then
    for ((i = 0; i < regions / 2; i++)); do pairs+=" $i:$(( i + regions / 2 ))"; done
  fi
  overrides=""
  for p in $pairs; do
    a=${p%:*}; b=${p#*:}; lo=$(( (a < b ? a : b) + 1 )); hi=$(( (a < b ? b : a) + 1 ))
    overrides+="${overrides:+, }\"srlg:conduit-lh-r$lo-r$hi\": 0.002"
  done
  echo "{\"srlg\": 0.0002, \"overrides\": {$overrides}}" > "$model"
  run large-availability sweep --snapshot "$snap" --sweep "$EMPTY" --failure-model "$model" \
    --prob-cutoff "$CUTOFF" --out "$BENCH/out/$PRESET" --run-id "$PRESET-availability"
fi
echo "results: $RESULTS"
