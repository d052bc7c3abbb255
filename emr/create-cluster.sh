#!/usr/bin/env bash
# Creates a netimpact cluster and prints its id: by default the review cluster (also EMR
# Studio's: Spark, Livy, Jupyter Enterprise Gateway, the notebook libraries from the bootstrap
# action), with --service the review service's (Spark only; emr/add-review-service.sh adds the
# service step). Either ends itself after 1 h without a running YARN application or pending
# step; create it again when the next review comes (see emr/README.md). The nightly sweep does
# not use it: its state machine makes its own cluster.
#
#   NETIMPACT_BUCKET=my-bucket SUBNET_ID=subnet-123 emr/create-cluster.sh [--service] [--spot-tasks] [--dry-run]
#
#   --service     the review service's cluster (netimpact-service) instead of the review cluster
#   --spot-tasks  add a Spot task group and managed scaling (2 on-demand core, up to 8 units)
#   --dry-run     print the AWS CLI call (one JSON array) instead of making it
#
# Uses what emr/setup.sh made: roles netimpact-emr-service and netimpact-emr-ec2, security
# configuration netimpact, wheels under s3://BUCKET/bootstrap/wheels/ (emr/stage-wheels.sh).
# Credentials: the AWS CLI's own (profile, SSO or role); nothing here or in the cluster holds
# keys: the cluster reads S3 with its instance role.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/aws-call.sh"

usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
spot=0 service=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --service) service=1; shift ;;
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
# Optional arguments are added to one array that is never empty: bash before 4.4 (macOS ships
# 3.2) treats "${empty[@]}" as an unset variable under set -u.
if [[ $service == 1 ]]; then
  args=(--name netimpact-service --applications Name=Spark)
else
  args=(--name netimpact-reviews --applications Name=Spark Name=Livy Name=JupyterEnterpriseGateway
    --bootstrap-actions "Path=s3://$NETIMPACT_BUCKET/bootstrap/notebook-python.sh,Name=notebook-python,Args=[s3://$NETIMPACT_BUCKET/bootstrap/wheels/]")
fi
if [[ $spot == 1 ]]; then
  group_files+=("$HERE/instance-groups-spot-task.json")
  args+=(--managed-scaling-policy "file://$HERE/managed-scaling.json")
fi
groups="$(python3 -c 'import json, sys
print(json.dumps([g for f in sys.argv[1:] for g in json.load(open(f))]))' "${group_files[@]}")"

aws_call emr create-cluster "${args[@]}" \
  --release-label "$RELEASE" \
  --instance-groups "$groups" \
  --configurations "file://$HERE/configurations.json" \
  --ec2-attributes "SubnetId=$SUBNET_ID,InstanceProfile=netimpact-emr-ec2" \
  --service-role netimpact-emr-service \
  --security-configuration netimpact \
  --log-uri "s3://$NETIMPACT_BUCKET/emr-logs/" \
  --auto-termination-policy IdleTimeout=3600 \
  --step-concurrency-level 1 \
  --tags project=netimpact for-use-with-amazon-emr-managed-policies=true \
  --query ClusterId --output text
