package io.netimpact.planning;

import io.netimpact.model.Change;
import java.util.List;
import java.util.Optional;

/**
 * What the planner decided.
 *
 * @param rows       one per link that gets members, in snapshot link order
 * @param residual   scenarios still RISK or BLOCK with the plan applied, in scenario order
 * @param change     the plan as a change request of {@code add_member} ops; empty when the
 *                   plan adds nothing
 * @param rounds     plan computations made (the last one added nothing unless the round cap
 *                   was reached)
 * @param reswept    rounds whose evaluation routed the sweep again (added members changed some
 *                   link's usability); the others reused the previous routing
 * @param targetUtil the target utilisation
 */
public record AugmentPlan(List<AugmentRow> rows, List<ResidualRow> residual,
    Optional<Change> change, int rounds, int reswept, double targetUtil) {
  public AugmentPlan {
    rows = List.copyOf(rows);
    residual = List.copyOf(residual);
  }

  /** Members added over all links. */
  public int membersAdded() {
    return rows.stream().mapToInt(AugmentRow::membersToAdd).sum();
  }

  /** Capacity added over all links, in Gbps (each link counted once, not per direction). */
  public double capacityAddedGbps() {
    return rows.stream().mapToDouble(r -> r.membersToAdd() * r.memberCapacityGbps()).sum();
  }
}
