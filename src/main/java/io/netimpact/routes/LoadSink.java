package io.netimpact.routes;

/** Receives per-arc loads or load deltas, Gbps. */
@FunctionalInterface
public interface LoadSink {
  void add(int arc, double gbps);

  /** A sink adding into {@code load}, indexed by arc. */
  static LoadSink into(double[] load) {
    return (arc, gbps) -> load[arc] += gbps;
  }
}
