package io.netimpact.availability;

import io.netimpact.model.Change;
import io.netimpact.model.FailureModel;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Snapshot;
import io.netimpact.model.Sweep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The scenarios of a failure model on a snapshot and their probabilities (contract 7.6): the
 * base, every single failure of an element with p > 0, and every pair of them whose
 * probability is at least the cutoff.
 *
 * <p>The singles are those the sweep generators make ({@link Sweep#failures}: {@code link_down},
 * {@code srlg_down}, {@code remove_device}, {@code site_down}), a pair is {@link Sweep#then} of
 * two of them in that order, so a pair has the id and ops a pair generator gives it. With
 * {@code U} the probability that every element with p > 0 is up (computed once, in log space)
 * and {@code r(e) = p(e) / (1 - p(e))}, a single has {@code P = U r(e)} and a pair
 * {@code P = U r(e) r(f)}. Pairs below the cutoff are never made: the singles are sorted by
 * {@code r} once, and for each the partners are taken in decreasing {@code r} until the
 * product drops below the cutoff. O(n log n + kept pairs log kept pairs) for n singles.
 *
 * @param singles     the single failures, in generator order
 * @param pSingles    their probabilities, aligned
 * @param pairs       the kept pairs, in generator order (first single before second)
 * @param pPairs      their probabilities, aligned
 * @param pBase       the probability that nothing fails
 * @param prunedPairs pairs of elements with p > 0 left out by the cutoff
 * @param cutoff      the cutoff (0: every pair kept)
 */
public record FailureScenarios(List<Change> singles, double[] pSingles, List<Change> pairs,
    double[] pPairs, double pBase, long prunedPairs, double cutoff) {
  public FailureScenarios {
    singles = List.copyOf(singles);
    pairs = List.copyOf(pairs);
    pSingles = pSingles.clone();
    pPairs = pPairs.clone();
    if (singles.size() != pSingles.length || pairs.size() != pPairs.length) {
      throw new IllegalArgumentException("one probability per scenario");
    }
  }

  /**
   * The scenarios of {@code model} on {@code s}, pairs with probability below {@code cutoff}
   * left out.
   *
   * @throws IllegalArgumentException when the cutoff is not in [0, 1)
   */
  public static FailureScenarios of(FailureModel model, Snapshot s, double cutoff) {
    FailureModel.check(cutoff, "cutoff");
    List<Sweep.Each> kinds = new ArrayList<>();
    for (Sweep.Each k : List.of(Sweep.Each.LINK, Sweep.Each.SRLG, Sweep.Each.DEVICE,
        Sweep.Each.SITE)) {
      if (model.mayFail(k)) {
        kinds.add(k);
      }
    }
    List<Change> singles = new ArrayList<>();
    List<Double> ps = new ArrayList<>();
    if (!kinds.isEmpty()) {
      for (Change c : Sweep.failures(kinds, Optional.empty(), Optional.empty(),
          Optional.empty(), s)) {
        double p = model.p(kindOf(c), c.ops().get(0).target());
        if (p > 0) {
          singles.add(c);
          ps.add(p);
        }
      }
    }
    int n = singles.size();
    double logUp = 0;
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      double p = ps.get(i);
      logUp += Math.log1p(-p);
      r[i] = p / (1 - p);
    }
    double up = Math.exp(logUp);
    double[] pSingle = new double[n];
    for (int i = 0; i < n; i++) {
      pSingle[i] = up * r[i];
    }
    // Partners in decreasing r: stop at the first whose pair falls below the cutoff.
    Integer[] byR = new Integer[n];
    for (int i = 0; i < n; i++) {
      byR[i] = i;
    }
    Arrays.sort(byR, (x, y) -> r[x] != r[y] ? Double.compare(r[y], r[x]) : Integer.compare(x, y));
    List<long[]> kept = new ArrayList<>();
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        int i = byR[a];
        int j = byR[b];
        if (up * r[i] * r[j] < cutoff) {
          break;
        }
        kept.add(new long[] {Math.min(i, j), Math.max(i, j)});
      }
    }
    kept.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
    List<Change> pairs = new ArrayList<>(kept.size());
    double[] pPair = new double[kept.size()];
    for (int k = 0; k < kept.size(); k++) {
      int i = (int) kept.get(k)[0];
      int j = (int) kept.get(k)[1];
      pairs.add(Sweep.then(singles.get(i), singles.get(j)));
      pPair[k] = up * r[i] * r[j];
    }
    long all = (long) n * (n - 1) / 2;
    return new FailureScenarios(singles, pSingle, pairs, pPair, up, all - kept.size(), cutoff);
  }

  /** The kind of element a single failure fails. */
  static Sweep.Each kindOf(Change single) {
    ChangeOp op = single.ops().get(0);
    if (op instanceof ChangeOp.SetLinkUp) {
      return Sweep.Each.LINK;
    } else if (op instanceof ChangeOp.SrlgDown) {
      return Sweep.Each.SRLG;
    } else if (op instanceof ChangeOp.RemoveDevice) {
      return Sweep.Each.DEVICE;
    } else if (op instanceof ChangeOp.SiteDown) {
      return Sweep.Each.SITE;
    }
    throw new IllegalArgumentException("not a single failure: " + single.id());
  }

  /** The failure scenarios, singles then pairs (the base is not one of them). */
  public List<Change> changes() {
    List<Change> out = new ArrayList<>(singles);
    out.addAll(pairs);
    return out;
  }

  /** Their probabilities, aligned with {@link #changes}. */
  public double[] probabilities() {
    double[] out = Arrays.copyOf(pSingles, pSingles.length + pPairs.length);
    System.arraycopy(pPairs, 0, out, pSingles.length, pPairs.length);
    return out;
  }

  /**
   * The probability of the evaluated scenarios together: the base, the singles and the kept
   * pairs (Neumaier's compensated sum).
   */
  public double covered() {
    double sum = pBase;
    double comp = 0;
    for (double[] ps : new double[][] {pSingles, pPairs}) {
      for (double p : ps) {
        double t = sum + p;
        comp += Math.abs(sum) >= Math.abs(p) ? (sum - t) + p : (p - t) + sum;
        sum = t;
      }
    }
    return sum + comp;
  }

  /** What the evaluated scenarios leave out: three or more failures, and pruned pairs. */
  public double uncovered() {
    return Math.max(0, 1 - covered());
  }

  /**
   * The sweep's scenarios with these added: a failure the sweep already lists (same id, same
   * ops, as when it has an {@code each} or pair generator of that kind) is evaluated once and
   * shared; the others are appended, singles then pairs, the pairs marked as pairs (contract
   * 7.3: listed only when not SAFE unless {@code --all-rows}).
   *
   * @param expansion the sweep's own scenarios (empty when it lists none)
   * @return the scenarios, and per failure scenario (in {@link #changes} order) its index there
   * @throws IllegalArgumentException when a scenario of the sweep has a failure's id but other
   *     ops
   */
  public Joined joinedTo(Sweep.Expansion expansion) {
    List<Change> all = new ArrayList<>(expansion.changes());
    java.util.BitSet pairs = new java.util.BitSet();
    java.util.Map<String, Integer> byId = new java.util.HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      byId.put(all.get(i).id(), i);
      if (expansion.isPair(i)) {
        pairs.set(i);
      }
    }
    List<Change> mine = changes();
    int[] index = new int[mine.size()];
    for (int j = 0; j < mine.size(); j++) {
      Change c = mine.get(j);
      Integer i = byId.get(c.id());
      if (i != null) {
        if (!all.get(i).ops().equals(c.ops())) {
          throw new IllegalArgumentException("scenario \"" + c.id() + "\" of the sweep has the "
              + "id of a failure of the failure model but other ops");
        }
        index[j] = i;
      } else {
        index[j] = all.size();
        if (j >= singles.size()) {
          pairs.set(all.size());
        }
        all.add(c);
      }
    }
    return new Joined(new Sweep.Expansion(all, pairs), index);
  }

  /**
   * A sweep's scenarios with the failure scenarios joined.
   *
   * @param expansion   every scenario to evaluate
   * @param sweepIndex  per failure scenario ({@link #changes} order), its index in
   *                    {@code expansion}
   */
  public record Joined(Sweep.Expansion expansion, int[] sweepIndex) {
    public Joined {
      sweepIndex = sweepIndex.clone();
    }
  }
}
