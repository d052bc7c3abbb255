#!/usr/bin/env bash
# Review-job benchmark on generated networks: what a review costs, cold and warm.
#
# For each preset (default: medium large) it generates the snapshot once (deterministic for
# the seed; reused when already there), then reviews the two change requests the generator
# suggests with it -- a SAFE one (drain a spine) and a BLOCK one (cut a PoP's access conduit,
# an SRLG) -- and reports per run: wall time end to end (JVM and Spark start-up included), the
# job's own stage timings, peak memory (max RSS of the driver JVM, from GNU time) and
# destinations routed per second of the route stage (each destination is routed before and
# after the change). Prints a table and writes target/benchmark/review.json.
#
#   bench/benchmark.sh [--seed N] [--presets "medium large"] [--repeat N] [--jfr] [--te] [--peer] [--jar J --label L]
#   bench/benchmark.sh --presets xl          (cold xl reviews: 14 GB heap, nice -n 10; peak RSS
#                                            and the 1-minute load average are in every row)
#   bench/benchmark.sh --sweeps [--seed N] [--sample N] [--large-sample N] [--only RUNS] [--sweep-preset P] [--jar J --label L]
#
# --jar J --label L runs another build of the job (for example the previous commit's
# target/netimpact.jar, built in a git worktree) and writes under target/benchmark/L/, so that
# two builds are measured side by side in one run on the same snapshots (which are shared:
# target/benchmark/snapshots/).
#
# --sweeps benchmarks the what-if sweep instead, all in one run: on medium, the N-1
# device sweep and the N-1 link sweep with the incremental strategy; --strategy full on a fixed
# sample of N scenarios (every k-th device and every k-th link, default 40 in all) and the
# incremental strategy on the same sample; then the device sweep of large on a fixed sample
# (default 400 devices); and the N-1 link sweep again with --plan, printed as its ratio
# to the same sweep without it. Writes target/benchmark/sweep.json and prints a table.
# --sweep-preset small runs the medium runs on the small preset instead (a quick check of the
# script, e.g. --sweep-preset small --only medium-n1-links,medium-n1-links-plan).
#
# The machine may be shared: every run records the 1-minute load average, and with --repeat N
# each review runs N times and the table shows the run with the median wall time (the lower
# middle one for an even N); all runs are in the JSON.
#
# --te also reviews each preset with a generated TE overlay (generate --te: RSVP-TE LSPs between
# the PoPs of a region, SR-TE policies on the long-haul links), the same two changes,
# as runs PRESET-te-CHANGE-N beside the plain ones: the cost TE adds.
#
# --peer also runs the Python peer (bench/peer_router.py: a plain per-destination
# router of the contract's semantics, one heapq Dijkstra + ECMP push per destination) on the same
# snapshot right after each plain review, with the same change: its wall time end to end, its
# stage times (read, route before, route after) and peak RSS go into the run's "peer" record,
# with its agreement with the job (bench/peer_compare.py: every arc's load before and after
# within 1e-6 relative; a disagreement is warned about and shown in the table's "agree"
# column), and the table prints the ratios:
# peer wall / job wall and peer route (before + after) / job route stage. The peer reads JSON
# lines: small and medium snapshots are JSON lines already and are used as they are; for a
# Parquet preset (large, xl) a JSON-lines twin is generated once (same preset and seed,
# --format jsonl: snapshots/PRESET-sSEED-jsonl), checked to hold the same counts. Meant for
# medium (about a minute per review in Python); on large expect an hour. TE runs are skipped
# (the peer routes plain IGP). A quick check of the script: --presets small --peer.
#
# --warm writes each plain preset's stored baseline once (jobs/netimpact baseline,
# timed into baselines.jsonl with its size) and reviews each change again warm, with
# --baseline, right after the cold review: runs PRESET-warm-CHANGE-N beside PRESET-CHANGE-N.
#
# --changes "C ..." reviews only these of the generator's suggested changes (default both).
#
# --jfr records a JFR profile of every review (target/benchmark/<run>.jfr); summarise one with
#   jfr print --stack-depth 64 --events jdk.ExecutionSample FILE > samples.txt   (then count top frames)
# (A JFR run has no class-data archive: the launcher leaves it out with Flight Recorder on.)
# Needs only bash, java, python3 and GNU time (installed with apt-get when missing).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SEED=1
PRESETS="medium large"
JFR=0
TE=0
PEER=0
WARM=0
CHANGES="safe-drain-spine block-srlg-cut"
REPEAT=1
SWEEPS=0
SAMPLE=40
LARGE_SAMPLE=400
JAR=""
LABEL=""
ONLY=""
SWEEP_PRESET=medium
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seed) SEED="$2"; shift 2 ;;
    --presets) PRESETS="$2"; shift 2 ;;
    --repeat) REPEAT="$2"; shift 2 ;;
    --jfr) JFR=1; shift ;;
    --te) TE=1; shift ;;
    --peer) PEER=1; shift ;;
    --warm) WARM=1; shift ;;
    --changes) CHANGES="$2"; shift 2 ;;
    --sweeps) SWEEPS=1; shift ;;
    --sample) SAMPLE="$2"; shift 2 ;;
    --large-sample) LARGE_SAMPLE="$2"; shift 2 ;;
    --jar) JAR="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    --label) LABEL="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    --sweep-preset) SWEEP_PRESET="$2"; shift 2 ;;
    *) echo "usage: $0 [--seed N] [--presets \"medium large\"] [--repeat N] [--jfr] [--te] [--peer] | --sweeps [--sample N] [--large-sample N]" >&2; exit 2 ;;
  esac
