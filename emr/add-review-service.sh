#!/usr/bin/env bash
# Starts the review service (jobs/netimpact serve) as a step of a running EMR cluster (made by
# emr/create-cluster.sh --service) and prints the step id. The step is emr/steps/review-service.json
# with your bucket and the options below. Clients then drop change requests into --requests
# (jobs/netimpact submit, or one S3 PUT of CR-ID.json) and find each outcome under --out.
#
#   NETIMPACT_BUCKET=my-bucket emr/add-review-service.sh --cluster-id j-XXXX
#       [--snapshot s3a://BUCKET/snapshots/latest/] [--requests s3a://BUCKET/requests/]
#       [--out s3a://BUCKET/reports/service/] [--baseline STORE] [--idle-exit-s SECONDS]
#       [--jar s3://BUCKET/jars/netimpact.jar] [--dry-run]
#
#   --baseline     a stored baseline to load instead of routing the snapshot's base at start
#   --idle-exit-s  end the service after this many seconds without a pending request (the
#                  cluster then ends after its idle hour); default: run until the step is cancelled
#   --dry-run      print the AWS CLI call (one JSON array on stderr) instead of making it
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/aws-call.sh"

usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
cluster="" snapshot="" requests="" out="" baseline="" idle="" jar=""
while [ $# -gt 0 ]; do
  case "$1" in
    --cluster-id) cluster="${2:?}"; shift 2 ;;
    --snapshot) snapshot="${2:?}"; shift 2 ;;
    --requests) requests="${2:?}"; shift 2 ;;
    --out) out="${2:?}"; shift 2 ;;
    --baseline) baseline="${2:?}"; shift 2 ;;
    --idle-exit-s) idle="${2:?}"; shift 2 ;;
    --jar) jar="${2:?}"; shift 2 ;;
    --dry-run) NETIMPACT_DRY_RUN=1; shift ;;
    -h|--help) usage ;;
    *) echo "add-review-service: unknown option $1" >&2; usage ;;
  esac
done
[ -n "$cluster" ] || usage
: "${NETIMPACT_BUCKET:?set NETIMPACT_BUCKET to the netimpact bucket (emr/setup.sh prints it)}"
case "$idle" in 0*|*[!0-9]*) echo "add-review-service: --idle-exit-s SECONDS (a positive whole number)" >&2; exit 2 ;; esac

steps="$(python3 "$HERE/step-json.py" service "$HERE/steps/review-service.json" \
  "$NETIMPACT_BUCKET" "--snapshot=$snapshot" "--requests=$requests" "--out=$out" \
  "--baseline=$baseline" "--idle-exit-s=$idle" "jar=$jar")"
NETIMPACT_DRY_OUTPUT=s-DRYRUN aws_call emr add-steps --cluster-id "$cluster" --steps "$steps" \
  --query 'StepIds[0]' --output text
