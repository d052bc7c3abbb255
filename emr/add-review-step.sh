#!/usr/bin/env bash
# Adds a netimpact review step to a running EMR cluster and prints the step id.
#
#   emr/add-review-step.sh --cluster-id j-XXXX --change s3://BUCKET/changes/CR-1234.json \
#       [--snapshot s3://BUCKET/snapshots/latest/] [--out s3://BUCKET/reports/reviews/] \
#       [--jar s3://BUCKET/jars/netimpact.jar] [--run-id ID] [--fail-on block|risk] \
#       [--wait] [--poll SECONDS] [--dry-run]
#
# Defaults for --snapshot, --out and --jar come from NETIMPACT_BUCKET; --run-id defaults to the
# change file's name (CR-1234). --wait polls the step for as long as it takes (a review queued
# behind a sweep may wait hours), prints the run's summary.txt and exits:
#   0 the review completed (with --fail-on: below that verdict)
#   3 the verdict is at or above --fail-on (the report was published; see summary.txt)
#   1 the step failed, was cancelled or interrupted for any other reason
#   2 usage
# --dry-run prints each AWS CLI call as a JSON array on stderr instead of making it (a dry
# --wait sees the step end as NETIMPACT_DRY_STATE, default COMPLETED).
# Credentials: the AWS CLI's own (profile, SSO or role); never pass keys to the job.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/aws-call.sh"

usage() { sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

cluster="" change="" snapshot="" out="" jar="" run_id="" fail_on="" wait=0 poll=30
bucket="${NETIMPACT_BUCKET:-}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --cluster-id) cluster="${2:?}"; shift 2 ;;
    --change) change="${2:?}"; shift 2 ;;
    --snapshot) snapshot="${2:?}"; shift 2 ;;
    --out) out="${2:?}"; shift 2 ;;
    --jar) jar="${2:?}"; shift 2 ;;
    --run-id) run_id="${2:?}"; shift 2 ;;
    --fail-on) fail_on="${2:?}"; shift 2 ;;
    --wait) wait=1; shift ;;
    --poll) poll="${2:?}"; shift 2 ;;
    --dry-run) NETIMPACT_DRY_RUN=1; shift ;;
    -h|--help) usage ;;
    *) echo "add-review-step: unknown option $1" >&2; usage ;;
  esac
done
[[ -n "$cluster" && -n "$change" ]] || usage
case "$fail_on" in ""|block|risk|BLOCK|RISK) ;; *) echo "add-review-step: --fail-on block|risk" >&2; exit 2 ;; esac
if [[ -z "$snapshot" || -z "$out" || -z "$jar" ]] && [[ -z "$bucket" ]]; then
  echo "add-review-step: give --snapshot, --out and --jar, or set NETIMPACT_BUCKET" >&2
  exit 2
fi
snapshot="${snapshot:-s3://$bucket/snapshots/latest/}"
out="${out:-s3://$bucket/reports/reviews/}"
jar="${jar:-s3://$bucket/jars/netimpact.jar}"
base="$(basename "$change")"
run_id="${run_id:-${base%.json}}"
run_id="${run_id//[^A-Za-z0-9._-]/-}"

# Client deploy mode: the driver is spark-submit on the primary node, so its exit code (0, 2 bad
# input, 3 verdict, 1 failure) is the step's; one YARN attempt, so a failure is not re-run.
args=(spark-submit --deploy-mode client --conf spark.yarn.maxAppAttempts=1
  --class io.netimpact.cli.Main "$jar"
  review --snapshot "$snapshot" --change "$change" --out "$out" --run-id "$run_id" --master yarn)
[[ -n "$fail_on" ]] && args+=(--fail-on "$fail_on")

steps="$(python3 -c 'import json, sys
print(json.dumps([{"Name": sys.argv[1], "ActionOnFailure": "CONTINUE", "Type": "CUSTOM_JAR",
                   "Jar": "command-runner.jar", "Args": sys.argv[2:]}]))' \
  "netimpact review $run_id" "${args[@]}")"

