#!/usr/bin/env bash
# EMR bootstrap action for the review / EMR Studio cluster: the Python libraries the notebooks
# (notebooks/*.ipynb, PySpark kernel) import, on every node, before applications start.
#
#   Path=s3://BUCKET/bootstrap/notebook-python.sh,Args=[s3://BUCKET/bootstrap/wheels/]
#
# Needs no internet: the cluster's private subnet reaches only S3 (gateway endpoint). The wheels
# and requirements.txt under the given prefix were put there by emr/stage-wheels.sh; pip installs
# from them alone (--no-index: it never asks PyPI, nor checks for a newer pip). If the node has no
# pip, the staged pip wheel runs itself. Fails (and EMR ends the cluster) with a message naming
# the prefix when nothing was staged.
set -eu
src="${1:?usage: notebook-python.sh s3://BUCKET/bootstrap/wheels/ (staged by emr/stage-wheels.sh)}"
src="${src%/}/"
dir="$(mktemp -d /tmp/netimpact-wheels.XXXXXX)"
aws s3 cp --recursive --only-show-errors "$src" "$dir/"
if [ ! -f "$dir/requirements.txt" ] || ! ls "$dir"/*.whl >/dev/null 2>&1; then
  echo "notebook-python: no wheels and requirements.txt under $src: run emr/stage-wheels.sh" >&2
  exit 1
fi
if python3 -m pip --version >/dev/null 2>&1; then
  set -- python3 -m pip
else
  pip_wheel="$(ls "$dir"/pip-*.whl 2>/dev/null | head -n 1)"
  [ -n "$pip_wheel" ] || { echo "notebook-python: no pip on the node and no pip wheel under $src" >&2; exit 1; }
  set -- python3 "$pip_wheel/pip"
fi
sudo "$@" install --no-index --find-links "$dir" --disable-pip-version-check --no-input \
  --quiet -r "$dir/requirements.txt"
rm -rf "$dir"
