"""Reads a netimpact run's report tables into pandas, whatever the machine has.

A run is read through its marker REPORTS/_runs/RUN/_SUCCESS (JSON: published_at, format, the
files of each table), so a run being re-published, or one whose driver died mid-write, is never
read half old, half new. How a table is read:

- with a Spark session (EMR Studio's PySpark kernel): Spark reads the files, local or s3://;
- a JSON-lines run: pandas alone;
- a Parquet run with pyarrow installed: pandas + pyarrow;
- a Parquet run without pyarrow (Debian's packages have none): the run's CSV export, written by
  ``jobs/netimpact show --out REPORTS --run RUN --export DIR`` (done here on first use, into
  ~/.cache/netimpact/export/RUN-PUBLISH, when the launcher is found); REPORTS may also be such an
  export directory itself (it holds run.json).
"""
import glob
import json
import os
import shutil
import subprocess

import pandas as pd


class ReportsUnreadable(Exception):
    """Raised with one line saying what to do; shown without a traceback."""

    def _render_traceback_(self):
        return [f"netimpact: {self}"]


_PANDAS_TYPES = {"string": "string", "double": "float64", "long": "Int64", "boolean": "boolean"}


class Run:
    """One published run: ``load(table)`` gives a table as a pandas DataFrame."""

    def __init__(self, reports, run_id="", spark=None):
        self.reports = reports.rstrip("/")
        self.spark = spark
        self.export = None
        if spark is None and os.path.isfile(os.path.join(self.reports, "run.json")):
            with open(os.path.join(self.reports, "run.json")) as f:
                self.marker = json.load(f)
            self.export = self.reports
            self.run = self.marker["run_id"]
            self.format = "csv"
            return
        markers = self._markers()
        if not markers:
            raise ReportsUnreadable(
                f"no published run under {reports} (no {reports}/_runs/*/_SUCCESS): set "
                "NETIMPACT_REPORTS to a review or sweep --out, or to a `show --export` directory")
        if run_id and run_id not in markers:
            raise ReportsUnreadable(f"no run {run_id} under {reports}; runs there: "
                                    f"{', '.join(sorted(markers))}")
        # The newest run is the one published last (run ids are names, not times).
        self.run = run_id or max(markers.values(), key=lambda m: m["published_at"])["run_id"]
        self.marker = markers[self.run]
        self.format = self.marker.get("format", "parquet")
        if spark is None and self.format == "parquet" and not _has_pyarrow():
            self.export = self._exported()
            self.format = "parquet, read from its CSV export"

    def __str__(self):
        return (f"run {self.run} ({self.format}, published {self.marker['published_at']}) "
                f"under {self.reports}")

    def tables(self):
        """The run's table names."""
        return list(self.marker["tables"])

    def load(self, table):
        """One table of the run as a DataFrame (empty when the run has no such table)."""
        if self.export is not None:
            path = os.path.join(self.export, f"{table}.csv")
            if not os.path.exists(path):
                return pd.DataFrame()
            types = self.marker.get("columns", {}).get(table, {})
            frame = pd.read_csv(path, dtype={c: _PANDAS_TYPES[t] for c, t in types.items()
                                             if t in _PANDAS_TYPES and t != "boolean"})
            for c, t in types.items():  # CSV has true/false; pandas' boolean wants them mapped
                if t == "boolean" and c in frame:
                    frame[c] = frame[c].map({True: True, False: False, "true": True,
                                             "false": False}).astype("boolean")
            return frame
        files = [f"{self.reports}/{table}/run_id={self.run}/{name}"
                 for name in self.marker["tables"].get(table, [])]
        if not files:
            return pd.DataFrame()
        if self.spark is not None:
            reader = self.spark.read.json if self.format == "json" else self.spark.read.parquet
            return reader(*files).toPandas()
        if self.format == "json":
            frames = [pd.read_json(f, lines=True, dtype=False) for f in files
                      if os.path.getsize(f) > 0]
            return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
        return pd.concat([pd.read_parquet(f, engine="pyarrow") for f in files],
                         ignore_index=True)

    def _markers(self):
        """{run_id: marker} of every published run under the reports prefix."""
        if self.spark is not None:
            try:
                found = [json.loads(r.value) for r in self.spark.read.text(
                    f"{self.reports}/_runs/*/_SUCCESS", wholetext=True).collect()]
            except Exception:  # AnalysisException: the path matches nothing
                found = []
        else:
            found = []
            for f in sorted(glob.glob(os.path.join(self.reports, "_runs", "*", "_SUCCESS"))):
                with open(f) as m:
                    found.append(json.load(m))
        return {m["run_id"]: m for m in found}

    def _exported(self):
        """The run's CSV export, made with the launcher when not made already."""
        key = f"{self.run}-{self.marker.get('publish_id', '') or self.marker['published_at']}"
        directory = os.environ.get("NETIMPACT_EXPORT") or os.path.join(
            os.path.expanduser("~"), ".cache", "netimpact", "export", key.replace(":", "-"))
        if os.path.isfile(os.path.join(directory, "run.json")):
            return directory
        command = [_launcher(), "show", "--out", self.reports, "--run", self.run, "--export",
                   directory]
        if command[0] is None:
            raise ReportsUnreadable(
                f"run {self.run} is Parquet and this Python has no pyarrow to read it: export it "
                f"as CSV with `jobs/netimpact show --out {self.reports} --run {self.run} "
                f"--export DIR` and set NETIMPACT_REPORTS=DIR (or install pyarrow)")
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            raise ReportsUnreadable(f"{' '.join(command)} exited {done.returncode}: "
                                    f"{done.stderr.strip().splitlines()[-1:]}")
        return directory


def _has_pyarrow():
    try:
        import pyarrow  # noqa: F401
        return True
    except ImportError:
        return False


def _launcher():
    """jobs/netimpact of this checkout (or NETIMPACT_HOME), else netimpact on PATH, else None."""
    home = os.environ.get("NETIMPACT_HOME") or os.path.dirname(
        os.path.dirname(os.path.abspath(__file__)))
    path = os.path.join(home, "jobs", "netimpact")
    return path if os.access(path, os.X_OK) else shutil.which("netimpact")
