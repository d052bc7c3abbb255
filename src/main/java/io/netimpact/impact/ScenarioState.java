package io.netimpact.impact;

import io.netimpact.routes.PairResult;
import io.netimpact.routes.PathsAfter;
import io.netimpact.routes.RouteChange;
import it.unimi.dsi.fastutil.ints.Int2DoubleMap;
import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What one scenario changes, summed over some destinations: arc load deltas (sparse, Gbps),
 * lost traffic of the recomputed demands before and after, traffic newly without a path, and
 * the demands whose routing changed. Mergeable in the manner of Deequ's states: the states of
 * disjoint destination sets {@link #merge} into the state of their union in O(the smaller
 * one), so the plain-Java loop, a task's pre-merge and Spark's reduce are one operation.
 */
public final class ScenarioState implements Serializable {
  private static final long serialVersionUID = 5L;

  private final int scenario;
  // The deltas and the route changes are written as flat primitives (writeObject): a sweep
  // ships millions of route changes between tasks, and Java serialization of a record per
  // change spent most of the merge in its handle table.
  private transient Int2DoubleOpenHashMap delta = new Int2DoubleOpenHashMap();
  private double lostBefore;
  private double lostAfter;
  private double newlyUnroutable;
  private transient ArrayList<RouteChange> changes = new ArrayList<>();
  private long pairs;
  // Per-class load deltas with classes of service (empty without): key (arc << 16) | class.
  private transient it.unimi.dsi.fastutil.longs.Long2DoubleOpenHashMap classDelta =
      new it.unimi.dsi.fastutil.longs.Long2DoubleOpenHashMap();

  // Dense filling (a pair screen's slice, where a pair's deltas reach most arcs from hundreds of
  // destinations): every arc's delta in an array, folded into the map at the first read of the
  // deltas, one entry per arc touched. An arc not touched holds -0.0, which no touched arc can
  // hold (see addLoad), so no second structure is read on every addition. Null once folded, or
  // never set.
  private transient double[] dense;
  private static final long UNTOUCHED = Double.doubleToRawLongBits(-0.0);

  public ScenarioState(int scenario) {
    this.scenario = scenario;
  }

  /**
   * An empty state whose load deltas are summed into an array of {@code arcs} while it is
   * filled, and kept sparse from the first read on (the same values, added in the same order):
   * for a state that takes many deltas per arc. O(arcs) memory until then.
   */
  public static ScenarioState dense(int scenario, int arcs) {
    ScenarioState s = new ScenarioState(scenario);
    s.dense = new double[arcs];
    java.util.Arrays.fill(s.dense, -0.0);
    return s;
  }

  /** The deltas, the dense array folded in first if there is one. O(arcs) once, else O(1). */
  private Int2DoubleOpenHashMap deltas() {
    if (dense != null) {
      int n = 0;
      for (double v : dense) {
        n += Double.doubleToRawLongBits(v) == UNTOUCHED ? 0 : 1;
      }
      Int2DoubleOpenHashMap d = new Int2DoubleOpenHashMap(Math.max(16, n));
      for (int a = 0; a < dense.length; a++) {
        if (Double.doubleToRawLongBits(dense[a]) != UNTOUCHED) {
          d.put(a, dense[a]);
        }
      }
      delta = d;
      dense = null;
    }
    return delta;
  }

  public int scenario() {
    return scenario;
  }

  /** (scenario, destination) pairs evaluated into this state. */
  public long pairs() {
    return pairs;
  }

  /** Adds a load delta for an arc. */
  public void addLoad(int arc, double gbps) {
    if (dense != null) {
      // The same sums as the map's addTo, which starts an arc at 0.0: -0.0 + x == 0.0 + x for
      // every x but -0.0, taken as +0.0 here as 0.0 + -0.0 is there. A touched arc never
      // holds -0.0 again: a sum is -0.0 only when both terms are, and no term here is.
      dense[arc] += gbps + 0.0;
    } else {
      delta.addTo(arc, gbps);
    }
  }

  /** Adds a load delta of one class on an arc (classes of service, docs/classes.md). */
  public void addClassLoad(int cls, int arc, double gbps) {
    classDelta.addTo(classKey(arc, cls), gbps);
  }

