#!/usr/bin/env bash
# Adds a netimpact review step to a running EMR cluster and prints the step id.
#
#   emr/add-review-step.sh --cluster-id j-XXXX --change s3://BUCKET/changes/CR-1234.json \
#       [--snapshot s3://BUCKET/snapshots/latest/] [--out s3://BUCKET/reports/reviews/] \
#       [--jar s3://BUCKET/jars/netimpact.jar] [--run-id ID] [--fail-on block|risk] [--wait]
#
# Defaults for --snapshot, --out and --jar come from NETIMPACT_BUCKET. With --wait it waits for
# the step and exits non-zero when it failed (for example --fail-on block and a BLOCK verdict).
# Credentials: the AWS CLI's own (profile, SSO or role); never pass keys to the job.
set -euo pipefail

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

cluster="" change="" snapshot="" out="" jar="" run_id="" fail_on="" wait=0
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
    -h|--help) usage ;;
    *) echo "add-review-step: unknown option $1" >&2; usage ;;
  esac
done
[[ -n "$cluster" && -n "$change" ]] || usage
if [[ -z "$snapshot" || -z "$out" || -z "$jar" ]] && [[ -z "$bucket" ]]; then
  echo "add-review-step: give --snapshot, --out and --jar, or set NETIMPACT_BUCKET" >&2
  exit 2
fi
snapshot="${snapshot:-s3://$bucket/snapshots/latest/}"
out="${out:-s3://$bucket/reports/reviews/}"
jar="${jar:-s3://$bucket/jars/netimpact.jar}"

# JSON string escaping for the step definition (no jq on every operator's machine).
json() {
  local s="$1"
  s="${s//\\/\\\\}"; s="${s//\"/\\\"}"
  printf '"%s"' "$s"
}

args=(spark-submit --deploy-mode cluster --class io.netimpact.job.Main "$jar"
  review --snapshot "$snapshot" --change "$change" --out "$out" --master yarn)
[[ -n "$run_id" ]] && args+=(--run-id "$run_id")
[[ -n "$fail_on" ]] && args+=(--fail-on "$fail_on")

list=""
for a in "${args[@]}"; do list+="${list:+,}$(json "$a")"; done
name="netimpact review $(basename "$change" .json)"
steps="[{\"Name\":$(json "$name"),\"ActionOnFailure\":\"CONTINUE\",\"Type\":\"CUSTOM_JAR\",\"Jar\":\"command-runner.jar\",\"Args\":[$list]}]"

step_id="$(aws emr add-steps --cluster-id "$cluster" --steps "$steps" \
  --query 'StepIds[0]' --output text)"
echo "$step_id"
if [[ $wait == 1 ]]; then
  aws emr wait step-complete --cluster-id "$cluster" --step-id "$step_id"
fi
