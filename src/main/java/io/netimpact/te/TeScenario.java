package io.netimpact.te;

import io.netimpact.verdict.LspImpact;
import io.netimpact.verdict.PolicyChange;
import java.util.List;

/**
 * What traffic engineering changes in one scenario, computed on the driver before the
 * evaluation and shipped with the overlay: the TE load deltas per arc, the per-pair facts
 * needed to restate the demands TE steers, and the LSP and policy rows (run id filled in when
 * the report is made). Plain arrays, serializable.
 *
 * @param deltaArcs   arcs whose TE load changes, with {@code delta} (after minus before, Gbps)
 * @param pairs       network demands TE steers before or after, ascending
 * @param steeredB    per pair, Gbps TE steers before; {@code steeredA} after
 * @param residualB   per pair, Gbps left to plain IGP before; {@code residualA} after
 * @param teLatB      per pair, Gbps x ms of the TE-steered traffic before; {@code teLatA} after
 * @param fpB         per pair, fingerprint of the TE way before; {@code fpA} after
 * @param teArcsA     per pair, the arcs the TE-steered traffic crosses after
 * @param gbpsA       per pair, its whole volume after
 * @param igpRoutableB per pair, whether its IGP way before has a path; {@code igpLatencyB}
 *                    that way's latency (ms, NaN without a path), {@code igpArcsB} its arcs
 * @param lsps        LSP rows with an empty run id
 * @param policies    policies whose way changed
 */
public record TeScenario(int[] deltaArcs, double[] delta, int[] pairs, double[] steeredB,
    double[] steeredA, double[] residualB, double[] residualA, double[] teLatB, double[] teLatA,
    long[] fpB, long[] fpA, int[][] teArcsA, double[] gbpsA, boolean[] igpRoutableB,
    double[] igpLatencyB, int[][] igpArcsB, List<LspImpact> lsps,
    List<PolicyChange> policies) implements java.io.Serializable {

  /** A scenario TE leaves as it is. */
  static TeScenario unchanged() {
    return new TeScenario(new int[0], new double[0], new int[0], new double[0], new double[0],
        new double[0], new double[0], new double[0], new double[0], new long[0], new long[0],
        new int[0][], new double[0], new boolean[0], new double[0], new int[0][], List.of(),
        List.of());
  }
}
