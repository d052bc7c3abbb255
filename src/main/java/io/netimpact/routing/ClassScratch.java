package io.netimpact.routing;

import io.netimpact.routes.ClassSink;
import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * A dense per-(arc, class) accumulator that remembers what it touched, so that a pair's two
 * class pushes (before, subtracted, and after) are summed per entry before the scenario's
 * sparse state sees them: only the entries whose load changed reach it. Not thread-safe.
 */
final class ClassScratch implements ClassSink {
  private final int count;
  private double[] acc = new double[0];
  private boolean[] seen = new boolean[0];
  private final IntArrayList touched = new IntArrayList();

  ClassScratch(int count) {
    this.count = count;
  }

  void ensure(int arcs) {
    if (acc.length < arcs * count) {
      acc = java.util.Arrays.copyOf(acc, arcs * count);
      seen = java.util.Arrays.copyOf(seen, arcs * count);
    }
  }

  @Override
  public void add(int cls, int arc, double gbps) {
    int i = arc * count + cls;
    if (!seen[i]) {
      seen[i] = true;
      touched.add(i);
    }
    acc[i] += gbps;
  }

  /** Hands the non-zero entries to {@code sink} and clears. O(entries touched). */
  void flush(ClassSink sink) {
    for (int j = 0; j < touched.size(); j++) {
      int i = touched.getInt(j);
      if (acc[i] != 0) {
        sink.add(i % count, i / count, acc[i]);
      }
      acc[i] = 0;
      seen[i] = false;
    }
    touched.clear();
  }
}
