#!/usr/bin/env bash
# Creates the netimpact review cluster (also EMR Studio's: Spark, Livy, Jupyter Enterprise
# Gateway, pandas/matplotlib/pyarrow) and prints its id. It ends itself after 1 h without a
# running YARN application or pending step; create it again when the next review comes (see
# emr/README.md). The nightly sweep does not use it: its state machine makes its own cluster.
#
#   NETIMPACT_BUCKET=my-bucket SUBNET_ID=subnet-123 emr/create-cluster.sh [--spot-tasks] [--dry-run]
#
#   --spot-tasks  add a Spot task group and managed scaling (2 on-demand core, up to 8 units)
#   --dry-run     print the AWS CLI call (one JSON array) instead of making it
#
# Credentials: the AWS CLI's own (profile, SSO or role); nothing here or in the cluster holds
# keys: the cluster reads S3 with its instance role (netimpact-emr-ec2, emr/iam/).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/aws-call.sh"

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
spot=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --spot-tasks) spot=1; shift ;;
    --dry-run) NETIMPACT_DRY_RUN=1; shift ;;
    -h|--help) usage ;;
    *) echo "create-cluster: unknown option $1" >&2; usage ;;
  esac
done
: "${NETIMPACT_BUCKET:?set NETIMPACT_BUCKET to the bucket holding jars, snapshots and reports}"
: "${SUBNET_ID:?set SUBNET_ID to a private subnet with an S3 gateway endpoint}"
# Pinned: on emr-7.9.0 s3:// is EMRFS; from emr-7.10.0 it is S3A (see emr/README.md).
RELEASE="${EMR_RELEASE:-emr-7.9.0}"

group_files=("$HERE/instance-groups.json")
scaling=()
if [[ $spot == 1 ]]; then
  group_files+=("$HERE/instance-groups-spot-task.json")
  scaling=(--managed-scaling-policy "file://$HERE/managed-scaling.json")
fi
groups="$(python3 -c 'import json, sys
print(json.dumps([g for f in sys.argv[1:] for g in json.load(open(f))]))' "${group_files[@]}")"

aws_call emr create-cluster \
  --name "netimpact-reviews" \
  --release-label "$RELEASE" \
  --applications Name=Spark Name=Livy Name=JupyterEnterpriseGateway \
  --instance-groups "$groups" \
  --configurations "file://$HERE/configurations.json" \
  --bootstrap-actions "Path=s3://$NETIMPACT_BUCKET/bootstrap/notebook-python.sh,Name=notebook-python" \
  --ec2-attributes "SubnetId=$SUBNET_ID,InstanceProfile=netimpact-emr-ec2" \
  --service-role EMR_DefaultRole_V2 \
  --log-uri "s3://$NETIMPACT_BUCKET/emr-logs/" \
  --auto-termination-policy IdleTimeout=3600 \
  --step-concurrency-level 1 \
  "${scaling[@]}" \
  --tags project=netimpact for-use-with-amazon-emr-managed-policies=true \
  --query ClusterId --output text
