#!/usr/bin/env bash
# The test suite's wall time: the fast lane, and test classes in one test JVM against two.
#
#   bench/test-lanes.sh [--fast] [--forks "1 2"] [--classes 'A,B,...'] [--repeat N]
#
# --fast times `mvn -B -o test -Pfast` (every test but those tagged slow; target: under 3
# minutes). --forks times `mvn -B -o test -Dtest=CLASSES -Dtest.forks=N` for each N given,
# interleaved (1, 2, 1, 2, ... for --repeat rounds) so that each pair is measured in the same
# minutes; CLASSES defaults to every class tagged slow (real executor JVMs, YARN, S3
# emulators, notebooks, Chromium), where the test JVM mostly waits on other processes. Every
# run records its wall time, the CPU seconds of Maven and everything it started (user + sys,
# from GNU time), the 1-minute load average before it, and whether every test passed, as one
# JSON line in target/benchmark/test-lanes/runs.jsonl; each run's surefire reports are kept
# beside it (per-class times). The code is compiled once first, so no run times javac.
# Timed runs belong on a quiet machine: compare a pair's ratio, not absolute seconds.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
FAST=0
FORKS=""
CLASSES=""
REPEAT=2
while [[ $# -gt 0 ]]; do
  case "$1" in
    --fast) FAST=1; shift ;;
    --forks) FORKS="$2"; shift 2 ;;
    --classes) CLASSES="$2"; shift 2 ;;
    --repeat) REPEAT="$2"; shift 2 ;;
    *) echo "usage: $0 [--fast] [--forks \"1 2\"] [--classes 'A,B,...'] [--repeat N]" >&2
       exit 2 ;;
  esac
done
if [[ $FAST == 0 && -z "$FORKS" ]]; then
  FAST=1
fi
if [[ ! -x /usr/bin/time ]]; then
  echo "bench/test-lanes.sh: needs GNU time (/usr/bin/time): apt-get install time" >&2
  exit 2
fi
cd "$ROOT"
if [[ -z "$CLASSES" ]]; then
  # Classes tagged slow as a whole (a method's tag is indented, a class's is not).
  CLASSES=$(grep -rl --include='*Test.java' '^@Tag("slow")' src/test/java \
    | xargs -n1 basename | sed 's/\.java$//' | sort | paste -sd, -)
fi
OUT="$ROOT/target/benchmark/test-lanes"
mkdir -p "$OUT"
RESULTS="$OUT/runs.jsonl"
: > "$RESULTS"
mvn -B -q -o test-compile

timed() {
  local name="$1"; shift
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  local log="$OUT/$name.log"
  local ok=true
  /usr/bin/time -f '%e %U %S' -o "$OUT/$name.time" mvn -B -o "$@" > "$log" 2>&1 || ok=false
  read -r wall user sys < <(tail -1 "$OUT/$name.time")
  rm -rf "$OUT/$name-reports"
  cp -r target/surefire-reports "$OUT/$name-reports" 2>/dev/null || true
  printf '{"run": "%s", "wall_s": %s, "cpu_s": %.1f, "load1": %s, "passed": %s}\n' "$name" \
    "$wall" "$(echo "$user + $sys" | bc)" "$load" "$ok" >> "$RESULTS"
  printf '%-12s wall %7.1f s  cpu %7.1f s  load %5s  passed %s\n' "$name" "$wall" \
    "$(echo "$user + $sys" | bc)" "$load" "$ok"
}

if [[ $FAST == 1 ]]; then
  timed fast test -Pfast
fi
if [[ -n "$FORKS" ]]; then
  echo "classes: $CLASSES"
  for ((r = 1; r <= REPEAT; r++)); do
    for n in $FORKS; do
      timed "forks$n-$r" test -Dtest="$CLASSES" -Dsurefire.failIfNoSpecifiedTests=false \
        -Dtest.forks="$n"
    done
  done
fi
echo "results: $RESULTS"
