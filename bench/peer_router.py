#!/usr/bin/env python3
"""Plain-Python peer of netimpact's routing (the benchmark's reference point).

The data contract's routing semantics (docs/semantics.md), written the way a network
engineer would first write them: dicts and lists, one Dijkstra toward each destination on the
reversed graph (heapq), then the destination's demands pushed down the shortest-path DAG in
decreasing distance, split equally over every shortest next-hop arc (per-hop ECMP, parallel
links separate next hops). A link is usable when admin up with at least min_links members up;
its capacity is the sum of its up members'. A drained device is never transited. A demand
with no path is lost. Routes before and, with --change, after the change's ops.

  bench/peer_router.py SNAPSHOT [--change CHANGE.json] [--loads-out FILE]

SNAPSHOT is a directory of JSON lines (devices.jsonl, links.jsonl, demands.jsonl); write one
from the generator with `netimpact generate --format jsonl`. Prints a JSON summary (stage
times, max utilisation and lost Gbps before/after). --loads-out writes one tab-separated line
per arc of every link whose ends exist: side, link_id, from, to, capacity_gbps, load_gbps.
Standard library only. Exit code 2 for input it cannot route (Parquet tables, a TE overlay,
an op it does not implement, an unknown element).
"""
import argparse
import copy
import heapq
import json
import os
import sys
import time


def fail(msg):
    print("peer_router: " + msg, file=sys.stderr)
    sys.exit(2)


def read_jsonl(path):
    if not os.path.isfile(path):
        fail(path + ": missing (JSON lines only: generate the snapshot with --format jsonl)")
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def norm_link(l):
    members = l.get("members")
    if members is None:
        members = [{"id": l["id"], "capacity_gbps": l["capacity_gbps"]}]
    return {"id": l["id"], "a": l["a"], "b": l["b"], "metric": int(l["metric"]),
            "metric_ba": int(l.get("metric_ba", l["metric"])),
            "members": [{"id": m["id"], "cap": float(m["capacity_gbps"]), "up": m.get("up", True)}
                        for m in members],
            "min_links": l.get("min_links", 1), "up": l.get("up", True),
            "srlgs": list(l.get("srlgs", []))}


def read_snapshot(d):
    for te in ("lsps.jsonl", "sr_policies.jsonl", "lsps", "sr_policies"):
        if os.path.exists(os.path.join(d, te)):
            fail(d + ": has a TE overlay (" + te + "); the peer routes plain IGP only")
    devices = {}
    for x in read_jsonl(os.path.join(d, "devices.jsonl")):
        devices[x["id"]] = {"drained": x.get("drained", False), "site": x.get("site")}
    links = {}  # id -> link, in snapshot order (dicts keep insertion order)
    for x in read_jsonl(os.path.join(d, "links.jsonl")):
        links[x["id"]] = norm_link(x)
    demands = {}  # (src, dst) -> Gbps, classes added up
    for x in read_jsonl(os.path.join(d, "demands.jsonl")):
        key = (x["src"], x["dst"])
        demands[key] = demands.get(key, 0.0) + float(x["gbps"])
    return {"devices": devices, "links": links, "demands": demands}


def apply_change(net, change):
    net = copy.deepcopy(net)
    dev, links = net["devices"], net["links"]

    def device(i, op):
        if op.get("device") not in dev:
            fail("ops[%d], field device: unknown device %r" % (i, op.get("device")))
        return dev[op["device"]]

    def link(i, op):
        if op.get("link") not in links:
            fail("ops[%d], field link: unknown link %r" % (i, op.get("link")))
        return links[op["link"]]

    def member(i, op):
        for m in link(i, op)["members"]:
            if m["id"] == op.get("member"):
                return m
        fail("ops[%d], field member: unknown member of link %s %r" % (i, op["link"], op.get("member")))

    def remove(name):
        del dev[name]
        for lid in [k for k, l in links.items() if name in (l["a"], l["b"])]:
            del links[lid]

    for i, op in enumerate(change.get("ops", [])):
        kind = op.get("op")
        if kind in ("drain_device", "undrain_device"):
            device(i, op)["drained"] = kind == "drain_device"
        elif kind == "remove_device":
            device(i, op)
            remove(op["device"])
        elif kind == "site_down":
            names = [k for k, v in dev.items() if v["site"] == op.get("site")]
            if not names:
                fail("ops[%d], field site: unknown site %r" % (i, op.get("site")))
            for name in names:
                remove(name)
        elif kind in ("link_down", "link_up"):
            link(i, op)["up"] = kind == "link_up"
        elif kind in ("member_down", "member_up"):
            member(i, op)["up"] = kind == "member_up"
        elif kind == "set_capacity":
            member(i, op)["cap"] = float(op["capacity_gbps"])
        elif kind == "add_member":
            l, m = link(i, op), op["member"]
            if any(x["id"] == m["id"] for x in l["members"]):
                fail("ops[%d], field member: member %r exists" % (i, m["id"]))
            l["members"].append({"id": m["id"], "cap": float(m["capacity_gbps"]),
                                 "up": m.get("up", True)})
        elif kind == "set_metric":
            l, direction = link(i, op), op.get("direction", "both")
            if direction not in ("both", "ab", "ba"):
                fail("ops[%d], field direction: %r" % (i, direction))
            if direction in ("both", "ab"):
                l["metric"] = int(op["metric"])
            if direction in ("both", "ba"):
                l["metric_ba"] = int(op["metric"])
        elif kind == "add_link":
            l = norm_link(op["link"])
            if l["id"] in links:
                fail("ops[%d], field link: link %r exists" % (i, l["id"]))
            for end in (l["a"], l["b"]):
                if end not in dev:
                    fail("ops[%d], field link: unknown device %r" % (i, end))
            links[l["id"]] = l
        elif kind == "srlg_down":
            hit = [l for l in links.values() if op.get("srlg") in l["srlgs"]]
            if not hit:
                fail("ops[%d], field srlg: unknown SRLG %r" % (i, op.get("srlg")))
            for l in hit:
                l["up"] = False
        elif kind == "scale_demands":
            def match(name, site):
                return site is None or (name in dev and dev[name]["site"] == site)
            for key in net["demands"]:
                if match(key[0], op.get("src_site")) and match(key[1], op.get("dst_site")):
                    net["demands"][key] *= float(op["factor"])
        else:
            fail("ops[%d]: op %r is not implemented by the peer (plain IGP routing only)" % (i, kind))
    return net


