#!/usr/bin/env bash
# Accuracy of demand deduction on the SNDlib measured days (Abilene 5 min, GEANT 15 min).
#
# For every interval of each day, the true matrix is routed by the contract's rules on the
# network's topology (hop count, as `import --from sndlib` gives it); deduce is given the
# resulting arc loads and the edge totals. The day is deduced as a series (one interval per
# directory is how `deduce` takes a day of counters; Deduction.deduceSeries is what it runs),
# and every interval also on its own (what `deduce` does with one set of counters). Each
# deduced matrix is compared with the true one (relative L2 error over all pairs) next to
# plain gravity from the same totals. Prints one line per network: mean errors, the ratio of
# the mean errors to gravity's (target <= 0.5), the mean of the intervals' ratios, the worst
# interval, the worst fit (target <= 1 %). Accuracy does not depend on machine load; no
# timing is measured here. About a minute.
#
# Usage: bench/deduce-accuracy.sh
# Data: ../shared/data/real, or set NETIMPACT_REAL_DATA (see docs/data.md).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o test -Dtest=DeduceAccuracyTest -Dsurefire.failIfNoSpecifiedTests=false -Dnetimpact.accuracy.window=0 \
  >/dev/null 2>&1 || true
xml=target/surefire-reports/TEST-io.netimpact.deduce.DeduceAccuracyTest.xml
grep -ho 'accuracy [a-z]*: [^<&]*' "$xml" | sort -u || true
grep -ho 'skipped: needs [^<&]*' "$xml" | head -1 || true
grep -h 'Tests run' target/surefire-reports/io.netimpact.deduce.DeduceAccuracyTest.txt
