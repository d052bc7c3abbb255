#!/usr/bin/env bash
# Benchmark of pairs of failures and of review --survive (docs/survival.md), all in one run:
#
#   1. rf1239-pairs     every pair of links and SRLGs of rf1239 (REPETITA rocketfuel, 315
#                       routers, 972 links: about 472,000 pairs): a sweep with one generator
#                       {"each": "pair", "of": ["link", "srlg"]}; link_worst_case is the exact
#                       worst case per arc over every pair (demands scaled to 50 % at the
#                       busiest arc; an 18 GB driver heap unless NETIMPACT_DRIVER_MEMORY says).
#   2. pairs-generator  the pair sweep of links and SRLGs on a smaller real network (default
#      pairs-expanded   rf1755, 87 routers), as a user runs it: the pairs screened by their
#      pairs-explicit   loads, composed per destination from the single failures, the ones
#                       that are not SAFE evaluated in full and listed (the product's way);
#                       the same generator with the composition and the screen switched off
#                       (-Dnetimpact.pairs.compose=false, every pair evaluated in full as a
#                       two-op scenario, the reference); and the same pairs listed as explicit
#                       two-op changes (every one evaluated in full and listed, as explicit
#                       changes are). All three must give the same link_worst_case (checked);
#                       the table prints the ratios of their wall times.
#   3. survive-plain    review of a medium change (the generator's suggested safe-drain-spine),
#      survive-warm     warm (--baseline STORE, written once with baseline --survive link,srlg,
#                       again when its survival.json predates version 2), without and with
#                       --survive link,srlg; the table prints the ratio.
#
#   bench/pairs.sh [--seed N] [--only RUNS] [--small NAME] [--preset medium]
#
# RUNS is a comma list of the run names above (default all). Real data is read from
# $NETIMPACT_REAL_DATA or ../shared/data/real (repetita/rocketfuel/*.graph, *.demands).
# Every run records its wall time end to end (JVM and Spark start-up included), peak RSS (GNU
# time) and the 1-minute load average; results go to target/benchmark/pairs/runs.jsonl and a
# table is printed. Timed runs belong on a quiet machine.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SEED=1
ONLY=""
SMALL=rf1755
PRESET=medium
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seed) SEED="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    --small) SMALL="$2"; shift 2 ;;
    --preset) PRESET="$2"; shift 2 ;;
    *) echo "usage: $0 [--seed N] [--only RUNS] [--small rf1755] [--preset medium]" >&2; exit 2 ;;
  esac
done

REAL="${NETIMPACT_REAL_DATA:-$ROOT/../shared/data/real}"
RF="$REAL/repetita/rocketfuel"
source "$ROOT/bench/lib.sh"
bench_setup pairs

wanted() { [[ -z "$ONLY" || ",$ONLY," == *",$1,"* ]]; }

# import NAME [UTIL]: a REPETITA rocketfuel snapshot (made once); with UTIL its demands scaled
# so that the busiest arc's baseline utilisation is UTIL (snapshot NAME-uUTIL*100).
import() {
  local snap="$BENCH/snapshots/$1" scale=()
  if [[ -n "${2:-}" ]]; then
    snap="$BENCH/snapshots/$1-u$(python3 -c "print(round($2 * 100))")"
    scale=(--scale-to-util "$2")
  fi
  if [[ ! -f "$snap/manifest.json" ]]; then
    [[ -f "$RF/$1_real_hard.graph" ]] || { echo "bench/pairs.sh: missing $RF/$1_real_hard.graph" >&2; exit 2; }
    "$ROOT/jobs/netimpact" import --from repetita --in "$RF/$1_real_hard.graph" \
      "$RF/$1_real_hard.0000.demands" "${scale[@]}" --out "$snap" > "$BENCH/out/import-$(basename "$snap").log" 2>&1
  fi
  echo "$snap"
}

PAIRS_SWEEP="$BENCH/pairs-link-srlg.json"
echo '{"id": "pairs", "generators": [{"each": "pair", "of": ["link", "srlg"]}]}' > "$PAIRS_SWEEP"

if wanted rf1239-pairs; then
  # The instance's own demands load its busiest arc to 1.77x capacity before any failure, so
  # that nearly every pair would be BLOCK and listed: scaled to 50 % at the busiest arc, as
  # docs/import.md advises for what-ifs on these instances.
  snap=$(import rf1239 0.5)
  NETIMPACT_DRIVER_MEMORY="${NETIMPACT_DRIVER_MEMORY:-18g}" run rf1239-pairs sweep --snapshot "$snap" --sweep "$PAIRS_SWEEP" --out "$BENCH/out/rf1239" \
    --run-id rf1239-pairs
  grep -E "pairs of failures|scenarios on snapshot" "$BENCH/out/rf1239-pairs.log" || true
fi

if wanted pairs-generator || wanted pairs-expanded || wanted pairs-explicit; then
  snap=$(import "$SMALL")
  explicit="$BENCH/pairs-explicit-$SMALL.json"
  # The same pairs as explicit two-op changes, in the generator's order.
  python3 - "$snap" "$explicit" <<'PY'
