#!/usr/bin/env bash
# Adds one night's sweep to a running EMR cluster, by hand, as the nightly state machine would
# run it: the same step (read from the state machine in emr/cloudformation/netimpact.json) and the
# same run id, nightly-DATE, so each night is its own run and re-running a night replaces only
# that night. Prints the step id.
#
#   NETIMPACT_BUCKET=my-bucket emr/add-sweep-step.sh --cluster-id j-XXXX [--date YYYY-MM-DD] [--dry-run]
#
#   --date     the night (default: today, UTC)
#   --dry-run  print the AWS CLI call (one JSON array on stderr) instead of making it
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/aws-call.sh"

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
cluster="" night=""
while [ $# -gt 0 ]; do
  case "$1" in
    --cluster-id) cluster="${2:?}"; shift 2 ;;
    --date) night="${2:?}"; shift 2 ;;
    --dry-run) NETIMPACT_DRY_RUN=1; shift ;;
    -h|--help) usage ;;
    *) echo "add-sweep-step: unknown option $1" >&2; usage ;;
  esac
done
[ -n "$cluster" ] || usage
: "${NETIMPACT_BUCKET:?set NETIMPACT_BUCKET to the netimpact bucket (emr/setup.sh prints it)}"
night="${night:-$(date -u +%Y-%m-%d)}"
case "$night" in
  [0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]) ;;
  *) echo "add-sweep-step: --date YYYY-MM-DD, not '$night'" >&2; exit 2 ;;
esac

steps="$(python3 "$HERE/step-json.py" sweep "$HERE/cloudformation/netimpact.json" \
  "$NETIMPACT_BUCKET" "$night")"
NETIMPACT_DRY_OUTPUT=s-DRYRUN aws_call emr add-steps --cluster-id "$cluster" --steps "$steps" \
  --query 'StepIds[0]' --output text
