package io.netimpact.deduce;

/**
 * The expectation-maximisation iteration for non-negative linear inverse problems (Vardi,
 * "Network tomography", JASA 1996; the same update as Richardson-Lucy deconvolution): for
 * {@code F x = m} with {@code F >= 0}, {@code m >= 0}, each step multiplies every free volume by
 * the measurement-weighted ratio of measured to predicted over the rows it contributes to,
 * {@code x_k <- x_k (F^T (m / F x))_k / (F^T 1)_k}. Started from a positive prior it keeps every
 * volume non-negative without clipping, keeps the prior's zeros, and its limit is the fit of
 * greatest Poisson likelihood nearest the prior in the Kullback-Leibler sense, which on measured
 * matrices is closer to the truth than a least-squares correction of the same prior.
 *
 * <p>Complexity: each iteration is one {@link LinearMap#apply} and one {@link LinearMap#adjoint}
 * (for the routing kernel, one push and one pull per destination) plus O(rows + cols); memory
 * O(rows + cols) besides the map's.
 */
final class Em {
  private Em() {}

  /**
   * Refines {@code x} in place: at most {@code maxIterations} steps, stopping once {@code
   * done.test(F x)} holds. Volumes with {@code fixed[k]} are not changed; volumes that touch no
   * row keep their value.
   *
   * @return the number of steps taken
   */
  static int refine(LinearMap f, double[] m, double[] x, boolean[] fixed, int maxIterations,
      java.util.function.Predicate<double[]> done) {
    double[] ones = new double[f.rows()];
    java.util.Arrays.fill(ones, 1);
    double[] colSum = new double[f.cols()];
    f.adjoint(ones, colSum);
    double[] fx = new double[f.rows()];
    double[] ratio = new double[f.rows()];
    double[] back = new double[f.cols()];
    for (int it = 0; it < maxIterations; it++) {
      f.apply(x, fx);
      if (done.test(fx)) {
        return it;
      }
      for (int i = 0; i < ratio.length; i++) {
        ratio[i] = fx[i] > 0 ? m[i] / fx[i] : 1;
      }
      f.adjoint(ratio, back);
      for (int k = 0; k < x.length; k++) {
        if (!fixed[k] && colSum[k] > 0) {
          x[k] *= back[k] / colSum[k];
        }
      }
    }
    return maxIterations;
  }
}
