package io.netimpact.survival;

import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Sweep;
import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The single failures a change is reviewed against (contract section 7.2): the scenarios the
 * sweep generators of the kinds make ({@code link_down}, {@code srlg_down}, {@code site_down},
 * and {@code remove_device} for devices), in the generators' order, read off the compiled
 * network so that a warm review (no snapshot read) makes the very same list.
 */
public final class Failures {
  private Failures() {}

  /**
   * Every single failure of {@code kinds} on {@code base}, in order: per kind as listed, links
   * and devices in snapshot order, SRLGs and sites in order of first appearance (over the links,
   * over the devices); a failure made by an earlier kind is not made again. Equal to
   * {@link Sweep#failures} on the snapshot {@code base} was compiled from. O(kinds x (V + E)).
   */
  public static List<Change> all(Network base, List<Sweep.Each> kinds) {
    Map<String, Change> out = new LinkedHashMap<>();
    for (Sweep.Each k : kinds) {
      switch (k) {
        case LINK -> {
          for (int l = 0; l < base.linkCount(); l++) {
            add(out, new ChangeOp.SetLinkUp(base.linkId(l), false));
          }
        }
        case SRLG -> {
          Set<String> seen = new LinkedHashSet<>();
          for (int l = 0; l < base.linkCount(); l++) {
            seen.addAll(List.of(base.linkSrlgs(l)));
          }
          seen.forEach(g -> add(out, new ChangeOp.SrlgDown(g)));
        }
        case DEVICE -> {
          for (int v = 0; v < base.nodeCount(); v++) {
            if (base.isPresent(v)) {
              add(out, new ChangeOp.RemoveDevice(base.nodeId(v)));
            }
          }
        }
        case SITE -> {
          Set<String> seen = new LinkedHashSet<>();
          for (int v = 0; v < base.nodeCount(); v++) {
            if (base.isPresent(v) && !base.site(v).isEmpty()) {
              seen.add(base.site(v));
            }
          }
          seen.forEach(s -> add(out, new ChangeOp.SiteDown(s)));
        }
        case PAIR -> throw new IllegalArgumentException(
            "a failure is a link, srlg, device or site, not a pair");
      }
    }
    return new ArrayList<>(out.values());
  }

  private static void add(Map<String, Change> out, ChangeOp op) {
    String id = op.opName() + ":" + op.target();
    out.putIfAbsent(id, new Change(id, op.opName() + " " + op.target(), List.of(op)));
  }

  /**
   * The failures of {@code all} that remain after {@code change} ({@code after}: the base with
   * the change's mask shown): those of elements the change removes or takes down are left out.
   * A failure is left out when the change has the same op on the same element, or when it
   * already does what the failure would: a link usable before and not after it (down, its
   * members below min-links, an end device removed); a device it removes; an SRLG whose every
   * link usable before is unusable after it; a site whose every device it removes. A failure
   * of an element that was already down before the change is kept (it changes nothing either
   * way, and is SAFE). O(failures + V + E).
   */
  public static List<Change> remaining(List<Change> all, Network base, MaskedView after,
      Change change) {
    Set<String> named = new HashSet<>();
    for (ChangeOp op : change.ops()) {
      named.add(op.opName() + ":" + op.target());
    }
    List<Change> out = new ArrayList<>();
    for (Change f : all) {
      if (!named.contains(f.id()) && !alreadyDone(f.ops().get(0), base, after)) {
        out.add(f);
      }
    }
    return out;
  }

  private static boolean alreadyDone(ChangeOp op, Network base, MaskedView after) {
    if (op instanceof ChangeOp.SetLinkUp l) {
      int i = base.link(l.link()).orElseThrow();
      return base.isUsable(i) && !after.isUsable(i);
    }
    if (op instanceof ChangeOp.RemoveDevice d) {
      return !after.isPresent(base.node(d.device()).orElseThrow());
    }
    if (op instanceof ChangeOp.SrlgDown g) {
      boolean any = false;
      for (int l = 0; l < base.linkCount(); l++) {
        if (base.isUsable(l) && List.of(base.linkSrlgs(l)).contains(g.srlg())) {
          any = true;
          if (after.isUsable(l)) {
            return false;
          }
        }
      }
      return any;
    }
    if (op instanceof ChangeOp.SiteDown s) {
      boolean any = false;
      for (int v = 0; v < base.nodeCount(); v++) {
        if (base.isPresent(v) && base.site(v).equals(s.site())) {
          any = true;
          if (after.isPresent(v)) {
            return false;
          }
        }
      }
      return any;
    }
    throw new IllegalArgumentException("not a failure: " + op);
  }
}
