#!/usr/bin/env bash
# Benchmark of classes of service (docs/classes.md): a medium review with three classes
# against the same review without classes.json, side by side.
#
#   bench/classes.sh [--seed N] [--preset medium] [--change NAME] [--repeat N]
#
# The generated snapshot (its demands carry gold, silver and bronze) is reviewed twice per
# repeat with the generator's suggested change (default safe-drain-spine): "plain" on the
# snapshot as generated, "classes" on a copy of it (symlinks to the same tables) that adds
# classes.json with gold protected, then silver, then bronze. Every run records its wall time
# end to end (JVM and Spark start-up included), peak RSS (GNU time) and the 1-minute load
# average; results go to target/benchmark/classes/runs.jsonl, and a table prints the median
# wall time of each and their ratio (target: classes at most 1.3x plain). The review also
# prints the evaluation's own stage timings (route/assemble): compare those too. Timed runs
# belong on a quiet machine.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SEED=1
PRESET=medium
CHANGE=safe-drain-spine
REPEAT=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seed) SEED="$2"; shift 2 ;;
    --preset) PRESET="$2"; shift 2 ;;
    --change) CHANGE="$2"; shift 2 ;;
    --repeat) REPEAT="$2"; shift 2 ;;
    *) echo "usage: $0 [--seed N] [--preset medium] [--change NAME] [--repeat N]" >&2; exit 2 ;;
  esac
done

source "$ROOT/bench/lib.sh"
export BENCH_TIMINGS=1
bench_setup classes

snap="$BENCH/snapshots/$PRESET-s$SEED"
[[ -f "$snap/manifest.json" ]] || "$ROOT/jobs/netimpact" generate --preset "$PRESET" \
  --seed "$SEED" --out "$snap" > "$BENCH/out/generate.log" 2>&1
classed="$BENCH/snapshots/$PRESET-s$SEED-classes"
if [[ ! -f "$classed/classes.json" ]]; then
  mkdir -p "$classed"
  for f in "$snap"/*; do
    [[ "$(basename "$f")" == changes ]] || ln -sfn "$f" "$classed/$(basename "$f")"
  done
  cat > "$classed/classes.json" <<'JSON'
[{"class": "gold", "priority": 0, "protected": true},
 {"class": "silver", "priority": 1},
 {"class": "bronze", "priority": 2}]
JSON
fi
change="$snap/changes/$CHANGE.json"
[[ -f "$change" ]] || { echo "bench/classes.sh: no change $change" >&2; exit 2; }

for i in $(seq 1 "$REPEAT"); do
  run "plain-$i" review --snapshot "$snap" --change "$change" --out "$BENCH/out/reports" \
    --run-id "plain-$i"
  run "classes-$i" review --snapshot "$classed" --change "$change" --out "$BENCH/out/reports" \
    --run-id "classes-$i"
done
grep -E "dropped by class|^VERDICT" "$BENCH/out/classes-1.log" || true

python3 - "$RESULTS" <<'PY'
import json, statistics, sys
runs = [json.loads(l) for l in open(sys.argv[1])]
med = {k: statistics.median(r["wall_s"] for r in runs if r["run"].startswith(k + "-"))
       for k in ("plain", "classes")}
print(f"median wall: plain {med['plain']:.1f} s, classes {med['classes']:.1f} s, "
      f"ratio {med['classes'] / med['plain']:.2f}x (target <= 1.3x)")
PY
