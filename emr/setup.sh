#!/usr/bin/env bash
# Sets up netimpact in an AWS account, from empty: deploys emr/cloudformation/netimpact.json
# (bucket, roles, EMR's cleanup service-linked role, security configuration, the nightly sweep
# state machine, its schedule and alert, and a private network unless --subnet names one), tags
# a given subnet and its VPC for EMR's v2 service policy, and uploads the job, the bootstrap
# action and the nightly sweep file.
#
#   emr/setup.sh --region REGION [--subnet subnet-123] [--bucket NAME] [--kms-key ARN]
#       [--alert-email ADDRESS] [--schedule 'cron(0 2 * * ? *)'] [--stack-name netimpact]
#       [--jar target/netimpact.jar] [--dry-run]
#
#   --subnet      a private subnet with an S3 gateway endpoint (no internet needed); default:
#                 the stack makes a VPC with one (10.70.0.0/16, no internet at all)
#   --bucket      bucket name (default: netimpact-ACCOUNT-REGION); made by the stack, in REGION
#   --kms-key     SSE-KMS with this key instead of SSE-S3
#   --jar         the job (default target/netimpact.jar; skipped with a note if not built)
#   --dry-run     print each AWS CLI call (one JSON array on stderr) instead of making it
#
# Prints NETIMPACT_BUCKET=... and SUBNET_ID=... for the other scripts. Runs again safely:
# CloudFormation applies only what changed. Needs the AWS CLI v2 and python3; bash 3.2 or later.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/aws-call.sh"

usage() { sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
region="${AWS_REGION:-${AWS_DEFAULT_REGION:-}}" subnet="" bucket="" kms="" email="" schedule=""
stack="netimpact" jar="$HERE/../target/netimpact.jar"
while [ $# -gt 0 ]; do
  case "$1" in
    --region) region="${2:?}"; shift 2 ;;
    --subnet) subnet="${2:?}"; shift 2 ;;
    --bucket) bucket="${2:?}"; shift 2 ;;
    --kms-key) kms="${2:?}"; shift 2 ;;
    --alert-email) email="${2:?}"; shift 2 ;;
    --schedule) schedule="${2:?}"; shift 2 ;;
    --stack-name) stack="${2:?}"; shift 2 ;;
    --jar) jar="${2:?}"; shift 2 ;;
    --dry-run) NETIMPACT_DRY_RUN=1; shift ;;
    -h|--help) usage ;;
    *) echo "setup: unknown option $1" >&2; usage ;;
  esac
done
[ -n "$region" ] || { echo "setup: give --region (or set AWS_REGION)" >&2; exit 2; }

# EMR creates AWSServiceRoleForEMRCleanup with the first cluster of an account, if the caller may;
# the stack makes it when it is missing (creating it again would fail).
if aws_call iam get-role --role-name AWSServiceRoleForEMRCleanup --query Role.Arn --output text \
    >/dev/null 2>&1 && [ "${NETIMPACT_DRY_RUN:-0}" != 1 ]; then
  cleanup=false
else
  cleanup=true
fi

# Parameters not given keep their value from the last deploy (their defaults on the first).
overrides=("CreateEmrCleanupRole=$cleanup")
[ -z "$subnet" ] || overrides+=("SubnetId=$subnet")
[ -z "$bucket" ] || overrides+=("BucketName=$bucket")
[ -z "$kms" ] || overrides+=("KmsKeyArn=$kms")
[ -z "$email" ] || overrides+=("AlertEmail=$email")
[ -z "$schedule" ] || overrides+=("ScheduleExpression=$schedule")
aws_call cloudformation deploy --region "$region" --stack-name "$stack" \
  --template-file "$HERE/cloudformation/netimpact.json" \
  --capabilities CAPABILITY_NAMED_IAM --no-fail-on-empty-changeset \
  --parameter-overrides "${overrides[@]}" --tags project=netimpact

bucket="$(NETIMPACT_DRY_OUTPUT="${bucket:-netimpact-dryrun}" aws_call cloudformation describe-stacks \
  --region "$region" --stack-name "$stack" \
  --query "Stacks[0].Outputs[?OutputKey=='BucketName'].OutputValue" --output text)"
[ -n "$bucket" ] && [ "$bucket" != None ] || { echo "setup: stack $stack has no BucketName output" >&2; exit 1; }

if [ -n "$subnet" ]; then
  # AmazonEMRServicePolicy_v2 launches only into a subnet with this tag, and makes the cluster's
  # security groups only in a VPC with it (a network the stack makes has both; the clusters
  # carry it too).
  vpc="$(NETIMPACT_DRY_OUTPUT=vpc-dryrun aws_call ec2 describe-subnets --region "$region" \
    --subnet-ids "$subnet" --query 'Subnets[0].VpcId' --output text)"
  aws_call ec2 create-tags --region "$region" --resources "$subnet" "$vpc" \
    --tags Key=for-use-with-amazon-emr-managed-policies,Value=true
else
  subnet="$(NETIMPACT_DRY_OUTPUT=subnet-dryrun aws_call cloudformation describe-stacks \
    --region "$region" --stack-name "$stack" \
    --query "Stacks[0].Outputs[?OutputKey=='SubnetId'].OutputValue" --output text)"
fi

aws_call s3 cp --region "$region" "$HERE/bootstrap/notebook-python.sh" \
  "s3://$bucket/bootstrap/notebook-python.sh"
aws_call s3 cp --region "$region" "$HERE/../src/main/resources/samples/sweeps/nightly.json" \
  "s3://$bucket/sweeps/nightly.json"
if [ -f "$jar" ]; then
  aws_call s3 cp --region "$region" "$jar" "s3://$bucket/jars/netimpact.jar"
else
  echo "setup: no job jar at $jar: build it (mvn -B -DskipTests package) and run setup again" >&2
fi

echo "NETIMPACT_BUCKET=$bucket"
echo "SUBNET_ID=$subnet"
cat >&2 <<NEXT
Next: a snapshot for the nightly sweep:
  aws s3 sync SNAPSHOT_DIR s3://$bucket/snapshots/latest/
and, for notebooks on the review cluster, the Python wheels (on a machine with internet):
  NETIMPACT_BUCKET=$bucket emr/stage-wheels.sh
NEXT
