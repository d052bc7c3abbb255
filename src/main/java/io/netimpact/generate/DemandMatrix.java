package io.netimpact.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A gravity-model demand matrix between the plan's endpoints, held as primitive arrays (16
 * bytes a row, so 5M rows fit in 80 MB): one row per (src, dst) pair, only between different
 * sites, since traffic inside a site never reaches the WAN.
 *
 * <p>Each endpoint draws {@code min(demandsPerSrc, eligible)} distinct destinations with
 * probability proportional to their mass (weighted sampling without replacement by
 * exponential keys, Efraimidis-Spirakis); a row's volume is {@code m_src * m_dst} times
 * log-normal noise. About one row in 500 is a heavy hitter (x20 to x50: a backup or a
 * replication job). Volumes are unscaled: {@link Calibration} finds the factor. O(N^2 log N)
 * time for N endpoints (a sort of the N keys per source), O(rows) memory.
 */
final class DemandMatrix {
  static final String[] CLASSES = {"gold", "silver", "bronze"};

  final int[] src;
  final int[] dst;
  final double[] gbps;
  final byte[] cls;

  private DemandMatrix(int[] src, int[] dst, double[] gbps, byte[] cls) {
    this.src = src;
    this.dst = dst;
    this.gbps = gbps;
    this.cls = cls;
  }

  int rows() {
    return src.length;
  }

  static DemandMatrix gravity(Plan plan) {
    Plan.Endpoints ep = plan.endpoints;
    int n = ep.count();
    SplittableRandom rnd = Rng.stream(plan.seed, "demands");
    int cap = n * Math.min(plan.shape.demandsPerSrc(), n - 1);
    int[] src = new int[cap];
    int[] dst = new int[cap];
    double[] gbps = new double[cap];
    byte[] cls = new byte[cap];
    int rows = 0;
    double[] key = new double[n];
    double[] sorted = new double[n];
    for (int i = 0; i < n; i++) {
      int eligible = 0;
      for (int j = 0; j < n; j++) {
        if (ep.site()[j] == ep.site()[i]) {
          key[j] = Double.POSITIVE_INFINITY;
        } else {
          // Exponential(rate = mass): the k smallest keys are a weighted sample without
          // replacement.
          key[j] = -Math.log(1.0 - rnd.nextDouble()) / ep.mass()[j];
          eligible++;
        }
      }
      int k = Math.min(plan.shape.demandsPerSrc(), eligible);
      if (k == 0) {
        continue;
      }
      System.arraycopy(key, 0, sorted, 0, n);
      Arrays.sort(sorted);
      double threshold = sorted[k - 1];
      int taken = 0;
      for (int j = 0; j < n && taken < k; j++) {
        if (key[j] <= threshold) {
          src[rows] = i;
          dst[rows] = j;
          double v = ep.mass()[i] * ep.mass()[j] * Math.exp(0.5 * rnd.nextGaussian());
          if (rnd.nextDouble() < 0.002) {
            v *= 20 + 30 * rnd.nextDouble();
          }
          gbps[rows] = v;
          double c = rnd.nextDouble();
          cls[rows] = (byte) (c < 0.2 ? 0 : c < 0.7 ? 1 : 2);
          rows++;
          taken++;
        }
      }
    }
    return new DemandMatrix(Arrays.copyOf(src, rows), Arrays.copyOf(dst, rows),
        Arrays.copyOf(gbps, rows), Arrays.copyOf(cls, rows));
  }
}