  static long classKey(int arc, int cls) {
    return ((long) arc << 16) | cls;
  }

  /** The per-class load deltas: key {@code (arc << 16) | class}, Gbps. */
  it.unimi.dsi.fastutil.longs.Long2DoubleOpenHashMap classDelta() {
    return classDelta;
  }

  /** Adds one evaluated pair (its load deltas went to {@link #addLoad}). */
  public void add(PairResult r) {
    lostBefore += r.lostBefore();
    lostAfter += r.lostAfter();
    newlyUnroutable += r.newlyUnroutable();
    changes.addAll(r.changes());
    pairs++;
  }

  /**
   * Replaces the route changes of the demands {@code replaced} accepts with {@code with}:
   * traffic engineering restates the demands it steers from their IGP part's changes.
   * O(changes + with).
   */
  public void replaceChanges(java.util.function.IntPredicate replaced, List<RouteChange> with) {
    changes.removeIf(c -> replaced.test(c.demand()));
    changes.addAll(with);
  }

  /** Adds {@code o} into this (or this into {@code o}, whichever is smaller); returns the sum. */
  public ScenarioState merge(ScenarioState o) {
    if (o.scenario != scenario) {
      throw new IllegalArgumentException("states of scenarios " + scenario + " and "
          + o.scenario + " do not merge");
    }
    ScenarioState big = deltas().size() >= o.deltas().size() ? this : o;
    ScenarioState small = big == this ? o : this;
    for (Int2DoubleMap.Entry e : small.delta.int2DoubleEntrySet()) {
      big.delta.addTo(e.getIntKey(), e.getDoubleValue());
    }
    it.unimi.dsi.fastutil.longs.Long2DoubleOpenHashMap bigC = big.classDelta;
    it.unimi.dsi.fastutil.longs.Long2DoubleOpenHashMap smallC = small.classDelta;
    if (bigC.size() < smallC.size()) {
      big.classDelta = smallC;
      smallC = bigC;
    }
    for (it.unimi.dsi.fastutil.longs.Long2DoubleMap.Entry e : smallC.long2DoubleEntrySet()) {
      big.classDelta.addTo(e.getLongKey(), e.getDoubleValue());
    }
    big.lostBefore += small.lostBefore;
    big.lostAfter += small.lostAfter;
    big.newlyUnroutable += small.newlyUnroutable;
    big.changes.addAll(small.changes);
    big.pairs += small.pairs;
    return big;
  }

  /**
   * Finishes the state of a {@link io.netimpact.routing.ScenarioMask.Growth}: this is the
   * state of its routing mask (the change at the base's volumes) summed over every
   * destination, and the result is the state of the whole change, every volume times {@code
   * factor}. Loads are linear in the volumes: after = f x after(routing), so the delta of an
   * arc is f x (its routing delta) + (f - 1) x (its base load); traffic without a path scales
   * likewise (before: the base's, all of it recomputed; after: f x the routing's), as does the
   * traffic newly without a path (measured at the volume after). Route changes are the
   * routing's: latencies do not depend on volumes. No destination is routed or pushed.
   * O(arcs). Returns this, changed.
   */
  public ScenarioState grown(double factor, Baseline base) {
    Int2DoubleOpenHashMap d = new Int2DoubleOpenHashMap(Math.max(16, deltas().size()));
    for (Int2DoubleMap.Entry e : delta.int2DoubleEntrySet()) {
      d.put(e.getIntKey(), factor * e.getDoubleValue());
    }
    double[] load = base.load();
    for (int a = 0; a < load.length; a++) {
      if (load[a] != 0) {
        d.addTo(a, (factor - 1) * load[a]);
      }
    }
    delta = d;
    double before = lostBefore;
    double after = lostAfter;
    lostBefore = base.unroutable() + factor * before;
    lostAfter = factor * (base.unroutable() + after);
    newlyUnroutable *= factor;
    return this;
  }

  Int2DoubleOpenHashMap delta() {
    return deltas();
  }

  double lostBefore() {
    return lostBefore;
  }

