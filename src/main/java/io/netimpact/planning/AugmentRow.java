package io.netimpact.planning;

/**
 * One {@code augment_plan} row: a link that needs more capacity. Capacities in Gbps; the
 * capacities are the base network's, before the plan and after its members are added.
 *
 * @param membersToAdd      members of {@code memberCapacityGbps} to add, over all rounds; &gt;= 1
 * @param worstUtilBefore   the link's worst utilisation (either arc) over the base and the
 *                          scenarios where it is usable, before the plan
 * @param worstUtilAfter    the same with the whole plan applied (the last round's evaluation)
 * @param drivingScenarioId the scenario that needs the most capacity on the link, in the last
 *                          round that added members to it (the sweep's id when the base
 *                          network itself needs it)
 */
public record AugmentRow(String runId, String linkId, int membersToAdd,
    double memberCapacityGbps, double capacityBeforeGbps, double capacityAfterGbps,
    double worstUtilBefore, double worstUtilAfter, String drivingScenarioId)
    implements java.io.Serializable {
  public AugmentRow {
    if (membersToAdd < 1) {
      throw new IllegalArgumentException("members to add must be >= 1, got " + membersToAdd);
    }
  }
}