done

if [[ ! -x /usr/bin/time ]]; then
  echo "benchmark: installing GNU time (apt-get)..." >&2
  if [[ $(id -u) == 0 ]]; then apt-get install -y -q time >&2; else sudo apt-get install -y -q time >&2; fi
fi

BENCH="$ROOT/target/benchmark${LABEL:+/$LABEL}"
mkdir -p "$BENCH" "$ROOT/target/benchmark/snapshots"
[[ -n "$LABEL" && ! -e "$BENCH/snapshots" ]] && ln -s ../snapshots "$BENCH/snapshots"
# Build once here, so that no run below pays for a build.
(cd "$ROOT" && mvn -q -B -DskipTests package) >&2
export NETIMPACT_NO_BUILD=1
# The launcher's class-data archive (jobs/netimpact), made now when the build is newer, so that
# no timed run below pays for it. Runs with --jfr, or of another build (--jar), go without it.
[[ -z "$JAR" ]] && "$ROOT/jobs/netimpact" --help > /dev/null
if [[ -n "$JAR" ]]; then
  export NETIMPACT_JAR="$JAR"
fi

if [[ $SWEEPS == 1 ]]; then
  exec "$ROOT/bench/benchmark-sweeps.py" --seed "$SEED" --sample "$SAMPLE" \
    --large-sample "$LARGE_SAMPLE" --bench "$BENCH" --only "$ONLY" --preset "$SWEEP_PRESET"
fi

# xl (968,352 devices) on a shared 24 GB machine: a 14 GB heap (XL_DRIVER_MEMORY), under
# nice -n 10; the other presets keep the launcher's default (NETIMPACT_DRIVER_MEMORY if set).
heap_of() {
  if [[ "$1" == xl ]]; then echo "${XL_DRIVER_MEMORY:-14g}"; else echo "${NETIMPACT_DRIVER_MEMORY:-6g}"; fi
}
nice_of() {
  if [[ "$1" == xl ]]; then echo "nice -n 10"; fi
}

RESULTS="$BENCH/runs.jsonl"
: > "$RESULTS"
VARIANTS="plain"
[[ $TE == 1 ]] && VARIANTS="plain te"
for preset in $PRESETS; do
for variant in $VARIANTS; do
  suffix=""
  teflag=""
  if [[ $variant == te ]]; then suffix="-te"; teflag="--te"; fi
  snap="$BENCH/snapshots/$preset-s$SEED$suffix"
  genlog="$BENCH/$preset-s$SEED$suffix-generate.log"
  if [[ ! -f "$snap/manifest.json" || ! -f "$genlog" ]]; then
    echo "benchmark: generating $preset$suffix seed $SEED..." >&2
    $(nice_of "$preset") env NETIMPACT_DRIVER_MEMORY="$(heap_of "$preset")" /usr/bin/time -v \
      -o "$genlog.time" "$ROOT/jobs/netimpact" generate --preset "$preset" \
      --seed "$SEED" --out "$snap" $teflag > "$genlog"
  fi
  peersnap=""
  if [[ $PEER == 1 && $variant == plain ]]; then
    peersnap="$snap"
    if [[ ! -f "$snap/devices.jsonl" ]]; then
      # A Parquet preset: its JSON-lines twin (the generator is deterministic for preset and seed).
      peersnap="$BENCH/snapshots/$preset-s$SEED-jsonl"
      if [[ ! -f "$peersnap/manifest.json" || ! -f "$peersnap.generate.log" ]]; then
        echo "benchmark: generating the JSON-lines twin of $preset seed $SEED for the peer..." >&2
        $(nice_of "$preset") env NETIMPACT_DRIVER_MEMORY="$(heap_of "$preset")" \
          "$ROOT/jobs/netimpact" generate --preset "$preset" --seed "$SEED" --out "$peersnap" \
          --format jsonl > "$peersnap.generate.log"
      fi
      counts() { grep -o "[0-9,]* devices, [0-9,]* links, [0-9,]* demands between [0-9,]* endpoints" "$1"; }
      if [[ "$(counts "$genlog")" != "$(counts "$peersnap.generate.log")" ]]; then
        echo "benchmark: the JSON-lines twin $peersnap differs from $snap: $(counts "$peersnap.generate.log") vs $(counts "$genlog")" >&2
        exit 1
      fi
    fi
  fi
  store=""
  if [[ $WARM == 1 && $variant == plain ]]; then
    # The stored baseline of the snapshot, written once (timed) for the warm reviews below.
    store="$BENCH/stores/$preset-s$SEED"
    rm -rf "$store"
    mkdir -p "$BENCH/stores"
    echo "benchmark: baseline $preset..." >&2
    bstart=$(date +%s.%N)
    NETIMPACT_DRIVER_MEMORY="$(heap_of "$preset")" $(nice_of "$preset") /usr/bin/time -v \
      -o "$BENCH/$preset-baseline.log.time" "$ROOT/jobs/netimpact" baseline --snapshot "$snap" \
      --out "$store" > "$BENCH/$preset-baseline.log" 2> "$BENCH/$preset-baseline.log.err"
    bend=$(date +%s.%N)
    python3 - "$preset" "$bstart" "$bend" "$BENCH/$preset-baseline.log.time" "$store" >> "$BENCH/baselines.jsonl" <<'PY'
