# Shared by the benchmark scripts that time jobs/netimpact runs (source it after setting ROOT).
#
#   bench_setup NAME   target/benchmark/NAME/{snapshots,out}, an empty runs.jsonl ($RESULTS),
#                      GNU time checked, the job built once (later runs skip the build check)
#   run RUN ARGS...    runs jobs/netimpact ARGS, timed (wall, peak RSS, 1-minute load average),
#                      appends one JSON line to $RESULTS and prints one line; with
#                      BENCH_TIMINGS=1 the line ends with the run's own "timings:" line

bench_setup() {
  BENCH_SCRIPT="bench/$1.sh"
  BENCH="$ROOT/target/benchmark/$1"
  mkdir -p "$BENCH/snapshots" "$BENCH/out"
  RESULTS="$BENCH/runs.jsonl"
  : > "$RESULTS"
  if [[ ! -x /usr/bin/time ]]; then
    echo "$BENCH_SCRIPT: needs GNU time (/usr/bin/time): apt-get install time" >&2
    exit 2
  fi
  (cd "$ROOT" && mvn -q -B -DskipTests package) >&2
  export NETIMPACT_NO_BUILD=1
  "$ROOT/jobs/netimpact" --help > /dev/null
}

run() {
  local name="$1"; shift
  local log="$BENCH/out/$name.log"
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  local start; start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$BENCH/out/$name.rss" "$ROOT/jobs/netimpact" "$@" > "$log" 2>&1 \
    || { echo "$BENCH_SCRIPT: $name failed, see $log" >&2; tail -20 "$log" >&2; exit 1; }
  local end; end=$(date +%s.%N)
  local wall; wall=$(echo "$end - $start" | bc)
  local rss; rss=$(tail -1 "$BENCH/out/$name.rss")
  printf '{"run": "%s", "wall_s": %.2f, "peak_rss_kb": %s, "load1": %s}\n' "$name" "$wall" \
    "$rss" "$load" >> "$RESULTS"
  local timings=""
  if [[ "${BENCH_TIMINGS:-0}" == 1 ]]; then
    timings="  $(grep -E '^timings:' "$log" || true)"
  fi
  printf '%-22s %9.1f s  peak RSS %6.0f MB  load %s%s\n' "$name" "$wall" "$((rss / 1024))" \
    "$load" "$timings"
}
