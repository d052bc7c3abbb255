#!/usr/bin/env python3
"""Sweep benchmark (run by bench/benchmark.sh --sweeps): incremental against full, side by side.

Every figure comes from one run of this script on one machine: wall time end to end, the job's
stage timings, peak RSS (GNU time), scenarios per second of the routing stage and end to end,
the straggler ratio the job prints, and the share of (scenario, destination) pairs recomputed.
The full strategy is measured on a fixed sample (every k-th device and link) and its
throughput extrapolated linearly to the whole sweep: a full review costs the same for every
scenario (it routes every destination before and after), so per-scenario time does not depend
on which scenarios are sampled. The incremental strategy runs on the same sample too.
"""
import argparse, json, os, platform, re, subprocess, sys, time

ap = argparse.ArgumentParser()
ap.add_argument("--seed", default="1")
ap.add_argument("--sample", type=int, default=40)
ap.add_argument("--large-sample", type=int, default=400)
ap.add_argument("--bench", required=True)
ap.add_argument("--preset", default="medium",
                help="the preset of the N-1 and sample runs (default medium; small for a quick check "
                     "of the script: the run names keep saying medium)")
ap.add_argument("--only", default="",
                help="comma-separated run names to measure (default: all), e.g. medium-n1-devices")
a = ap.parse_args()
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
launcher = os.path.join(root, "jobs", "netimpact")
env = dict(os.environ, NETIMPACT_NO_BUILD="1")


def snapshot(preset):
    snap = os.path.join(a.bench, "snapshots", f"{preset}-s{a.seed}")
    if not os.path.exists(os.path.join(snap, "manifest.json")):
        print(f"sweep benchmark: generating {preset}...", file=sys.stderr)
        subprocess.run([launcher, "generate", "--preset", preset, "--seed", a.seed, "--out", snap],
                       check=True, env=env, stdout=subprocess.DEVNULL)
    return snap


def ids(snap, table, field="id"):
    """Ids of a table: JSON lines, or Parquet read through the job's own Spark (via a sweep)."""
    path = os.path.join(snap, table + ".jsonl")
    if os.path.exists(path):
        return [json.loads(l)[field] for l in open(path) if l.strip()]
    return None


def sweep_file(name, gens=None, changes=None):
    path = os.path.join(a.bench, "sweeps", name + ".json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    doc = {"id": name}
    if gens:
        doc["generators"] = gens
    if changes:
        doc["changes"] = changes
    json.dump(doc, open(path, "w"))
    return path


ONLY = set(x for x in a.only.split(",") if x)


def run(name, snap, sweep, strategy, extra=()):
    log = os.path.join(a.bench, f"sweep-{name}.log")
    out = os.path.join(a.bench, "out", f"sweep-{name}")
    subprocess.run(["rm", "-rf", out])
    t0 = time.time()
    with open(log, "w") as f:
        r = subprocess.run(["/usr/bin/time", "-v", "-o", log + ".time", launcher, "sweep",
                            "--snapshot", snap, "--sweep", sweep, "--out", out,
                            "--strategy", strategy, *extra], stdout=f, stderr=subprocess.STDOUT,
                           env=env)
    wall = time.time() - t0
    text = open(log).read()
    if r.returncode != 0:
        raise SystemExit(f"{name} failed, see {log}")
    scen = int(re.search(r": (\d+) scenarios on snapshot", text).group(1))
    timings = dict((k, float(v)) for k, v in
                   re.findall(r"([a-z+]+) ([0-9.]+) s", re.search(r"^timings: (.*)$", text, re.M).group(1)))
    m = re.search(r"recomputed (\d+) of (\d+) .*?straggler ratio \(slowest / median task\) ([0-9.na]+)", text)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(log + ".time").read()).group(1))
    route = timings.get("route", 0.0)
    res = {"name": name, "strategy": strategy, "scenarios": scen, "wall_s": round(wall, 1),
           "stages_s": timings, "route_s": route,
           "scenarios_per_s_route": round(scen / route, 2) if route else None,
           "scenarios_per_s_end_to_end": round(scen / wall, 2),
           "pairs_recomputed": int(m.group(1)), "pairs_total": int(m.group(2)),
           "straggler_ratio": float(m.group(3)) if m.group(3) != "NaN" else None,
           "peak_rss_mb": round(rss / 1024), "load_average_1m": round(os.getloadavg()[0], 2)}
    print(f"sweep benchmark: {name}: {scen} scenarios, route {route:.1f} s, wall {wall:.1f} s",
          file=sys.stderr)
    return res


