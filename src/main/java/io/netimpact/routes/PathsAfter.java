package io.netimpact.routes;

import java.io.Serializable;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The paths after a change of one pair's rerouted demands, kept once for all of them: the
 * union of the DAG arcs below their sources ({@link DagWalk#pathsBelow}), as local nodes with
 * their next-hop arcs, nearest the destination first. A demand names its source's local node;
 * its own paths are the arcs reachable from there. Rather than one walk per demand, arc by arc
 * (the demands of a pair share most of their paths), this costs one walk per pair, and
 * the at-risk test of every demand of the pair is one pass ({@link #crossing}). Demand
 * deduction keeps a destination's paths below all its pairs' sources in a more compact form
 * ({@link io.netimpact.routing.KeptPaths}, the same local nodes in the same order).
 *
 * <p>Immutable. Local node {@code i} has arcs {@code arcs[start[i] .. start[i+1])}, the
 * {@code j}-th leading to local node {@code heads[j]} (or -1: no node, for a flat list), and
 * every head comes before its tail.
 */
public final class PathsAfter implements Serializable {
  private static final long serialVersionUID = 1L;

  /** No paths: the demands that have none after. */
  public static final PathsAfter NONE = new PathsAfter(new int[] {0}, new int[0], new int[0]);

  private final int[] start;
  private final int[] arcs;
  private final int[] heads;

  /**
   * @throws IllegalArgumentException when the arrays do not make such a graph
   */
  public PathsAfter(int[] start, int[] arcs, int[] heads) {
    if (start.length == 0 || start[0] != 0 || start[start.length - 1] != arcs.length
        || heads.length != arcs.length) {
      throw new IllegalArgumentException("start must run from 0 to the " + arcs.length
          + " arcs, with a head per arc");
    }
    for (int i = 0; i + 1 < start.length; i++) {
      for (int j = start[i]; j < start[i + 1]; j++) {
        if (heads[j] >= i || heads[j] < -1) {
          throw new IllegalArgumentException("arc " + arcs[j] + " of local node " + i
              + " leads to " + heads[j] + ": heads come before their tails");
        }
      }
    }
    this.start = start;
    this.arcs = arcs;
    this.heads = heads;
  }

  /** One local node (0) with {@code arcs} and no nodes below: a path given as its arcs. */
  public static PathsAfter of(int[] arcs) {
    int[] heads = new int[arcs.length];
    Arrays.fill(heads, -1);
    return new PathsAfter(new int[] {0, arcs.length}, arcs.clone(), heads);
  }

  public int nodes() {
    return start.length - 1;
  }

  /** Arcs over all local nodes. */
  public int arcCount() {
    return arcs.length;
  }

  /**
   * For every local node, whether some path below it crosses an arc {@code flagged} accepts:
   * one pass, heads before tails. O(nodes + arcs).
   */
  public boolean[] crossing(IntPredicate flagged) {
    boolean[] out = new boolean[nodes()];
    for (int i = 0; i < out.length; i++) {
      boolean c = false;
      for (int j = start[i]; j < start[i + 1] && !c; j++) {
        c = flagged.test(arcs[j]) || (heads[j] >= 0 && out[heads[j]]);
      }
      out[i] = c;
    }
    return out;
  }

  /** The bytes these paths take: three int arrays and their headers. */
  public long bytes() {
    return 4L * (start.length + arcs.length + heads.length) + 64;
  }

  /** Hands every arc of these paths to {@code arc} (an arc below several nodes once per node). */
  public void forEachArc(java.util.function.IntConsumer arc) {
    for (int a : arcs) {
      arc.accept(a);
    }
  }

  /** The arcs below local node {@code node}, each once, ascending. O(the sub-DAG below it). */
  public int[] arcsBelow(int node) {
    if (node < 0) {
      return new int[0];
    }
    boolean[] seen = new boolean[nodes()];
    int[] stack = new int[nodes()];
    int top = 0;
    stack[top++] = node;
    seen[node] = true;
    it.unimi.dsi.fastutil.ints.IntArrayList out = new it.unimi.dsi.fastutil.ints.IntArrayList();
    while (top > 0) {
      int u = stack[--top];
      for (int j = start[u]; j < start[u + 1]; j++) {
        out.add(arcs[j]);
        int h = heads[j];
        if (h >= 0 && !seen[h]) {
          seen[h] = true;
          stack[top++] = h;
        }
      }
    }
    int[] a = out.toIntArray();
    Arrays.sort(a);
    return a;
  }

  /** Writes {@code p} as flat primitives (a scenario state's serialization). */
  public static void write(PathsAfter p, java.io.DataOutput out) throws java.io.IOException {
    Flat.writeInts(p.start, out);
    Flat.writeInts(p.arcs, out);
    Flat.writeInts(p.heads, out);
  }

  /** Reads what {@link #write} wrote, checked as the constructor checks. */
  public static PathsAfter read(java.io.DataInput in) throws java.io.IOException {
    int[] start = Flat.readInts(in);
    int[] arcs = Flat.readInts(in);
    int[] heads = Flat.readInts(in);
    return start.length == 1 && arcs.length == 0 ? NONE : new PathsAfter(start, arcs, heads);
  }
}