import json, os, re, sys
preset, start, end, tlog, store = sys.argv[1:]
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(tlog).read()).group(1))
size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(store) for f in fs)
print(json.dumps({"preset": preset, "wall_s": round(float(end) - float(start), 2),
                  "peak_rss_mb": round(rss / 1024), "store_mb": round(size / 1e6, 1),
                  "load_average_1m": round(os.getloadavg()[0], 2)}))
PY
  fi
  for change in $CHANGES; do
  for warmth in cold warm; do
  [[ $warmth == warm && -z "$store" ]] && continue
  baseflag=()
  label="$preset$suffix"
  if [[ $warmth == warm ]]; then baseflag=(--baseline "$store"); label="$preset$suffix-warm"; fi
  for ((rep = 1; rep <= REPEAT; rep++)); do
    run="$label-$change-$rep"
    log="$BENCH/$run.log"
    echo "benchmark: review $run..." >&2
    jfr_opts=""
    if [[ $JFR == 1 ]]; then
      jfr_opts="-XX:StartFlightRecording=filename=$BENCH/$run.jfr,settings=profile"
    fi
    rm -rf "$BENCH/out/$run"
    start=$(date +%s.%N)
    JAVA_TOOL_OPTIONS="$jfr_opts" NETIMPACT_DRIVER_MEMORY="$(heap_of "$preset")" \
      $(nice_of "$preset") /usr/bin/time -v -o "$log.time" "$ROOT/jobs/netimpact" review \
      --snapshot "$snap" --change "$snap/changes/$change.json" --out "$BENCH/out/$run" \
      --format json "${baseflag[@]}" > "$log" 2> "$log.err"
    end=$(date +%s.%N)
    load1=$(cut -d' ' -f1 /proc/loadavg)
    rm -f "$log.peer.json"
    if [[ -n "$peersnap" && $warmth == cold ]]; then
      echo "benchmark: peer $run..." >&2
      pstart=$(date +%s.%N)
      /usr/bin/time -v -o "$log.peer.time" python3 "$ROOT/bench/peer_router.py" "$peersnap" \
        --change "$snap/changes/$change.json" --loads-out "$BENCH/out/$run.peer-loads.tsv" \
        > "$log.peer" 2> "$log.peer.err" \
        || { echo "benchmark: the peer failed on $run: $(cat "$log.peer.err")" >&2; exit 1; }
      pend=$(date +%s.%N)
      python3 "$ROOT/bench/peer_compare.py" "$BENCH/out/$run" "$BENCH/out/$run.peer-loads.tsv" \
        > "$log.peer.compare" || echo "benchmark: WARNING: the peer disagrees with the job on $run: $(cat "$log.peer.compare")" >&2
      python3 - "$pstart" "$pend" "$log.peer" "$log.peer.time" "$log.peer.compare" "$peersnap" > "$log.peer.json" <<'PY'
import json, os, re, sys
start, end, out, tlog, cmp, snap = sys.argv[1:]
s = json.load(open(out))
c = json.load(open(cmp))
rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(tlog).read()).group(1))
print(json.dumps({"snapshot": snap, "wall_s": round(float(end) - float(start), 2),
                  "load_average_1m": round(os.getloadavg()[0], 2),
                  "stages_s": s["stages_s"], "peak_rss_mb": round(rss_kb / 1024),
                  "max_util_before": s["before"]["max_util"], "max_util_after": s["after"]["max_util"],
                  "lost_gbps_before": s["before"]["lost_gbps"], "lost_gbps_after": s["after"]["lost_gbps"],
                  "agreement": {k: c[k] for k in ("arcs", "differ", "max_rel_diff")}}))