  double lostAfter() {
    return lostAfter;
  }

  double newlyUnroutable() {
    return newlyUnroutable;
  }

  /** The demands whose routing changed, in no particular order. */
  public List<RouteChange> changes() {
    return changes;
  }

  /**
   * Writes this state as flat primitives, every field: how it crosses processes (Kryo in the
   * Spark jobs, Java serialization elsewhere), read back by {@link #read}. The deltas as (arc,
   * Gbps) pairs, each pair's paths after once and every route change naming them by number.
   * O(deltas + changes + their paths).
   */
  public void write(java.io.DataOutput out) throws IOException {
    out.writeInt(scenario);
    out.writeDouble(lostBefore);
    out.writeDouble(lostAfter);
    out.writeDouble(newlyUnroutable);
    out.writeLong(pairs);
    writeBody(out);
  }

  /** The state {@link #write} wrote. O(its size). */
  public static ScenarioState read(java.io.DataInput in) throws IOException {
    ScenarioState s = new ScenarioState(in.readInt());
    s.lostBefore = in.readDouble();
    s.lostAfter = in.readDouble();
    s.newlyUnroutable = in.readDouble();
    s.pairs = in.readLong();
    s.readBody(in);
    return s;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    writeBody(out);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    readBody(in);
  }

  private void writeBody(java.io.DataOutput out) throws IOException {
    out.writeInt(deltas().size());
    for (Int2DoubleMap.Entry e : delta.int2DoubleEntrySet()) {
      out.writeInt(e.getIntKey());
      out.writeDouble(e.getDoubleValue());
    }
    // Each pair's paths after once, then every change naming its pair's paths by number.
    java.util.IdentityHashMap<PathsAfter, Integer> numbers = new java.util.IdentityHashMap<>();
    List<PathsAfter> paths = new ArrayList<>();
    for (RouteChange c : changes) {
      if (numbers.putIfAbsent(c.pathsAfter(), paths.size()) == null) {
        paths.add(c.pathsAfter());
      }
    }
    out.writeInt(paths.size());
    for (PathsAfter p : paths) {
      PathsAfter.write(p, out);
    }
    out.writeInt(changes.size());
    for (RouteChange c : changes) {
      out.writeInt(c.demand());
      out.writeByte((c.routableBefore() ? 1 : 0) | (c.routableAfter() ? 2 : 0));
      out.writeDouble(c.latencyBeforeMs());
      out.writeDouble(c.latencyAfterMs());
      out.writeDouble(c.gbpsAfter());
      out.writeInt(numbers.get(c.pathsAfter()));
      out.writeInt(c.pathNode());
    }
    out.writeInt(classDelta.size());
    for (it.unimi.dsi.fastutil.longs.Long2DoubleMap.Entry e : classDelta.long2DoubleEntrySet()) {
      out.writeLong(e.getLongKey());
      out.writeDouble(e.getDoubleValue());
    }
  }

  private void readBody(java.io.DataInput in) throws IOException {
    int deltas = in.readInt();
    delta = new Int2DoubleOpenHashMap(Math.max(deltas, 16));
    for (int i = 0; i < deltas; i++) {
      delta.put(in.readInt(), in.readDouble());
    }
    PathsAfter[] paths = new PathsAfter[in.readInt()];
    for (int i = 0; i < paths.length; i++) {
      paths[i] = PathsAfter.read(in);
    }
    int n = in.readInt();
    changes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int demand = in.readInt();
      int flags = in.readByte();
      double latB = in.readDouble();
      double latA = in.readDouble();
      double gbps = in.readDouble();
      PathsAfter p = paths[in.readInt()];
      int node = in.readInt();
      changes.add(new RouteChange(demand, (flags & 1) != 0, (flags & 2) != 0, latB, latA, p,
          node, gbps));
    }
    int classDeltas = in.readInt();
    classDelta = new it.unimi.dsi.fastutil.longs.Long2DoubleOpenHashMap(Math.max(classDeltas, 16));
    for (int i = 0; i < classDeltas; i++) {
      classDelta.put(in.readLong(), in.readDouble());
    }
  }
}
