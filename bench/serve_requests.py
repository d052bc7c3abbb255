#!/usr/bin/env python3
"""N random valid change requests from a JSON-lines snapshot's own devices, links and members,
for the serve load generators (bench/serve-load.sh, bench/serve-roll.sh).

    serve_requests.py SNAPSHOT_DIR OUT_DIR N SEED

Writes OUT_DIR/req-%06d.json, each with 1-3 ops drawn from drain_device, link_down,
member_down, set_metric, set_capacity, add_link and scale_demands (demand growth).
Deterministic for the same snapshot, N and seed.
"""
import json, os, random, sys
snap, outdir, n, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rows = lambda f: [json.loads(l) for l in open(os.path.join(snap, f)) if l.strip()]
devices, links = rows("devices.jsonl"), rows("links.jsonl")
rnd = random.Random(seed)
def op(k):
    kind = rnd.choice(["drain_device", "link_down", "member_down", "set_metric",
                       "set_capacity", "add_link", "scale_demands"])
    l = rnd.choice(links)
    if kind == "drain_device":
        return {"op": kind, "device": rnd.choice(devices)["id"]}
    if kind == "link_down":
        return {"op": kind, "link": l["id"]}
    if kind == "member_down":
        return {"op": kind, "link": l["id"], "member": rnd.choice(l["members"])["id"]}
    if kind == "set_metric":
        return {"op": kind, "link": l["id"], "metric": rnd.randint(1, 200)}
    if kind == "set_capacity":
        m = rnd.choice(l["members"])
        return {"op": kind, "link": l["id"], "member": m["id"],
                "capacity_gbps": rnd.choice([10, 40, 100, 400])}
    if kind == "add_link":
        a, b = rnd.sample(devices, 2)
        return {"op": kind, "link": {"id": "load-new-%d" % k, "a": a["id"], "b": b["id"],
                "metric": rnd.randint(5, 100), "latency_ms": 1.0,
                "members": [{"id": "et-0/0/0", "capacity_gbps": 100}]}}
    return {"op": kind, "factor": round(rnd.uniform(1.01, 1.3), 3)}
for i in range(n):
    ops, seen = [], set()
    while len(ops) < rnd.randint(1, 3):
        o = op(i)
        key = (o["op"], o.get("link") if isinstance(o.get("link"), str) else None)
        if key in seen:
            continue
        seen.add(key); ops.append(o)
    with open(os.path.join(outdir, "req-%06d.json" % i), "w") as f:
        json.dump({"id": "LOAD-%06d" % i, "title": "load request %d" % i, "ops": ops}, f)
