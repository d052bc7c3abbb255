package io.netimpact.deduce;

/**
 * Conjugate gradients on the normal equations (CGLS, Hestenes and Stiefel; Paige and Saunders'
 * formulation): the least-squares solution of {@code B z = r} of least norm, started from
 * {@code z = 0} (every iterate lies in the range of {@code B^T}, so the limit is the minimum-norm
 * solution {@code B^+ r}). Each iteration is one {@link LinearMap#apply} and one {@link
 * LinearMap#adjoint}, plus O(rows + cols); no matrix is formed. At most {@code rank(B)}
 * iterations in exact arithmetic.
 */
final class Cgls {
  private Cgls() {}

  /** The solution, and how many iterations it took. */
  record Solution(double[] z, int iterations) {}

  /**
   * Solves {@code min ||B z - r||} of least {@code ||z||}, stopping after {@code maxIterations}
   * or once the residual is at most {@code tolerance ||r||} or stops moving (the normal
   * equations' residual {@code ||B^T s||} at most {@code tolerance} of its start).
   */
  static Solution solve(LinearMap b, double[] r, int maxIterations, double tolerance) {
    int m = b.rows();
    int n = b.cols();
    double[] z = new double[n];
    double[] s = r.clone();
    double[] g = new double[n];
    double[] q = new double[m];
    b.adjoint(s, g);
    double[] p = g.clone();
    double gamma = dot(g, g);
    double gamma0 = gamma;
    double rNorm = Math.sqrt(dot(r, r));
    int it = 0;
    while (it < maxIterations && gamma > tolerance * tolerance * gamma0 && gamma > 0
        && Math.sqrt(dot(s, s)) > tolerance * rNorm) {
      b.apply(p, q);
      double qq = dot(q, q);
      if (qq == 0) {
        break;
      }
      double alpha = gamma / qq;
      for (int i = 0; i < n; i++) {
        z[i] += alpha * p[i];
      }
      for (int i = 0; i < m; i++) {
        s[i] -= alpha * q[i];
      }
      b.adjoint(s, g);
      double next = dot(g, g);
      double beta = next / gamma;
      for (int i = 0; i < n; i++) {
        p[i] = g[i] + beta * p[i];
      }
      gamma = next;
      it++;
    }
    return new Solution(z, it);
  }

  static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
