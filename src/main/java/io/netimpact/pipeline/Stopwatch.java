package io.netimpact.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Wall time per named stage, in the order the stages ran. */
public final class Stopwatch {
  private final Map<String, Long> nanos = new LinkedHashMap<>();
  private long start = System.nanoTime();

  /** Ends the current stage under {@code name} and starts the next. */
  public void lap(String name) {
    long now = System.nanoTime();
    nanos.merge(name, now - start, Long::sum);
    start = now;
  }

  public Map<String, Double> seconds() {
    return nanos.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
        e -> e.getValue() / 1e9, (a, b) -> a, LinkedHashMap::new));
  }

  @Override
  public String toString() {
    return nanos.entrySet().stream()
        .map(e -> String.format("%s %.2f s", e.getKey(), e.getValue() / 1e9))
        .collect(Collectors.joining(", "));
  }
}
