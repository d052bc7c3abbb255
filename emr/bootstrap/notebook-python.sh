#!/usr/bin/env bash
# EMR bootstrap action for the review / EMR Studio cluster: the Python libraries the notebooks
# (notebooks/*.ipynb, PySpark kernel) import, on every node, before applications start.
# Versions bounded to what supports the Python 3.9 of Amazon Linux 2023 (EMR 7.x).
set -euo pipefail
sudo python3 -m pip install --quiet "pandas>=2.0,<2.3" "matplotlib>=3.7,<3.10" "pyarrow>=14,<18"
