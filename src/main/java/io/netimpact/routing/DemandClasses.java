package io.netimpact.routing;

import io.netimpact.model.Demand;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * How each of a {@link Network}'s demands (a (source, destination) pair, its rows summed)
 * divides among {@code count} classes: {@code share[k * count + c]} is the part of demand k's
 * volume in class c (the shares of a demand add up to 1; a demand of 0 Gbps is all in its first
 * row's class). A change scales a pair's volume as a whole, so the shares hold in every
 * scenario: class c of demand k carries {@code share * volume after}.
 *
 * @param count the number of classes, &gt;= 1
 * @param share demands x count shares, in [0, 1]
 */
public record DemandClasses(int count, double[] share) implements java.io.Serializable {
  public DemandClasses {
    if (count < 1 || count > Character.MAX_VALUE) {
      throw new IllegalArgumentException("class count must be in [1, 65535], got " + count);
    }
    if (share.length % count != 0) {
      throw new IllegalArgumentException(share.length + " shares for " + count + " classes");
    }
  }

  /**
   * The shares of {@code net}'s demands from the snapshot rows it was compiled from, each row
   * in class {@code classOf(row class label)}. O(rows + demands x count).
   */
  public static DemandClasses of(Network net, List<Demand> rows, ToIntFunction<String> classOf,
      int count) {
    int demands = net.demandCount();
    double[] gbps = new double[demands * count];
    int[] firstClass = new int[demands];
    java.util.Arrays.fill(firstClass, -1);
    java.util.HashMap<Long, Integer> index = new java.util.HashMap<>(demands * 2);
    for (int k = 0; k < demands; k++) {
      index.put(((long) net.demandDst(k) << 32) | net.demandSrc(k), k);
    }
    for (Demand d : rows) {
      int s = net.node(d.src()).orElseThrow();
      int t = net.node(d.dst()).orElseThrow();
      int k = index.get(((long) t << 32) | s);
      int c = classOf.applyAsInt(d.trafficClass());
      gbps[k * count + c] += d.gbps();
      if (firstClass[k] < 0) {
        firstClass[k] = c;
      }
    }
    double[] share = new double[demands * count];
    for (int k = 0; k < demands; k++) {
      double total = 0;
      for (int c = 0; c < count; c++) {
        total += gbps[k * count + c];
      }
      for (int c = 0; c < count; c++) {
        share[k * count + c] = total > 0 ? gbps[k * count + c] / total : 0;
      }
      if (total == 0 && firstClass[k] >= 0) {
        share[k * count + firstClass[k]] = 1;
      }
    }
    return new DemandClasses(count, share);
  }

  /** Every demand in one class: the loads per class are the loads. */
  public static DemandClasses single(Network net) {
    double[] share = new double[net.demandCount()];
    java.util.Arrays.fill(share, 1.0);
    return new DemandClasses(1, share);
  }
}
