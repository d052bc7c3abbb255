#!/usr/bin/env bash
# Time of demand deduction on a generated preset (default xl: 968,352 devices, about 8.4 M
# arcs measured, 4,896 edge devices).
#
# The counters are those a network carrying exactly the snapshot's demands would show: every
# arc's base load from a review's link_baseline (routed by the job itself) and every device's
# entering and leaving totals from the demands (io.netimpact.deduce.CountersFromReport, in the
# test sources). They are made once and reused. Then `deduce` runs on them, timed end to end
# (JVM and Spark start-up included), with its peak RSS and the 1-minute load average; the line
# ends with the deduction's fit and the relative L2 error of the deduced matrix against the
# snapshot's own demands (read from the deduced snapshot's notes and demands by the same tool).
#
# Usage: bench/deduce-xl.sh [--preset P] [--seed N] [--iterations N]
#   --iterations is deduce's iteration budget (default: deduce's own, 1,000 EM and 200
#   least-squares iterations a round, EM stopping once its fit settles).
#   The snapshot is shared with bench/benchmark.sh (target/benchmark/snapshots/P-sN), generated
#   when missing. xl needs a 14 GB driver heap (XL_DRIVER_MEMORY) and runs under nice -n 10.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PRESET=xl
SEED=1
BUDGET=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --preset) PRESET="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --iterations) BUDGET=(--iterations "$2"); shift 2 ;;
    *) echo "usage: bench/deduce-xl.sh [--preset P] [--seed N] [--iterations N]" >&2; exit 2 ;;
  esac
done
source "$ROOT/bench/lib.sh"
bench_setup deduce-xl
(cd "$ROOT" && mvn -q -B -o test-compile) >&2
heap=6g
NICE=()
if [[ $PRESET == xl ]]; then heap="${XL_DRIVER_MEMORY:-14g}"; NICE=(nice -n 10); fi
export NETIMPACT_DRIVER_MEMORY="$heap"

snap="$ROOT/target/benchmark/snapshots/$PRESET-s$SEED"
if [[ ! -f "$snap/manifest.json" ]]; then
  echo "deduce-xl: generating $PRESET seed $SEED..." >&2
  "${NICE[@]}" "$ROOT/jobs/netimpact" generate --preset "$PRESET" --seed "$SEED" --out "$snap" \
    > "$BENCH/out/generate.log"
fi
counters="$BENCH/counters-$PRESET-s$SEED"
tool() {
  "${NICE[@]}" java -Xmx"$heap" --add-opens=java.base/java.lang=ALL-UNNAMED \
    --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED \
    --add-exports=java.base/sun.nio.ch=ALL-UNNAMED \
    -cp "$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$ROOT/target/classpath.txt")" \
    io.netimpact.deduce.CountersFromReport "$@"
}
if [[ ! -d "$counters/interface_loads" ]]; then
  echo "deduce-xl: routing the base of $PRESET once for its counters..." >&2
  "${NICE[@]}" "$ROOT/jobs/netimpact" review --snapshot "$snap" \
    --change "$snap/changes/safe-drain-spine.json" --out "$BENCH/out/base-review" \
    > "$BENCH/out/base-review.log"
  tool counters "$snap" "$BENCH/out/base-review/link_baseline" "$counters" >&2
fi
rm -rf "$BENCH/out/deduced"
BENCH_TIMINGS=1 run "$PRESET-deduce" deduce --snapshot "$snap" --loads "$counters" \
  --out "$BENCH/out/deduced" "${BUDGET[@]+"${BUDGET[@]}"}"
grep -E 'fit:|^method:' "$BENCH/out/$PRESET-deduce.log" | head -5 || true
tool error "$snap" "$BENCH/out/deduced"
