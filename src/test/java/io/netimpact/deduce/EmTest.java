package io.netimpact.deduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EmTest {

  /** A dense non-negative matrix as a {@link LinearMap}. */
  private static LinearMap dense(double[][] a) {
    return new LinearMap() {
      @Override
      public int rows() {
        return a.length;
      }

      @Override
      public int cols() {
        return a[0].length;
      }

      @Override
      public void apply(double[] x, double[] out) {
        for (int i = 0; i < a.length; i++) {
          double s = 0;
          for (int k = 0; k < x.length; k++) {
            s += a[i][k] * x[k];
          }
          out[i] = s;
        }
      }

      @Override
      public void adjoint(double[] y, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (int i = 0; i < a.length; i++) {
          for (int k = 0; k < out.length; k++) {
            out[k] += a[i][k] * y[i];
          }
        }
      }
    };
  }

  @Test
  void oneStep_isTheHandWorkedMultiplicativeUpdate() {
    // rows: x0 + x1 = 6, x1 + x2 = 2; from (1, 1, 1): F x = (2, 2), ratios (3, 1),
    // F^T ratios = (3, 4, 1), column sums (1, 2, 1): x = (3, 2, 1).
    double[] x = {1, 1, 1};
    int steps = Em.refine(dense(new double[][] {{1, 1, 0}, {0, 1, 1}}), new double[] {6, 2}, x,
        new boolean[3], 1, fx -> false);
    assertEquals(1, steps);
    assertArrayEquals(new double[] {3, 2, 1}, x, 1e-12);
  }

  @Test
  void refine_fitsConsistentMeasurements_staysNonNegative_keepsFixedAndZeroVolumes() {
    Random r = new Random(11);
    for (int trial = 0; trial < 20; trial++) {
      int rows = 6;
      int cols = 15;
      double[][] a = new double[rows][cols];
      for (int i = 0; i < rows; i++) {
        for (int k = 0; k < cols; k++) {
          a[i][k] = r.nextInt(3) == 0 ? r.nextDouble() : 0;
        }
      }
      for (int k = 0; k < cols; k++) {
        a[r.nextInt(rows)][k] += 0.5;
      }
      double[] truth = new double[cols];
      for (int k = 0; k < cols; k++) {
        truth[k] = 1 + 10 * r.nextDouble();
      }
      LinearMap f = dense(a);
      double[] m = new double[rows];
      f.apply(truth, m);
      double[] x = new double[cols];
      java.util.Arrays.fill(x, 3);
      x[4] = 0;
      boolean[] fixed = new boolean[cols];
      fixed[2] = true;
      x[2] = truth[2];
      Em.refine(f, m, x, fixed, 20000, fx -> false);
      double[] fx = new double[rows];
      f.apply(x, fx);
      for (int i = 0; i < rows; i++) {
        assertEquals(m[i], fx[i], 1e-6 * m[i], "row " + i + " of trial " + trial);
      }
      for (double v : x) {
        assertTrue(v >= 0);
      }
      assertEquals(0, x[4]);
      assertEquals(truth[2], x[2]);
    }
  }
}
