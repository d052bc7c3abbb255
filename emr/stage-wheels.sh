#!/usr/bin/env bash
# Stages the notebook libraries (emr/bootstrap/notebook-requirements.txt, with their
# dependencies and pip itself) as wheels for the cluster's Python in s3://BUCKET/bootstrap/wheels/,
# where the bootstrap action (emr/bootstrap/notebook-python.sh) installs them without internet.
# Run it on a machine that reaches PyPI (or your mirror: PIP_INDEX_URL), again when the
# requirements change.
#
#   NETIMPACT_BUCKET=my-bucket emr/stage-wheels.sh [--arch aarch64|x86_64|both] [--python 3.9]
#       [--keep DIR] [--dry-run]
#
#   --arch     the nodes' CPU (default both: Graviton r7g/m7g is aarch64)
#   --python   the nodes' Python (default 3.9, Amazon Linux 2023 on EMR 7.x)
#   --keep     download into DIR and keep it (default: a temporary directory)
#   --dry-run  print the AWS CLI call (one JSON array on stderr) instead of making it; pip
#              still downloads
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/aws-call.sh"

usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
arch=both python=3.9 keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --arch) arch="${2:?}"; shift 2 ;;
    --python) python="${2:?}"; shift 2 ;;
    --keep) keep="${2:?}"; shift 2 ;;
    --dry-run) NETIMPACT_DRY_RUN=1; shift ;;
    -h|--help) usage ;;
    *) echo "stage-wheels: unknown option $1" >&2; usage ;;
  esac
done
: "${NETIMPACT_BUCKET:?set NETIMPACT_BUCKET to the netimpact bucket (emr/setup.sh prints it)}"
case "$arch" in aarch64) arches="aarch64" ;; x86_64) arches="x86_64" ;; both) arches="aarch64 x86_64" ;;
  *) echo "stage-wheels: --arch aarch64|x86_64|both" >&2; exit 2 ;; esac
case "$python" in 3.[0-9]|3.[1-9][0-9]) ;; *) echo "stage-wheels: --python like 3.9" >&2; exit 2 ;; esac

if [ -n "$keep" ]; then
  dir="$keep"; mkdir -p "$dir"
else
  dir="$(mktemp -d "${TMPDIR:-/tmp}/netimpact-wheels.XXXXXX")"
  trap 'rm -rf "$dir"' EXIT
fi
req="$HERE/bootstrap/notebook-requirements.txt"
for a in $arches; do
  # Binary wheels only, for the nodes' platform (Amazon Linux 2023: glibc 2.34) and Python.
  python3 -m pip download --quiet --disable-pip-version-check --only-binary=:all: \
    --implementation cp --python-version "$python" \
    --platform "manylinux2014_$a" --platform "manylinux_2_17_$a" \
    --platform "manylinux_2_28_$a" --platform "manylinux_2_34_$a" \
    --dest "$dir" -r "$req" pip
done
cp "$req" "$dir/requirements.txt"
echo "stage-wheels: $(ls "$dir"/*.whl | wc -l | tr -d ' ') wheels for Python $python ($arches)" >&2
aws_call s3 sync --delete "$dir/" "s3://$NETIMPACT_BUCKET/bootstrap/wheels/"
