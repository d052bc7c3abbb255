package io.netimpact.verdict;

import java.util.List;

/**
 * What classes of service make of one scenario: its {@code class_impact} rows, the {@code
 * scenario_summary} figures {@code protected_dropped_gbps_after} and {@code
 * dropped_gbps_after}, and whether a protected class (or another) newly drops on some arc.
 * {@link #NONE} without {@code classes.json}.
 *
 * @param present                  whether the snapshot has classes
 * @param rows                     the rows, by arc then class priority
 * @param protectedDroppedGbpsAfter Gbps of protected classes dropped after, over all arcs
 * @param droppedGbpsAfter         Gbps of every class dropped after, over all arcs
 * @param newlyProtected           a protected class drops on an arc where it did not
 * @param newlyOther               another class drops on an arc where it did not
 */
public record ClassReport(boolean present, List<ClassImpact> rows,
    double protectedDroppedGbpsAfter, double droppedGbpsAfter, boolean newlyProtected,
    boolean newlyOther) implements java.io.Serializable {
  public static final ClassReport NONE = new ClassReport(false, List.of(), 0, 0, false, false);

  public ClassReport {
    rows = List.copyOf(rows);
  }
}