medium = snapshot(a.preset)
devices = ids(medium, "devices")
links = ids(medium, "links")
half = max(1, a.sample // 2)
sample_changes = ([{"id": f"drain_device:{d}", "ops": [{"op": "drain_device", "device": d}]}
                   for d in devices[::max(1, len(devices) // half)][:half]] +
                  [{"id": f"link_down:{l}", "ops": [{"op": "link_down", "link": l}]}
                   for l in links[::max(1, len(links) // half)][:half]])
# medium-n1-links-plan: the same N-1 link sweep with --plan, beside the one without.
plan = [
    ("medium-n1-devices", medium, lambda: sweep_file("medium-n1-devices", gens=[{"each": "device"}]), "incremental", ()),
    ("medium-n1-links", medium, lambda: sweep_file("medium-n1-links", gens=[{"each": "link"}]), "incremental", ()),
    ("medium-n1-links-plan", medium, lambda: sweep_file("medium-n1-links", gens=[{"each": "link"}]), "incremental", ("--plan",)),
    ("medium-sample-incremental", medium, lambda: sweep_file("medium-sample", changes=sample_changes), "incremental", ()),
    ("medium-sample-full", medium, lambda: sweep_file("medium-sample", changes=sample_changes), "full", ()),
]
results = [run(n, snap, f(), st, extra) for n, snap, f, st, extra in plan if not ONLY or n in ONLY]


def plan_line(by):
    """The cost of --plan: the N-1 link sweep with it over the same sweep without it."""
    if "medium-n1-links" not in by or "medium-n1-links-plan" not in by:
        return
    base, planned = by["medium-n1-links"], by["medium-n1-links-plan"]
    log = open(os.path.join(a.bench, "sweep-medium-n1-links-plan.log")).read()
    m = re.search(r"^augmentation plan \(target [^)]*\): (.*)$", log, re.M)
    print("N-1 link sweep with --plan / without: %.2fx end to end (%.1f s / %.1f s), plan stage "
          "%.1f s; %s" % (planned["wall_s"] / base["wall_s"], planned["wall_s"], base["wall_s"],
                          planned["stages_s"].get("plan", 0.0), m.group(1) if m else "no plan line"))
# A real network: SNDlib's brain (161 devices, 328 links after folding), its N-1
# sweep of every device and every link (489 scenarios), incremental against --strategy full.
# The SNDlib file is not in this repository: it is taken from NETIMPACT_REAL_DATA (default
# ../shared/data/real beside the repository) and the runs are skipped when it is not there.
real_dir = os.environ.get("NETIMPACT_REAL_DATA", os.path.join(os.path.dirname(root), "shared", "data", "real"))
brain_txt = os.path.join(real_dir, "sndlib", "native", "brain.txt")
# brain-n1-incremental-tasks and brain-n1-full-tasks (run only when named in --only) make the
# same two runs as Spark tasks (--conf netimpact.local-sweep=tasks) rather than on the driver's
# threads (docs/sweep-execution.md).
TASKS = {"brain-n1-incremental-tasks", "brain-n1-full-tasks"}
if (not ONLY or ONLY & ({"brain-n1-incremental", "brain-n1-full"} | TASKS)) and os.path.exists(brain_txt):
    brain = os.path.join(a.bench, "snapshots", "brain")
    if not os.path.exists(os.path.join(brain, "manifest.json")):
        subprocess.run([launcher, "import", "--from", "sndlib", "--in", brain_txt, "--out", brain,
                        "--scale-to-util", "0.5"], check=True, env=env, stdout=subprocess.DEVNULL)
    n1 = sweep_file("brain-n1", gens=[{"each": "device"}, {"each": "link"}])
    pairs = []
    if not ONLY or ONLY & {"brain-n1-incremental", "brain-n1-full"}:
        pairs.append(("", ()))
    if ONLY & TASKS:
        pairs.append(("-tasks", ("--conf", "netimpact.local-sweep=tasks")))
    for suffix, extra in pairs:
        real = [run("brain-n1-incremental" + suffix, brain, n1, "incremental", extra),
                run("brain-n1-full" + suffix, brain, n1, "full", extra)]
        results += real
        inc, full = real
        print("brain N-1%s (%d scenarios): incremental %.1f s, full %.1f s end to end: %.2fx; route "
              "%.1f s against %.1f s" % (suffix, inc["scenarios"], inc["wall_s"], full["wall_s"],
                                         full["wall_s"] / inc["wall_s"], inc["route_s"], full["route_s"]))
elif not ONLY or ONLY & ({"brain-n1-incremental", "brain-n1-full"} | TASKS):
    print("sweep benchmark: %s not found (set NETIMPACT_REAL_DATA): brain N-1 skipped" % brain_txt,
          file=sys.stderr)
if ONLY and "large-device-sample" not in ONLY:
    json.dump({"runs": results}, open(os.path.join(a.bench, "sweep.json"), "w"), indent=2)
    for r in results:
        print("%(name)s %(strategy)s: %(scenarios)d scenarios, wall %(wall_s).1f s, route "
              "%(route_s).1f s, peak %(peak_rss_mb)d MB, load %(load_average_1m).1f" % r)
    plan_line({r["name"]: r for r in results})
    sys.exit(0)
large = snapshot("large")
# Large is Parquet (no ids without Spark here): its sample is every transit-carrying device of
# one region plus every core and edge router, by the sweep file's own device filters. ToRs,
# 90 % of the devices, carry no transit and are cheaper to sweep, so extrapolating this
# sample's per-scenario time to all devices gives an upper bound.
large_sample = sweep_file("large-device-sample", gens=[
    {"each": "device", "role": "core"}, {"each": "device", "role": "edge"},
    {"each": "device", "role": "spine", "region": "r1"},
    {"each": "device", "role": "leaf", "region": "r1"}])
results.append(run("large-device-sample", large, large_sample, "incremental"))
json.dump({"machine": {"cores": os.cpu_count(),
                       "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30),
                       "os": platform.platform()},
           "runs": results}, open(os.path.join(a.bench, "sweep.json"), "w"), indent=2)

by = {r["name"]: r for r in results}
hdr = ("run", "strategy", "scenarios", "wall s", "route s", "scen/s route", "scen/s e2e",
       "pairs recomputed", "straggler", "peak MB", "load")
rows = [(r["name"], r["strategy"], str(r["scenarios"]), "%.1f" % r["wall_s"], "%.1f" % r["route_s"],
         "%.1f" % (r["scenarios_per_s_route"] or 0), "%.2f" % r["scenarios_per_s_end_to_end"],
         "%.1f %%" % (100.0 * r["pairs_recomputed"] / max(1, r["pairs_total"])),
         "%.2f" % (r["straggler_ratio"] or float("nan")), str(r["peak_rss_mb"]),
         "%.1f" % r["load_average_1m"]) for r in results]
w = [max(len(h), *(len(x[i]) for x in rows)) for i, h in enumerate(hdr)]
print(" | ".join(h.ljust(w[i]) for i, h in enumerate(hdr)))
print("-+-".join("-" * x for x in w))
for x in rows:
    print(" | ".join(c.ljust(w[i]) for i, c in enumerate(x)))
plan_line(by)
# The summaries below need their runs: with --only, print those that ran.
if "medium-sample-incremental" in by and "medium-sample-full" in by:
    inc = by["medium-sample-incremental"]
    full = by["medium-sample-full"]
    ratio_sample = inc["scenarios_per_s_route"] / full["scenarios_per_s_route"]
    print("incremental / full throughput (routing stage): %.0fx on the same %d-scenario sample"
          % (ratio_sample, full["scenarios"]))
    if "medium-n1-devices" in by and "medium-n1-links" in by:
        n1 = [by["medium-n1-devices"], by["medium-n1-links"]]
        n1_scen = sum(r["scenarios"] for r in n1)
        n1_route = sum(r["route_s"] for r in n1)
        ratio_n1 = (n1_scen / n1_route) / full["scenarios_per_s_route"]
        print("%.0fx for the whole medium N-1 (devices + links) against full extrapolated; "
              "medium N-1 (devices + links, %d scenarios): %.1f min end to end incremental; "
              "full extrapolated: %.1f h" % (ratio_n1, n1_scen,
                                             sum(r["wall_s"] for r in n1) / 60,
                                             n1_scen / full["scenarios_per_s_route"] / 3600))
lg = by["large-device-sample"]
per_core = lg["scenarios"] / (lg["route_s"] * os.cpu_count())
print("large device sample: %d scenarios routed in %.1f s on %d cores = %.2f scenarios per "
      "core-second" % (lg["scenarios"], lg["route_s"], os.cpu_count(), per_core))
print("machine: %d cores; written to %s" % (os.cpu_count(), os.path.join(a.bench, "sweep.json")))
