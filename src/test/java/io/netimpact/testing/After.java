package io.netimpact.testing;

import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import io.netimpact.routing.ScenarioMask;
import java.util.List;

/** The network after a change, for tests: the change's mask over the base, as a view. */
public final class After {
  private After() {}

  public static MaskedView of(Network base, Change change) {
    return MaskedView.of(base, ScenarioMask.of(base, change));
  }

  public static ScenarioMask mask(Network base, Change change) {
    return ScenarioMask.of(base, change);
  }

  public static ScenarioMask mask(Network base, ChangeOp... ops) {
    return mask(base, new Change("c", "", List.of(ops)));
  }

  public static MaskedView of(Network base, ChangeOp... ops) {
    return of(base, new Change("c", "", List.of(ops)));
  }
}
