#!/usr/bin/env python3
"""Compares a review's arc loads with the Python peer's (bench/peer_router.py --loads-out).

  bench/peer_compare.py JOB_OUT PEER_LOADS.tsv [--rel 1e-6]

JOB_OUT is the --out of `netimpact review ... --format json` (one run in it). Before: every
arc of link_baseline; after: link_baseline overridden by link_impact (an arc with no
link_impact row has the same load before and after). An arc one side lacks counts as load 0.
Prints a JSON line (arcs compared, arcs that differ, the largest relative difference, the
job's max utilisation and unroutable Gbps); exit code 1 when some arc differs by more than
--rel relative.
"""
import argparse
import glob
import json
import os
import sys


def rows(out, table):
    files = [f for f in glob.glob(os.path.join(out, table, "run_id=*", "*.json"))
             if not os.path.basename(f).startswith(".")]
    if not files:
        sys.exit("peer_compare: no %s JSON part under %s (review with --format json)" % (table, out))
    return [json.loads(line) for f in files for line in open(f) if line.strip()]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("job_out")
    p.add_argument("peer_loads")
    p.add_argument("--rel", type=float, default=1e-6)
    a = p.parse_args()
    job = {"before": {}, "after": {}}
    for r in rows(a.job_out, "link_baseline"):
        key = (r["link_id"], r["from_device"], r["to_device"])
        job["before"][key] = job["after"][key] = r["load_before_gbps"]
    for r in rows(a.job_out, "link_impact"):
        key = (r["link_id"], r["from_device"], r["to_device"])
        job["after"][key] = r.get("load_after_gbps") or 0.0
    peer = {"before": {}, "after": {}}
    with open(a.peer_loads) as f:
        next(f)
        for line in f:
            side, lid, u, v, cap, load = line.rstrip("\n").split("\t")
            peer[side][(lid, u, v)] = float(load)
    result = {"arcs": 0, "differ": 0, "max_rel_diff": 0.0, "examples": []}
    for side in ("before", "after"):
        for key in job[side].keys() | peer[side].keys():
            x, y = job[side].get(key, 0.0), peer[side].get(key, 0.0)
            rel = abs(x - y) / max(abs(x), abs(y)) if x != y else 0.0
            result["arcs"] += 1
            result["max_rel_diff"] = max(result["max_rel_diff"], rel)
            if rel > a.rel and abs(x - y) > 1e-9:
                result["differ"] += 1
                if len(result["examples"]) < 5:
                    result["examples"].append([side, *key, x, y])
    s = rows(a.job_out, "scenario_summary")[0]
    for k in ("max_util_before", "max_util_after", "unroutable_gbps_before", "unroutable_gbps_after"):
        result["job_" + k] = s[k]
    print(json.dumps(result))
    sys.exit(1 if result["differ"] else 0)


if __name__ == "__main__":
    main()
