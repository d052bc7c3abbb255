#!/usr/bin/env bash
# Snapshot roll under load, for `netimpact serve --snapshots`: one serve process on a prefix
# holding one generated snapshot answers N random valid change requests placed at a given rate;
# --roll-at S seconds into the replay a newer snapshot appears under the prefix (its files
# copied in, its _SUCCESS marker written last). Reports how long after the snapshot appeared
# the service was ready on it (from _serve/ready.json), the latency of the requests answered
# meanwhile (p50, p99, p100: received while the new snapshot was being prepared), the same over
# the whole replay, and how many requests each snapshot answered. Checks that every request
# has exactly one outcome. Prints the load average before and after.
#
#   bench/serve-roll.sh [--preset xl] [--seed 1] [--n 40] [--rate 0.2] [--roll-at 30]
#                       [--snapshot-poll-s 10] [--work DIR] [--target-latency-s 60]
#
# The newer snapshot is the first one's files under a new snapshot_id and a later taken_at:
# the service cannot tell, and reads, validates, compiles and routes it as any new snapshot.
# While it prepares it, two snapshots are resident: NETIMPACT_DRIVER_MEMORY defaults to 20g
# for xl here (the launcher's default otherwise). The targets this measures (xl): ready within
# 90 s of appearing, p100 of the requests meanwhile under 60 s, no request dropped. Timed runs
# want a quiet machine. A small correctness run: --preset small --n 12 --rate 2 --roll-at 2
# --snapshot-poll-s 1. Needs python3 and jobs/netimpact.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NI="$ROOT/jobs/netimpact"
preset=xl seed=1 n=40 rate=0.2 rollat=30 poll=10 work="" target=60
while [[ $# -gt 0 ]]; do
  case "$1" in
    --preset) preset="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --n) n="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --roll-at) rollat="$2"; shift 2 ;;
    --snapshot-poll-s) poll="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --target-latency-s) target="$2"; shift 2 ;;
    *) echo "serve-roll: unknown option $1" >&2; exit 2 ;;
  esac
done
if [[ "$preset" == xl && -z "${NETIMPACT_DRIVER_MEMORY:-}" ]]; then
  export NETIMPACT_DRIVER_MEMORY=20g
fi
work="${work:-$(mktemp -d /tmp/serve-roll.XXXXXX)}"
gen="$work/generated-$preset-$seed" twin="$work/jsonl-$preset-$seed"
prefix="$work/snapshots" requests="$work/requests" out="$work/out" changes="$work/changes"
mkdir -p "$work"
echo "serve-roll: work directory $work; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# The snapshot in the preset's own format (Parquet for large and xl), and a JSON-lines twin
# (same preset and seed, the same network) for the request generator.
[[ -d "$gen" ]] || "$NI" generate --preset "$preset" --seed "$seed" --out "$gen" >/dev/null
[[ -d "$twin" ]] || "$NI" generate --preset "$preset" --seed "$seed" --out "$twin" \
  --format jsonl >/dev/null
rm -rf "$changes" && mkdir -p "$changes"
python3 "$ROOT/bench/serve_requests.py" "$twin" "$changes" "$n" "$seed"

# snapshot(DIR, ID, TAKEN_AT): a copy of the generated snapshot, manifest rewritten, marker last.
snapshot() {
  rm -rf "$1.tmp" && cp -r "$gen" "$1.tmp"
  python3 - "$1.tmp/manifest.json" "$2" "$3" <<'PY'
import json, sys
p, sid, at = sys.argv[1:4]
m = json.load(open(p)); m["snapshot_id"] = sid; m["taken_at"] = at
json.dump(m, open(p, "w"))
PY
  mv "$1.tmp" "$1"
  touch "$1/_SUCCESS"
}
rm -rf "$prefix" "$requests" "$out" && mkdir -p "$prefix" "$requests"
snapshot "$prefix/1" "roll-$preset-1" "2026-12-01T00:00:00Z"

"$NI" serve --snapshots "$prefix" --snapshot-poll-s "$poll" --requests "$requests" \
  --out "$out" --format json --stop-after "$n" --target-latency-s "$target" \
  --conf spark.ui.enabled=false >"$work/serve.log" 2>&1 &
