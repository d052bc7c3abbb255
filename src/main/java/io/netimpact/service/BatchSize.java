package io.netimpact.service;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How many pending requests the service takes into one batch, so that the slowest request's
 * latency stays within a target.
 *
 * <p>A batch of n requests takes about {@code T(n) = F + c n}: a fixed cost F (the survey of
 * every destination against the batch's rules, the Spark jobs, the log and the moves) and a
 * cost c per request (its routing, assembly and publish). A request that appears just after a
 * batch started waits for that batch and then for its own, so its latency is at most about
 * {@code 2 T(n)}. The cap is therefore the largest n with {@code 2 T(n) <= target}:
 * {@code n = floor((target / 2 - F) / c)}, clamped to {@code [1, max]}. F and c are fitted by
 * least squares over the last {@value #WINDOW} batches (time against size); until two batch
 * sizes have been seen, c is the mean time per request of the batches so far and F is 0 (which
 * overstates c, so the cap errs small). Under a load the cap can hold, every pending request
 * is taken at once: the batch is as large as the backlog, which is what shares the most
 * per-destination work. When no batch size meets the target ({@code F >= target / 2}, or the
 * one size seen so far costs more than half the target per request), the cap is {@code max}:
 * latency is then bounded by throughput, and the largest batch amortizes F best (taking one
 * request at a time would let the backlog grow without end). O(WINDOW) per update.
 */
public final class BatchSize {
  /** Batches the fit looks back over. */
  static final int WINDOW = 32;

  private final double targetMs;
  private final int max;
  private final Deque<double[]> seen = new ArrayDeque<>();
  private final int first;

  /**
   * @param targetMs the latency the slowest request should stay under, in ms (&gt; 0)
   * @param max the cap's upper bound (&gt;= 1), whatever the fit says
   * @param initial the cap before any batch was measured (clamped to {@code [1, max]})
   */
  public BatchSize(double targetMs, int max, int initial) {
    if (!(targetMs > 0)) {
      throw new IllegalArgumentException("latency target must be > 0 ms, got " + targetMs);
    }
    if (max < 1) {
      throw new IllegalArgumentException("max batch must be >= 1, got " + max);
    }
    this.targetMs = targetMs;
    this.max = max;
    this.first = Math.max(1, Math.min(max, initial));
  }

  /** Records a batch of {@code n} requests that took {@code ms} milliseconds. */
  public void observe(int n, double ms) {
    if (n < 1 || ms < 0) {
      throw new IllegalArgumentException("a batch has >= 1 request and >= 0 ms, got " + n
          + " and " + ms);
    }
    seen.addLast(new double[] {n, ms});
    if (seen.size() > WINDOW) {
      seen.removeFirst();
    }
  }

  /** The fitted fixed cost F and per-request cost c, in ms; both 0 before any batch. */
  public double[] fit() {
    int k = seen.size();
    if (k == 0) {
      return new double[] {0, 0};
    }
    double sx = 0;
    double sy = 0;
    for (double[] b : seen) {
      sx += b[0];
      sy += b[1];
    }
    double mx = sx / k;
    double my = sy / k;
    double sxx = 0;
    double sxy = 0;
    for (double[] b : seen) {
      sxx += (b[0] - mx) * (b[0] - mx);
      sxy += (b[0] - mx) * (b[1] - my);
    }
    if (sxx > 0) {
      double c = sxy / sxx;
      double f = my - c * mx;
      if (c > 0 && f >= 0) {
        return new double[] {f, c};
      }
    }
    // One batch size so far, or a fit that makes no sense (noise): all cost per request.
    return new double[] {0, sy / sx};
  }

  /** The most requests to take into the next batch. */
  public int cap() {
    if (seen.isEmpty()) {
      return first;
    }
    double[] fc = fit();
    if (fc[1] <= 0) {
      return max;
    }
    double n = Math.floor((targetMs / 2 - fc[0]) / fc[1]);
    return n < 1 ? max : (int) Math.min(max, n);
  }
}
