#!/usr/bin/env bash
# Creates the long-running netimpact cluster (EMR 7.9, Spark 3.5, Java 17) and prints its id.
# Credentials: the AWS CLI's own (profile, SSO or role); nothing here or in the cluster holds
# keys: the cluster reads S3 with its instance role (EMR_EC2_DefaultRole or yours).
#
#   NETIMPACT_BUCKET=my-bucket SUBNET_ID=subnet-123 emr/create-cluster.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
: "${NETIMPACT_BUCKET:?set NETIMPACT_BUCKET to the bucket holding jars, snapshots and reports}"
: "${SUBNET_ID:?set SUBNET_ID to a private subnet with an S3 gateway endpoint}"
RELEASE="${EMR_RELEASE:-emr-7.9.0}"

aws emr create-cluster \
  --name "netimpact" \
  --release-label "$RELEASE" \
  --applications Name=Spark \
  --instance-groups "file://$HERE/instance-groups.json" \
  --configurations "file://$HERE/configurations.json" \
  --ec2-attributes "SubnetId=$SUBNET_ID" \
  --use-default-roles \
  --log-uri "s3://$NETIMPACT_BUCKET/emr-logs/" \
  --auto-termination-policy IdleTimeout=14400 \
  --tags project=netimpact \
  --query ClusterId --output text
