package io.netimpact.deduce;

import io.netimpact.routing.Network;
import java.util.Arrays;

/**
 * The equations deduction fits, as one linear map over the pairs' volumes: a row per measured
 * arc (the arc's load, {@code A x} at that arc), then a row per known device total (the sum of
 * the pairs leaving the device, or reaching it). Matrix-free over a {@link RoutingOperator}:
 * O(one push and pull + pairs) per call.
 */
final class FitOperator implements LinearMap {
  private final RoutingOperator routing;
  private final int[] measuredArc;
  private final int[] inRow;
  private final int[] outRow;
  private final int rows;
  private final double[] arcs;

  /**
   * @param measuredArc the arc of each of the first rows
   * @param inRow       per device, the row of its entering total, or -1
   * @param outRow      per device, the row of its leaving total, or -1
   */
  FitOperator(RoutingOperator routing, int[] measuredArc, int[] inRow, int[] outRow, int rows) {
    this.routing = routing;
    this.measuredArc = measuredArc;
    this.inRow = inRow;
    this.outRow = outRow;
    this.rows = rows;
    this.arcs = new double[routing.rows()];
  }

  @Override
  public int rows() {
    return rows;
  }

  @Override
  public int cols() {
    return routing.cols();
  }

  @Override
  public void apply(double[] x, double[] out) {
    routing.apply(x, arcs);
    Arrays.fill(out, 0);
    for (int i = 0; i < measuredArc.length; i++) {
      out[i] = arcs[measuredArc[i]];
    }
    Network net = routing.network();
    for (int k = 0; k < x.length; k++) {
      int s = inRow[net.demandSrc(k)];
      if (s >= 0) {
        out[s] += x[k];
      }
      int d = outRow[net.demandDst(k)];
      if (d >= 0) {
        out[d] += x[k];
      }
    }
  }

  @Override
  public void adjoint(double[] y, double[] out) {
    Arrays.fill(arcs, 0);
    for (int i = 0; i < measuredArc.length; i++) {
      arcs[measuredArc[i]] = y[i];
    }
    routing.adjoint(arcs, out);
    Network net = routing.network();
    for (int k = 0; k < out.length; k++) {
      int s = inRow[net.demandSrc(k)];
      int d = outRow[net.demandDst(k)];
      out[k] += (s >= 0 ? y[s] : 0) + (d >= 0 ? y[d] : 0);
    }
  }

  /** The map {@code z -> M (w * z)}: columns scaled by {@code w}. */
  static LinearMap scaled(LinearMap m, double[] w) {
    return new LinearMap() {
      private final double[] buf = new double[m.cols()];

      @Override
      public int rows() {
        return m.rows();
      }

      @Override
      public int cols() {
        return m.cols();
      }

      @Override
      public void apply(double[] x, double[] out) {
        for (int k = 0; k < buf.length; k++) {
          buf[k] = w[k] * x[k];
        }
        m.apply(buf, out);
      }

      @Override
      public void adjoint(double[] y, double[] out) {
        m.adjoint(y, out);
        for (int k = 0; k < out.length; k++) {
          out[k] *= w[k];
        }
      }
    };
  }
}
