package io.netimpact.deduce;

/**
 * A linear map given by what it does, never by its entries: {@code apply} computes {@code M x},
 * {@code adjoint} computes {@code M^T y}. Both overwrite their output.
 */
interface LinearMap {
  int rows();

  int cols();

  void apply(double[] x, double[] out);

  void adjoint(double[] y, double[] out);
}
