#!/usr/bin/env bash
# Times `netimpact show` on a local Parquet review and a local Parquet sweep of the sample
# (the runs are written first, untimed). Run it on a quiet machine:
#   bench/benchmark-show.sh [OUT_DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$(mktemp -d)}"
NI="$ROOT/jobs/netimpact"
S="$ROOT/src/main/resources/samples"
"$NI" review --snapshot "$S/backbone" --change "$S/changes/block-srlg-conduit.json" \
  --out "$OUT/review" >/dev/null
"$NI" sweep --snapshot "$S/backbone" --sweep "$S/sweeps/nightly.json" --out "$OUT/sweep" \
  --plan >/dev/null
for args in "--out $OUT/review" "--out $OUT/sweep" \
    "--out $OUT/sweep --table link_impact --where status_after='OVER' --format csv" \
    "--out $OUT/sweep --export $OUT/export"; do
  for i in 1 2 3; do
    start=$(date +%s.%N)
    # shellcheck disable=SC2086
    "$NI" show $args >/dev/null
    echo "show $args: $(echo "$(date +%s.%N) - $start" | bc) s"
  done
done
