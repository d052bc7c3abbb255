package io.netimpact.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Records the duration of every finished task by stage, and which partitions of a stage have
 * finished (for progress). Registered on the driver's listener bus.
 */
final class TaskTimes extends SparkListener {
  private final Map<Integer, List<Long>> byStage = new ConcurrentHashMap<>();
  private final Map<Integer, List<Integer>> partitionsDone = new ConcurrentHashMap<>();

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    if (end.taskInfo() == null || !end.taskInfo().successful()) {
      return;
    }
    byStage.computeIfAbsent(end.stageId(), k -> new CopyOnWriteArrayList<>())
        .add(end.taskInfo().duration());
    partitionsDone.computeIfAbsent(end.stageId(), k -> new CopyOnWriteArrayList<>())
        .add(end.taskInfo().partitionId());
  }

  List<Long> durations(int stage) {
    return List.copyOf(byStage.getOrDefault(stage, List.of()));
  }

  /** Partitions of all stages finished so far (a stage's ids are 0..n-1). */
  List<Integer> finishedPartitions(int stage) {
    return List.copyOf(partitionsDone.getOrDefault(stage, List.of()));
  }

  /** Stages seen, in id order. */
  List<Integer> stages() {
    List<Integer> s = new ArrayList<>(byStage.keySet());
    Collections.sort(s);
    return s;
  }

  /** Slowest task / median task of a stage; 1 for a stage of one task, NaN when none. */
  static double stragglerRatio(List<Long> durations) {
    if (durations.isEmpty()) {
      return Double.NaN;
    }
    List<Long> d = new ArrayList<>(durations);
    Collections.sort(d);
    int n = d.size();
    double median = n % 2 == 1 ? d.get(n / 2) : (d.get(n / 2 - 1) + d.get(n / 2)) / 2.0;
    return d.get(n - 1) / Math.max(1.0, median);
  }
}
