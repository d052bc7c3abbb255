package io.netimpact.impact;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Each base link's heaviest load at each capacity it had over a sweep's scenarios: for every
 * distinct capacity the link had in some scenario where it is usable, the highest load of
 * either of its arcs at that capacity and the first scenario (in scenario order) with that
 * load. This is what the augmentation plan needs beyond {@link WorstCase}: the worst
 * utilisation with {@code C} Gbps added is the maximum over the entries of
 * {@code load / (capacity + C)}, and which entry is the maximum depends on {@code C} when
 * scenarios (a member down) lower the capacity. A link has as many entries as distinct
 * capacities it takes (usually one or two).
 *
 * <p>Mergeable like {@link ScenarioState}: the curves of disjoint scenario sets merge into the
 * curve of their union. O(1) amortised per arc folded for a link of few distinct capacities
 * (O(c) for c capacities); O(entries) to merge.
 */
public final class CapacityCurve implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double[][] capacity;
  private final double[][] load;
  private final int[][] scenario;
  private final int[] size;

  public CapacityCurve(int baseLinks) {
    capacity = new double[baseLinks][];
    load = new double[baseLinks][];
    scenario = new int[baseLinks][];
    size = new int[baseLinks];
  }

  /** One point of a link's curve: its load in Gbps at a capacity in Gbps, and where. */
  public record Point(double capacityGbps, double loadGbps, int scenario) {}

  public int linkCount() {
    return size.length;
  }

  /** Folds an arc of link {@code l} in scenario {@code s}, usable there. O(entries of l). */
  void add(int l, int s, double arcLoad, double arcCapacity) {
    int n = size[l];
    for (int i = 0; i < n; i++) {
      if (capacity[l][i] == arcCapacity) {
        if (arcLoad > load[l][i] || (arcLoad == load[l][i] && s < scenario[l][i])) {
          load[l][i] = arcLoad;
          scenario[l][i] = s;
        }
        return;
      }
    }
    if (n == 0) {
      capacity[l] = new double[1];
      load[l] = new double[1];
      scenario[l] = new int[1];
    } else if (n == capacity[l].length) {
      capacity[l] = Arrays.copyOf(capacity[l], 2 * n);
      load[l] = Arrays.copyOf(load[l], 2 * n);
      scenario[l] = Arrays.copyOf(scenario[l], 2 * n);
    }
    capacity[l][n] = arcCapacity;
    load[l][n] = arcLoad;
    scenario[l][n] = s;
    size[l] = n + 1;
  }

  /** Renames scenario i to {@code index[i]} in every entry (see {@link WorstCase#renumbered}). */
  void renumber(int[] index) {
    for (int l = 0; l < scenario.length; l++) {
      for (int i = 0; i < size[l]; i++) {
        scenario[l][i] = index[scenario[l][i]];
      }
    }
  }

  /** Adds {@code o} into this and returns this. O(entries of both). */
  public CapacityCurve merge(CapacityCurve o) {
    for (int l = 0; l < size.length; l++) {
      for (int i = 0; i < o.size[l]; i++) {
        add(l, o.scenario[l][i], o.load[l][i], o.capacity[l][i]);
      }
    }
    return this;
  }

  /** Link {@code l}'s points, in the order their capacities were first seen. O(entries). */
  public Point[] points(int l) {
    Point[] out = new Point[size[l]];
    for (int i = 0; i < out.length; i++) {
      out[i] = new Point(capacity[l][i], load[l][i], scenario[l][i]);
    }
    return out;
  }
}