step_id="$(NETIMPACT_DRY_OUTPUT=s-DRYRUN aws_call emr add-steps --cluster-id "$cluster" \
  --steps "$steps" --query 'StepIds[0]' --output text)"
echo "$step_id"
[[ $wait == 1 ]] || exit 0

# No CLI waiter: 'aws emr wait step-complete' gives up after 30 minutes.
while :; do
  state="$(NETIMPACT_DRY_OUTPUT="${NETIMPACT_DRY_STATE:-COMPLETED}" aws_call emr describe-step \
    --cluster-id "$cluster" --step-id "$step_id" --query 'Step.Status.State' --output text)"
  case "$state" in
    COMPLETED|FAILED|CANCELLED|INTERRUPTED) break ;;
    PENDING|CANCEL_PENDING|RUNNING) sleep "$poll" ;;
    *) echo "add-review-step: unexpected step state '$state'" >&2; exit 1 ;;
  esac
done
echo "step $step_id: $state" >&2

# summary.txt is versioned under the run's publish id, like every file of a run; the marker
# (_runs/RUN/_SUCCESS, JSON) names the current one under "files".
marker_json="$(NETIMPACT_DRY_OUTPUT='{"files": {"summary.txt": "00000000000000-dryrun00-summary.txt"}}' \
  aws_call s3 cp "${out%/}/_runs/$run_id/_SUCCESS" -)" || marker_json=""
summary_name="$(printf '%s' "$marker_json" | python3 -c 'import json, sys
try:
    print(json.load(sys.stdin)["files"]["summary.txt"])
except Exception:
    pass')"
if [[ -z "$summary_name" ]]; then
  # No published run: a completed step without a report is still done; a failed one failed.
  [[ "$state" == COMPLETED ]] && exit 0
  exit 1
fi
summary="${out%/}/_runs/$run_id/$summary_name"
summary_bucket="${summary#s3://}"; summary_bucket="${summary_bucket%%/*}"
summary_key="${summary#s3://$summary_bucket/}"
if [[ "$state" == COMPLETED ]]; then
  aws_call s3 cp "$summary" - || true
  exit 0
fi
# A failed step is a verdict only if this step published the run (its summary.txt is newer than
# the step's start) with a verdict at or above --fail-on; anything else is a failure.
[[ -n "$fail_on" ]] || exit 1
started="$(NETIMPACT_DRY_OUTPUT=2026-01-01T00:00:00+00:00 aws_call emr describe-step \
  --cluster-id "$cluster" --step-id "$step_id" --query 'Step.Status.Timeline.StartDateTime' \
  --output text)"
written="$(NETIMPACT_DRY_OUTPUT=2026-01-01T00:00:01+00:00 aws_call s3api head-object \
  --bucket "$summary_bucket" --key "$summary_key" --query LastModified --output text \
  )" || exit 1
fresh="$(python3 -c 'import sys
from datetime import datetime, timezone
def t(s):
    try:
        return datetime.fromtimestamp(float(s), timezone.utc)
    except ValueError:
        return datetime.fromisoformat(s.replace("Z", "+00:00"))
print("yes" if t(sys.argv[2]) >= t(sys.argv[1]) else "no")' "$started" "$written")" || exit 1
[[ "$fresh" == yes ]] || exit 1
text="$(NETIMPACT_DRY_OUTPUT="VERDICT: BLOCK" aws_call s3 cp "$summary" -)" || exit 1
printf '%s\n' "$text" >&2
verdict="$(printf '%s\n' "$text" | sed -n 's/^VERDICT: \([A-Z]*\).*/\1/p' | head -n 1)"
# Upper case with tr: bash 3.2 (macOS) has no case conversion expansion.
case "$(printf '%s' "$fail_on" | tr '[:lower:]' '[:upper:]'):$verdict" in
  BLOCK:BLOCK|RISK:RISK|RISK:BLOCK) exit 3 ;;
  *) exit 1 ;;
esac
