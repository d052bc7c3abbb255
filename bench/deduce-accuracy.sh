#!/usr/bin/env bash
# Accuracy of demand deduction on the SNDlib measured days (Abilene 5 min, GEANT 15 min).
#
# For every interval of each day, the true matrix is routed by the contract's rules on the
# network's topology (hop count, as `import --from sndlib` gives it); deduce is given the
# resulting arc loads and the edge totals; the deduced matrix is compared with the true one
# (relative L2 error over all pairs) next to plain gravity from the same totals. Prints one
# line per network: mean errors, their ratio (target <= 0.5), worst interval, worst fit
# (target <= 1 %). Accuracy does not depend on machine load; no timing is measured here.
#
# Usage: bench/deduce-accuracy.sh [EVERY]   (EVERY-th interval; default 1 = all of them)
# Data: ../shared/data/real, or set NETIMPACT_REAL_DATA (see docs/data.md).
set -euo pipefail
cd "$(dirname "$0")/.."
every="${1:-1}"
mvn -B -q -o test -Dtest=DeduceAccuracyTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dnetimpact.accuracy.every="$every" >/dev/null 2>&1 || true
xml=target/surefire-reports/TEST-io.netimpact.deduce.DeduceAccuracyTest.xml
grep -ho 'accuracy [a-z]*: [^<&]*' "$xml" || true
grep -ho 'skipped: needs [^<&]*' "$xml" | head -1 || true
grep -h 'Tests run' target/surefire-reports/io.netimpact.deduce.DeduceAccuracyTest.txt
