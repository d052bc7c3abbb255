package io.netimpact.survival;

import io.netimpact.impact.PairComposition;
import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Sweep;
import io.netimpact.routing.Network;
import io.netimpact.routing.ScenarioMask;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pairs of failures of a sweep's expansion, as a {@link PairComposition}: each pair
 * scenario (two ops, the first failure's then the second's, contract section 7.3) names its
 * two single failures, each single masked once however many pairs it is in. The expansion
 * itself (scenarios, ids, order) is left as it is. O(pairs + singles x mask).
 */
public final class PairPlan {
  private PairPlan() {}

  /** The composition of {@code e}'s pairs over {@code base}; none when it has no pair. */
  public static PairComposition of(Network base, Sweep.Expansion e) {
    if (e.pairCount() == 0) {
      return PairComposition.none();
    }
    List<Change> changes = e.changes();
    int[] first = new int[changes.size()];
    int[] second = new int[changes.size()];
    Arrays.fill(first, -1);
    Arrays.fill(second, -1);
    Map<ChangeOp, Integer> index = new HashMap<>();
    List<ScenarioMask> singles = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      List<ChangeOp> ops = changes.get(i).ops();
      if (!e.isPair(i) || ops.size() != 2) {
        continue;
      }
      first[i] = single(base, ops.get(0), index, singles);
      second[i] = single(base, ops.get(1), index, singles);
    }
    return PairComposition.of(singles, first, second);
  }

  private static int single(Network base, ChangeOp op, Map<ChangeOp, Integer> index,
      List<ScenarioMask> singles) {
    return index.computeIfAbsent(op, o -> {
      singles.add(ScenarioMask.of(base, new Change("single", "", List.of(o))));
      return singles.size() - 1;
    });
  }
}
