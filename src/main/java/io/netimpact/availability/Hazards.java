package io.netimpact.availability;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * What the availability scenarios do to traffic, as the destinations need it: per scenario
 * (0 the base, then the failures in scenario order) its probability and, per group of
 * demands, the arcs where that group's traffic is dropped, ascending. A demand is hit in a
 * scenario when it is unroutable or some path of it crosses a drop arc of its group.
 *
 * <p>Without classes of service there is one group and its drop arcs are the arcs over
 * capacity ({@link io.netimpact.impact.ScenarioHits#overArcs}). This is where a class-aware
 * hit slots in: {@link #groupOf} maps each demand to its class, and {@code drops[j][g]} are the
 * arcs where class g drops traffic in scenario j; the walks ({@link DestinationHits}) already
 * run per group.
 *
 * <p>Immutable once made; its indexes are made once per JVM copy (thread-safe).
 */
public final class Hazards implements Serializable {
  private static final long serialVersionUID = 1L;
  private final double[] p;
  private final int[][][] drops;
  private final int[] groupOf;

  /**
   * @param p       per scenario, its probability
   * @param drops   per scenario, per group, the drop arcs ascending
   * @param groupOf per demand, its group; empty when every demand is in group 0
   */
  public Hazards(double[] p, int[][][] drops, int[] groupOf) {
    if (p.length != drops.length) {
      throw new IllegalArgumentException(p.length + " probabilities for " + drops.length
          + " scenarios");
    }
    this.p = p.clone();
    this.drops = drops;
    this.groupOf = groupOf.clone();
  }

  /** The probability of scenario {@code j}. */
  public double p(int j) {
    return p[j];
  }

  /** One group: {@code overArcs[j]} the arcs over capacity in scenario j. */
  public static Hazards overCapacity(double[] p, List<int[]> overArcs) {
    int[][][] d = new int[overArcs.size()][][];
    for (int j = 0; j < d.length; j++) {
      int[] a = overArcs.get(j).clone();
      Arrays.sort(a);
      d[j] = new int[][] {a};
    }
    return new Hazards(p, d, new int[0]);
  }

  /**
   * The hazards of the scenarios: without classes, every arc over capacity drops every
   * demand's traffic; with them, a demand's traffic drops only where one of its classes does
   * ({@link Hazards#byClass}; the base's arcs over capacity, {@code over.get(0)}, served here
   * from the base's per-class loads). {@code dropping.get(j)} gives the classes dropping on
   * each of {@code over.get(j)} for j &gt; 0.
   */
  public static Hazards of(double[] p, List<int[]> over, List<long[]> dropping,
      io.netimpact.routing.Network base, java.util.Optional<io.netimpact.impact.ClassService> classes) {
    if (classes.isEmpty()) {
      return Hazards.overCapacity(p, over);
    }
    io.netimpact.impact.ClassService cs = classes.get();
    int[] before = over.get(0);
    long[] beforeClasses = new long[before.length];
    for (int i = 0; i < before.length; i++) {
      beforeClasses[i] = cs.droppingBefore(before[i], base.arcCapacity(before[i]));
    }
    List<long[]> all = new java.util.ArrayList<>(dropping);
    all.set(0, beforeClasses);
    Hazards.Groups g = Hazards.Groups.of(cs.shares());
    return Hazards.byClass(p, over, all, g.mask(), g.groupOf());
  }

  /**
   * With classes of service (docs/classes.md): a demand's group is the set of classes it
   * carries ({@code groupMask[g]}, a bit per class), and in scenario j group g's traffic drops
   * on the arcs over capacity {@code overArcs[j]} whose dropping classes ({@code
   * dropping[j][i]} for arc {@code overArcs[j][i]}, {@link
   * io.netimpact.impact.ClassService#droppingClasses}) include one of its classes: a demand is
   * hit only where its own class drops. O(scenarios x over arcs x groups).
   */
  public static Hazards byClass(double[] p, List<int[]> overArcs, List<long[]> dropping,
      long[] groupMask, int[] groupOf) {
    int[][][] d = new int[overArcs.size()][groupMask.length][];
    for (int j = 0; j < d.length; j++) {
      int[] a = overArcs.get(j);
      long[] m = dropping.get(j);
      for (int g = 0; g < groupMask.length; g++) {
        IntArrayList arcs = new IntArrayList();
        for (int i = 0; i < a.length; i++) {
          if ((m[i] & groupMask[g]) != 0) {
            arcs.add(a[i]);
          }
        }
        int[] sorted = arcs.toIntArray();
        Arrays.sort(sorted);
        d[j][g] = sorted;
      }
    }
    return new Hazards(p, d, groupOf);
  }

  /**
   * Demands grouped by the set of classes they carry: {@code groupOf[k]} and {@code mask[g]}
   * (bit c when some of the group's traffic is in class c; classes past 63 are not told apart).
   */
  public record Groups(int[] groupOf, long[] mask) {
    /** The groups of the demands divided by {@code shares}. O(demands x classes). */
    public static Groups of(io.netimpact.routing.DemandClasses shares) {
      int kc = shares.count();
      double[] share = shares.share();
      int demands = share.length / kc;
      int[] groupOf = new int[demands];
      it.unimi.dsi.fastutil.longs.Long2IntLinkedOpenHashMap ids =
          new it.unimi.dsi.fastutil.longs.Long2IntLinkedOpenHashMap();
      for (int k = 0; k < demands; k++) {
        long m = 0;
        for (int c = 0; c < Math.min(64, kc); c++) {
          if (share[k * kc + c] > 0) {
            m |= 1L << c;
          }
        }
        groupOf[k] = ids.computeIfAbsent(m, x -> ids.size());
      }
      return new Groups(groupOf, ids.keySet().toLongArray());
    }
  }

  public int scenarios() {
    return p.length;
  }

  public int groups() {
    return drops.length == 0 ? 1 : drops[0].length;
  }

  public int groupOf(int demand) {
    return groupOf.length == 0 ? 0 : groupOf[demand];
  }

  /** Whether arc {@code a} drops group {@code g}'s traffic in scenario {@code j}. O(log). */
  public IntPredicate dropping(int j, int g) {
    int[] d = drops[j][g];
    return a -> Arrays.binarySearch(d, a) >= 0;
  }

  /** Whether scenario {@code j} drops traffic of group {@code g} anywhere. */
  public boolean drops(int j, int g) {
    return drops[j][g].length > 0;
  }

  /** The scenarios in which arc {@code a} drops some group's traffic, ascending. */
  public int[] scenariosDropping(int a) {
    int[] s = index().get(a);
    return s == null ? new int[0] : s;
  }

  private transient Int2ObjectOpenHashMap<int[]> byArc;
  private transient int[] byP;

  /** arc -> scenarios, made once per JVM copy. O(total drop arcs). */
  private synchronized Int2ObjectOpenHashMap<int[]> index() {
    if (byArc == null) {
      Int2ObjectOpenHashMap<IntArrayList> m = new Int2ObjectOpenHashMap<>();
      for (int j = 0; j < drops.length; j++) {
        for (int[] g : drops[j]) {
          for (int a : g) {
            IntArrayList l = m.computeIfAbsent(a, x -> new IntArrayList());
            if (l.isEmpty() || l.getInt(l.size() - 1) != j) {
              l.add(j);
            }
          }
        }
      }
      Int2ObjectOpenHashMap<int[]> out = new Int2ObjectOpenHashMap<>();
      m.forEach((a, l) -> out.put((int) a, l.toIntArray()));
      byArc = out;
    }
    return byArc;
  }

  /** The scenarios by decreasing probability, ties in scenario order. O(S log S) once. */
  public synchronized int[] byProbability() {
    if (byP == null) {
      byP = java.util.stream.IntStream.range(0, p.length).boxed()
          .sorted((x, y) -> p[x] != p[y] ? Double.compare(p[y], p[x]) : Integer.compare(x, y))
          .mapToInt(Integer::intValue).toArray();
    }
    return byP;
  }

  /** The probability of every scenario together (compensated sum). */
  public double covered() {
    double sum = 0;
    double comp = 0;
    for (double x : p) {
      double t = sum + x;
      comp += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
      sum = t;
    }
    return sum + comp;
  }
}