def route(net):
    """Arc loads and lost Gbps: {(link_id, from, to): [capacity, load]}, lost."""
    dev, drained = net["devices"], {k for k, v in net["devices"].items() if v["drained"]}
    arcs = {}
    out_arcs = {v: [] for v in dev}  # v -> [(arc key, head, metric)]
    in_arcs = {v: [] for v in dev}   # u -> [(tail, metric)]
    for l in net["links"].values():
        up = sum(1 for m in l["members"] if m["up"])
        usable = l["up"] and up >= l["min_links"]
        cap = sum(m["cap"] for m in l["members"] if m["up"]) if usable else 0.0
        for u, v, metric in ((l["a"], l["b"], l["metric"]), (l["b"], l["a"], l["metric_ba"])):
            key = (l["id"], u, v)
            arcs[key] = [cap, 0.0]
            if usable:
                out_arcs[u].append((key, v, metric))
                in_arcs[v].append((u, metric))
    by_dst = {}
    lost = 0.0
    for (s, t), gbps in net["demands"].items():
        if s in dev and t in dev:
            by_dst.setdefault(t, {})[s] = gbps
        else:
            lost += gbps  # an end device was removed
    for t, sources in by_dst.items():
        # Dijkstra toward t on the reversed graph; a drained device gets a distance (it may
        # send) but is not expanded, so no path transits it.
        dist = {t: 0}
        heap = [(0, t)]
        done = set()
        while heap:
            d, u = heapq.heappop(heap)
            if u in done:
                continue
            done.add(u)
            if u != t and u in drained:
                continue
            for v, metric in in_arcs[u]:
                nd = d + metric
                if nd < dist.get(v, nd + 1):
                    dist[v] = nd
                    heapq.heappush(heap, (nd, v))
        # Push: farthest first, each node's traffic split equally over its shortest next hops.
        flow = {}
        for s, gbps in sources.items():
            if s in dist:
                flow[s] = gbps
            else:
                lost += gbps
        for v in sorted(dist, key=dist.get, reverse=True):
            f = flow.get(v, 0.0)
            if v == t or f == 0.0:
                continue
            hops = [(key, w) for key, w, metric in out_arcs[v]
                    if w in dist and dist[w] + metric == dist[v] and (w == t or w not in drained)]
            share = f / len(hops)
            for key, w in hops:
                arcs[key][1] += share
                flow[w] = flow.get(w, 0.0) + share
    return arcs, lost


def summary(arcs, lost):
    return {"max_util": max([load / cap for cap, load in arcs.values() if cap > 0] or [0.0]),
            "lost_gbps": lost, "arcs": len(arcs),
            "load_gbps": sum(load for cap, load in arcs.values())}


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("snapshot")
    p.add_argument("--change")
    p.add_argument("--loads-out")
    a = p.parse_args()
    t0 = time.perf_counter()
    net = read_snapshot(a.snapshot)
    change = None
    if a.change:
        with open(a.change) as f:
            change = json.load(f)
    t1 = time.perf_counter()
    before, lost_before = route(net)
    t2 = time.perf_counter()
    result = {"snapshot": a.snapshot, "change": change and change.get("id"),
              "devices": len(net["devices"]), "links": len(net["links"]),
              "demand_pairs": len(net["demands"]),
              "destinations": len({t for _, t in net["demands"]}),
              "before": summary(before, lost_before)}
    stages = {"read": t1 - t0, "route_before": t2 - t1}
    after = None
    if change is not None:
        after, lost_after = route(apply_change(net, change))
        stages["route_after"] = time.perf_counter() - t2
        result["after"] = summary(after, lost_after)
    if a.loads_out:
        t3 = time.perf_counter()
        with open(a.loads_out, "w") as f:
            f.write("side\tlink_id\tfrom\tto\tcapacity_gbps\tload_gbps\n")
            for side, arcs in (("before", before), ("after", after or {})):
                for (lid, u, v), (cap, load) in arcs.items():
                    f.write("%s\t%s\t%s\t%s\t%r\t%r\n" % (side, lid, u, v, cap, load))
        stages["write"] = time.perf_counter() - t3
    result["stages_s"] = {k: round(v, 3) for k, v in stages.items()}
    result["wall_s"] = round(time.perf_counter() - t0, 3)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