serve_pid=$!
while [[ ! -f "$out/_serve/ready.json" ]]; do
  kill -0 "$serve_pid" 2>/dev/null || { echo "serve-roll: serve died:" >&2; tail -20 "$work/serve.log" >&2; exit 1; }
  sleep 0.2
done

# The replay; --roll-at seconds in, the newer snapshot is dropped on a thread of its own (the
# copy of an xl snapshot takes a while: its appearance is the moment its marker is written).
export -f snapshot
export gen
python3 - "$changes" "$requests" "$n" "$rate" "$rollat" "$prefix/2" "roll-$preset-2" \
  "$work/appeared.txt" <<'PY'
import os, subprocess, sys, threading, time
src, dst, n, rate, roll_at, snap, sid, appeared = sys.argv[1:9]
n, rate, roll_at = int(n), float(rate), float(roll_at)
def drop():
    subprocess.run(["bash", "-c", 'snapshot "$0" "$1" "2026-12-02T00:00:00Z"', snap, sid],
                   check=True)
    with open(appeared, "w") as f:
        f.write("%.3f\n" % os.stat(os.path.join(snap, "_SUCCESS")).st_mtime)
start = time.monotonic()
roller = threading.Timer(roll_at, drop)
roller.start()
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
roller.join()
PY
wait "$serve_pid" || { echo "serve-roll: serve failed:" >&2; tail -20 "$work/serve.log" >&2; exit 1; }

python3 - "$out" "$n" "$work/appeared.txt" "roll-$preset-2" <<'PY'
import json, os, sys
from datetime import datetime, timezone
out, n, appeared_file, new_id = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
rows = []
d = os.path.join(out, "serve_log")
for f in os.listdir(d):
    if f.endswith(".json"):
        rows += [json.loads(l) for l in open(os.path.join(d, f)) if l.strip()]
def ts(s):
    main, _, frac = s.rstrip("Z").partition(".")
    return datetime.strptime(main, "%Y-%m-%dT%H:%M:%S").replace(
        tzinfo=timezone.utc).timestamp() + (float("0." + frac) if frac else 0.0)
names = [r["request"] for r in rows]
print("requests answered:   %d of %d, %d serve_log rows, %d rejected%s"
      % (len(set(names)), n, len(rows), sum(r["status"] != "PUBLISHED" for r in rows),
         "" if len(set(names)) == n == len(rows) else "  <-- NOT exactly one outcome each"))
by = {}
for r in rows:
    by[r["snapshot_id"]] = by.get(r["snapshot_id"], 0) + 1
print("answered on:         " + ", ".join("%s %d" % kv for kv in sorted(by.items())))
def pcts(lat):
    lat = sorted(lat)
    if not lat:
        return "none"
    p = lambda q: lat[min(len(lat) - 1, max(0, int(round(q / 100 * len(lat))) - 1))]
    return "p50 %d, p99 %d, p100 %d (%d requests)" % (p(50), p(99), lat[-1], len(lat))
ready = json.load(open(os.path.join(out, "_serve", "ready.json")))
if not os.path.exists(appeared_file):
    print("roll:                the newer snapshot was not dropped (replay shorter than --roll-at)")
elif ready["snapshot_id"] != new_id:
    print("roll:                NOT ready on %s when the replay ended (ready on %s)"
          % (new_id, ready["snapshot_id"]))
else:
    t0 = float(open(appeared_file).read())
    t1 = ts(ready["ready_at"])
    print("roll:                ready on %s %.1f s after it appeared" % (new_id, t1 - t0))
    meanwhile = [r["latency_ms"] for r in rows
                 if ts(r["published_at"]) >= t0 and ts(r["received_at"]) <= t1]
    print("latency meanwhile:   " + pcts(meanwhile) + " ms")
print("latency overall:     " + pcts([r["latency_ms"] for r in rows]) + " ms")
PY
grep -E 'preparing snapshot|switched to snapshot|refused' "$work/serve.log" || true
echo "serve-roll: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