import json, sys
snap, out = sys.argv[1], sys.argv[2]
links = [json.loads(l) for l in open(snap + "/links.jsonl") if l.strip()]
singles = [("link_down:" + l["id"], {"op": "link_down", "link": l["id"]}) for l in links]
seen = []
for l in links:
    for g in l.get("srlgs", []):
        if g not in seen:
            seen.append(g)
singles += [("srlg_down:" + g, {"op": "srlg_down", "srlg": g}) for g in seen]
changes = []
for i in range(len(singles)):
    for j in range(i + 1, len(singles)):
        changes.append({"id": singles[i][0] + "+" + singles[j][0],
                        "ops": [singles[i][1], singles[j][1]]})
json.dump({"id": "pairs-explicit", "changes": changes}, open(out, "w"))
print(f"{len(changes)} explicit pairs", file=sys.stderr)
PY
  wanted pairs-generator && run pairs-generator sweep --snapshot "$snap" \
    --sweep "$PAIRS_SWEEP" --out "$BENCH/out/$SMALL-gen" --run-id gen --format json
  wanted pairs-expanded && JDK_JAVA_OPTIONS="${JDK_JAVA_OPTIONS:-} -Dnetimpact.pairs.compose=false" \
    run pairs-expanded sweep --snapshot "$snap" --sweep "$PAIRS_SWEEP" \
    --out "$BENCH/out/$SMALL-expanded" --run-id expanded --format json
  wanted pairs-explicit && run pairs-explicit sweep --snapshot "$snap" --sweep "$explicit" \
    --out "$BENCH/out/$SMALL-explicit" --run-id explicit --format json
  # Same worst case per arc: every column equal, Gbps and utilisations to 1e-9 relative
  # (contract 7.3: the composed pairs sum the same deltas in another order).
  same() { python3 - "$1" "$2" <<'PY'
import glob, json, sys
def rows(d):
    out = {}
    for f in glob.glob(d + "/link_worst_case/run_id=*/*.json"):
        for l in open(f):
            if l.strip():
                r = json.loads(l)
                r.pop("run_id", None)
                out[(r["link_id"], r["from_device"])] = r
    return out
a, b = rows(sys.argv[1]), rows(sys.argv[2])
if a.keys() != b.keys() or not a:
    sys.exit(1)
for k, x in a.items():
    y = b[k]
    for c, v in x.items():
        w = y.get(c)
        if isinstance(v, float) or isinstance(w, float):
            if abs(v - w) > 1e-9 * max(1.0, abs(v)):
                print(k, c, v, w, file=sys.stderr)
                sys.exit(1)
        elif v != w:
            print(k, c, v, w, file=sys.stderr)
            sys.exit(1)
PY
  }
  for other in expanded explicit; do
    if [[ -d "$BENCH/out/$SMALL-gen" && -d "$BENCH/out/$SMALL-$other" ]]; then
      if same "$BENCH/out/$SMALL-gen" "$BENCH/out/$SMALL-$other"; then
        echo "pairs-generator and pairs-$other: the same link_worst_case"
      else
        echo "bench/pairs.sh: link_worst_case differs between pairs-generator and pairs-$other" >&2
        exit 1
      fi
    fi
  done
fi

if wanted survive-plain || wanted survive-warm; then
  snap="$BENCH/snapshots/$PRESET-s$SEED"
  [[ -f "$snap/manifest.json" ]] || "$ROOT/jobs/netimpact" generate --preset "$PRESET" \
    --seed "$SEED" --out "$snap" > "$BENCH/out/generate.log" 2>&1
  store="$BENCH/snapshots/$PRESET-s$SEED-store"
  # The store's N-1 results with the failures' stubs given back (survival.json version 2):
  # written again over a store of an older netimpact, whose warm review would find them again.
  grep -qs '"version":2' "$store/survival.json" || "$ROOT/jobs/netimpact" baseline \
    --snapshot "$snap" --out "$store" --survive link,srlg > "$BENCH/out/baseline.log" 2>&1
  change="$snap/changes/safe-drain-spine.json"
  run survive-plain review --snapshot "$snap" --change "$change" --baseline "$store" \
    --out "$BENCH/out/survive" --run-id plain
  run survive-warm review --snapshot "$snap" --change "$change" --baseline "$store" \
    --out "$BENCH/out/survive" --run-id warm --survive link,srlg
  grep -E "^SURVIVE" "$BENCH/out/survive-warm.log" || true
fi

python3 - "$RESULTS" <<'PY'
import json, sys
runs = {r["run"]: r for r in map(json.loads, open(sys.argv[1]))}
def ratio(a, b, what):
    if a in runs and b in runs:
        print(f"{what}: {runs[a]['wall_s'] / runs[b]['wall_s']:.2f}x")
ratio("pairs-explicit", "pairs-generator", "explicit pairs / pair generator (target >= 20x)")
ratio("pairs-expanded", "pairs-generator", "pairs as two-op scenarios / composed (same generator)")
ratio("survive-warm", "survive-plain", "review --survive warm / without (target <= 3x)")
if "rf1239-pairs" in runs:
    print(f"rf1239 every pair of links and SRLGs: {runs['rf1239-pairs']['wall_s']:.0f} s (target < 600 s)")
PY
