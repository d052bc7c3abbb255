#!/usr/bin/env bash
# Load generator for `netimpact serve`: replays N random valid change requests at a given rate
# against one serve process on a generated preset, then reports, from serve_log, the latency of
# every request (request appearing -> run published: p50, p99, p100), the sustained throughput,
# and the core-seconds per answered request against one `review --baseline` process per request
# on the same snapshot in the same run. Prints the load average before and after.
#
#   bench/serve-load.sh [--preset medium] [--seed 1] [--n 700] [--rate 12] [--reviews 5]
#                       [--work DIR] [--target-latency-s 10] [--max-batch 256]
#                       [--format parquet|json] [--request-snapshot DIR]
#
# Requests are 1-3 ops each, drawn from: drain_device, link_down, member_down, set_metric,
# set_capacity, add_link, scale_demands (demand growth). Each is written under a temporary name
# and renamed in, as a client must. --reviews K: how many `review --baseline` processes are
# timed for the comparison (their mean is used; 0 skips it). --format: the reports' format
# (default parquet, the job's own default); the latencies are read from the service's outcome
# records (OUT/_serve/outcomes/*), which are JSON in either format. --request-snapshot: a JSON
# lines copy of the same network to draw the requests from, when the served snapshot is
# Parquet (generate the same preset and seed with --format jsonl). Needs python3 and jobs/netimpact.
# Timed runs want a quiet machine: the script states the load average so that a reader can
# judge the figures.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NI="$ROOT/jobs/netimpact"
preset=medium seed=1 n=700 rate=12 reviews=5 work="" target=10 maxbatch=256 format=parquet reqsnap=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --preset) preset="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --n) n="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --reviews) reviews="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --target-latency-s) target="$2"; shift 2 ;;
    --max-batch) maxbatch="$2"; shift 2 ;;
    --format) format="$2"; shift 2 ;;
    --request-snapshot) reqsnap="$2"; shift 2 ;;
    *) echo "serve-load: unknown option $1" >&2; exit 2 ;;
  esac
done
work="${work:-$(mktemp -d /tmp/serve-load.XXXXXX)}"
snap="$work/snapshot-$preset-$seed" store="$work/store" requests="$work/requests"
out="$work/out" changes="$work/changes"
mkdir -p "$work"
echo "serve-load: work directory $work; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ ! -d "$snap" ]]; then
  "$NI" generate --preset "$preset" --seed "$seed" --out "$snap" --format jsonl >/dev/null
fi

# N random valid change requests from the snapshot's own devices, links and members.
rm -rf "$changes" && mkdir -p "$changes"
python3 "$ROOT/bench/serve_requests.py" "${reqsnap:-$snap}" "$changes" "$n" "$seed"

if [[ ! -f "$store/manifest.json" ]]; then
  "$NI" baseline --snapshot "$snap" --out "$store" >/dev/null
fi

# The service, on its own core budget (local[*]), until the last request is answered.
rm -rf "$requests" "$out" && mkdir -p "$requests"
"$NI" serve --snapshot "$snap" --baseline "$store" --requests "$requests" --out "$out" \
  --format "$format" --stop-after "$n" --target-latency-s "$target" --max-batch "$maxbatch" \
  --conf spark.ui.enabled=false >"$work/serve.log" 2>&1 &
serve_pid=$!
while [[ ! -f "$out/_serve/ready.json" ]]; do
  kill -0 "$serve_pid" 2>/dev/null || { echo "serve-load: serve died:" >&2; tail -20 "$work/serve.log" >&2; exit 1; }
  sleep 0.2
done
# CPU of the serve process tree before the replay, from /proc (clock ticks).
ticks() { local t=0 s p; for p in $(pgrep -P "$1") "$1"; do
  s=$(awk '{print $14+$15+$16+$17}' "/proc/$p/stat" 2>/dev/null || true)
  [[ "$s" =~ ^[0-9]+$ ]] && t=$((t + s)); done; echo "$t"; }
# The launcher script forks java: measure the JVM itself.
jvm=$(pgrep -P "$serve_pid" java || echo "$serve_pid")
cpu0=$(ticks "$jvm")
python3 - "$changes" "$requests" "$n" "$rate" <<'PY'
import os, sys, time
src, dst, n, rate = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
start = time.monotonic()
for i in range(n):
    due = start + i / rate
    now = time.monotonic()
    if due > now:
        time.sleep(due - now)
    name = "req-%06d.json" % i
    tmp = os.path.join(dst, "." + name + ".tmp")
    with open(os.path.join(src, name)) as f, open(tmp, "w") as g:
        g.write(f.read())
    os.rename(tmp, os.path.join(dst, name))
PY
# The CPU counters vanish with the process: sampled until it exits, the last sample kept.
cpu1=$cpu0
while kill -0 "$jvm" 2>/dev/null; do
  t=$(ticks "$jvm" 2>/dev/null || true)
  if [[ "$t" =~ ^[0-9]+$ ]] && (( t > cpu1 )); then cpu1=$t; fi
  sleep 0.5
done
wait "$serve_pid" || { echo "serve-load: serve failed:" >&2; tail -20 "$work/serve.log" >&2; exit 1; }
hz=$(getconf CLK_TCK)

# One warm `review --baseline` process per request, for the comparison (K of them).
review_cs=""
if [[ "$reviews" -gt 0 ]]; then
  total=0
  for i in $(seq 0 $((reviews - 1))); do
    f=$(printf "%s/req-%06d.json" "$changes" "$i")
    /usr/bin/time -o "$work/review-time.txt" -f "%U %S" "$NI" review --snapshot "$snap" \
      --baseline "$store" --change "$f" --out "$work/review-out" --run-id "review-$i" \
      --format "$format" >/dev/null 2>&1 || true
    t=$(tail -1 "$work/review-time.txt")
    total=$(python3 -c "print($total + sum(map(float, '$t'.split())))")
  done
  review_cs=$(python3 -c "print($total / $reviews)")
fi

python3 - "$out" "$n" "$cpu0" "$cpu1" "$hz" "${review_cs:-0}" <<'PY'
import json, os, sys
from datetime import datetime
out, n, c0, c1, hz, review_cs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), \
    int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
d = os.path.join(out, "_serve", "outcomes")
rows = [json.load(open(os.path.join(d, f))) for f in os.listdir(d) if f.endswith(".json")]
# Instants with nanoseconds: seconds and the fraction, parsed apart.
ts = lambda s: datetime.strptime(s[:19], "%Y-%m-%dT%H:%M:%S").timestamp() \
    + float("0." + (s[20:-1] or "0"))
lat = sorted(r["latency_ms"] for r in rows)
pct = lambda p: lat[min(len(lat) - 1, max(0, int(round(p / 100 * len(lat))) - 1))]
span = max(ts(r["published_at"]) for r in rows) - min(ts(r["received_at"]) for r in rows)
pub = sum(r["status"] == "PUBLISHED" for r in rows)
cs = (c1 - c0) / hz / max(1, len(rows))
print("requests answered:   %d of %d (%d published, %d rejected), %d outcome records"
      % (len(set(r["request"] for r in rows)), n, pub, len(rows) - pub, len(rows)))
print("latency ms:          p50 %d, p99 %d, p100 %d" % (pct(50), pct(99), lat[-1]))
print("sustained:           %.2f requests/s over %.1f s" % (len(rows) / span, span))
print("core-seconds/request: serve %.3f" % cs
      + ("; review --baseline per request %.2f (%.0fx)" % (review_cs, review_cs / cs)
         if review_cs > 0 and cs > 0 else ""))
PY
echo "serve-load: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