PY
    fi
    python3 - "$label" "$change" "$start" "$end" "$log" "$log.time" "$genlog" "$rep" "$log.peer.json" "$load1" >> "$RESULTS" <<'PY'
import json, os, re, sys
preset, change, start, end, log, tlog, genlog, rep, peerjson, load1 = sys.argv[1:]
out = open(log).read()
timing = dict((k, float(v)) for k, v in re.findall(r"([a-z+]+) ([0-9.]+) s", re.search(r"^timings: (.*)$", out, re.M).group(1)))
rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(tlog).read()).group(1))
gen = open(genlog).read()
m = re.search(r"([\d,]+) devices, ([\d,]+) links, ([\d,]+) demands between ([\d,]+) endpoints", gen)
num = lambda s: int(s.replace(",", ""))
dests = num(m.group(4))
wall = round(float(end) - float(start), 2)
peer = json.load(open(peerjson)) if os.path.exists(peerjson) else None
if peer:
    peer_route = peer["stages_s"]["route_before"] + peer["stages_s"]["route_after"]
    # How many times the job's time the peer takes (3 significant digits).
    peer["wall_ratio"] = float("%.3g" % (peer["wall_s"] / wall))
    peer["route_ratio"] = float("%.3g" % (peer_route / timing["route"])) if timing.get("route") else None
print(json.dumps({
    "preset": preset, "change": change, "repeat": int(rep),
    "load_average_1m": float(load1),  # right after the review, before the peer
    "verdict": re.search(r"^VERDICT: (\w+)", out, re.M).group(1),
    "devices": num(m.group(1)), "links": num(m.group(2)), "demands": num(m.group(3)),
    "destinations": dests,
    "wall_s": wall,
    "stages_s": timing,
    "peak_rss_mb": round(rss_kb / 1024),
    "destinations_per_s": round(dests / timing["route"], 1) if timing.get("route") else None,
    **({"peer": peer} if peer else {}),
}))
PY
  done
  done
  done
done
done

python3 - "$RESULTS" "$BENCH/review.json" <<'PY'
import json, os, platform, sys
runs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
groups = {}
for r in runs:
    groups.setdefault((r["preset"], r["change"]), []).append(r)
median = []
for key, rs in groups.items():
    rs = sorted(rs, key=lambda r: r["wall_s"])
    m = dict(rs[(len(rs) - 1) // 2])
    m["wall_range_s"] = [rs[0]["wall_s"], rs[-1]["wall_s"]]
    m["runs"] = len(rs)
    median.append(m)
machine = {"cores": os.cpu_count(),
           "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30),
           "os": platform.platform()}
json.dump({"machine": machine, "median": median, "runs": runs}, open(sys.argv[2], "w"), indent=2)
hdr = ("preset", "change", "verdict", "wall s", "wall min-max", "read+val", "compile", "route", "write", "peak MB", "dest/s", "load")
rows = [(r["preset"], r["change"], r["verdict"], "%.1f" % r["wall_s"], "%.1f-%.1f" % tuple(r["wall_range_s"]),
         "%.1f" % r["stages_s"].get("read+validate", 0), "%.1f" % r["stages_s"].get("compile", 0),
         "%.1f" % r["stages_s"].get("route", 0), "%.1f" % r["stages_s"].get("write", 0),
         str(r["peak_rss_mb"]), "%.0f" % (r["destinations_per_s"] or 0), "%.1f" % r["load_average_1m"])
        for r in median]
if any("peer" in r for r in median):
    # The Python peer on the same snapshot and change, right after the job's run: its wall time,
    # its route stage (before + after), and how many times slower than the job it is.
    hdr += ("peer s", "peer route", "peer MB", "x wall", "x route", "agree")
    rows = [row + (("%.1f" % r["peer"]["wall_s"],
                    "%.1f" % (r["peer"]["stages_s"]["route_before"] + r["peer"]["stages_s"]["route_after"]),
                    str(r["peer"]["peak_rss_mb"]), "%.3g" % r["peer"]["wall_ratio"],
                    "%.3g" % (r["peer"]["route_ratio"] or 0),
                    "NO (%d arcs)" % r["peer"]["agreement"]["differ"] if r["peer"]["agreement"]["differ"] else "yes")
                   if "peer" in r else ("",) * 6)
            for row, r in zip(rows, median)]
w = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(hdr)]
print(" | ".join(h.ljust(w[i]) for i, h in enumerate(hdr)))
print("-+-".join("-" * x for x in w))
for r in rows:
    print(" | ".join(c.ljust(w[i]) for i, c in enumerate(r)))
print("machine: %(cores)s cores, %(memory_gb)s GB; written to " % machine + sys.argv[2])
PY
