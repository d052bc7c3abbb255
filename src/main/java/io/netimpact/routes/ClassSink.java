package io.netimpact.routes;

/** Receives per-class, per-arc loads or load deltas, Gbps. */
@FunctionalInterface
public interface ClassSink {
  void add(int cls, int arc, double gbps);
}
