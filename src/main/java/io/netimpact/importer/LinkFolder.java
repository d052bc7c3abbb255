package io.netimpact.importer;

import io.netimpact.model.Link;
import io.netimpact.model.Member;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Folds link entries that a source lists once per direction into the contract's full-duplex
 * links. An entry u-&gt;v is paired with an earlier, still unpaired entry v-&gt;u, preferring
 * one with the same metric and capacity; entries in the same orientation are never paired,
 * so parallel links stay parallel. An entry left without a twin becomes a link on its own
 * (for SNDlib that is the normal case: its links are bidirectional).
 *
 * <p>O(E) expected time for E entries (a pair's queue of waiting entries is as long as its
 * parallel links, a small constant in practice).
 */
final class LinkFolder {
  private LinkFolder() {}

  /**
   * One listed link or arc.
   *
   * @param id           link id taken when this entry opens a link
   * @param from         first device id
   * @param to           second device id
   * @param metric       metric from -&gt; to, &gt;= 1
   * @param capacityGbps capacity in Gbps, &gt; 0
   * @param latencyMs    one-way latency, &gt;= 0
   */
  record Entry(String id, String from, String to, int metric, double capacityGbps,
      double latencyMs) {}

  /**
   * The folded links and what folding had to decide.
   *
   * @param links               in the order of each link's first entry
   * @param foldedPairs         links made of two opposite entries
   * @param unpaired            links made of one entry
   * @param capacityMismatches  folded pairs whose two capacities differ (the smaller is kept)
   * @param latencyMismatches   folded pairs whose two latencies differ (the larger is kept)
   */
  record Folded(List<Link> links, int foldedPairs, int unpaired, int capacityMismatches,
      int latencyMismatches) {}

  static Folded fold(List<Entry> entries) {
    // waiting.get("u\0v") holds indices of unpaired entries u->v, oldest first
    Map<String, ArrayDeque<Integer>> waiting = new HashMap<>();
    int[] partner = new int[entries.size()];
    java.util.Arrays.fill(partner, -1);
    boolean[] second = new boolean[entries.size()];
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      ArrayDeque<Integer> opposite = waiting.get(key(e.to(), e.from()));
      int match = -1;
      if (opposite != null && !opposite.isEmpty()) {
        match = takeBest(opposite, entries, e);
      }
      if (match >= 0) {
        partner[match] = i;
        partner[i] = match;
        second[i] = true;
      } else {
        waiting.computeIfAbsent(key(e.from(), e.to()), k -> new ArrayDeque<>()).add(i);
      }
    }
    List<Link> links = new ArrayList<>();
    int folded = 0;
    int unpaired = 0;
    int capMismatch = 0;
    int latMismatch = 0;
    for (int i = 0; i < entries.size(); i++) {
      if (second[i]) {
        continue;
      }
      Entry e = entries.get(i);
      if (partner[i] < 0) {
        unpaired++;
        links.add(link(e.id(), e.from(), e.to(), e.metric(), OptionalInt.empty(),
            e.capacityGbps(), e.latencyMs()));
        continue;
      }
      folded++;
      Entry r = entries.get(partner[i]);
      if (r.capacityGbps() != e.capacityGbps()) {
        capMismatch++;
      }
      if (r.latencyMs() != e.latencyMs()) {
        latMismatch++;
      }
      OptionalInt ba = r.metric() == e.metric() ? OptionalInt.empty() : OptionalInt.of(r.metric());
      // The contract's capacity is the same both ways: the smaller one is what both can carry.
      links.add(link(e.id(), e.from(), e.to(), e.metric(), ba,
          Math.min(e.capacityGbps(), r.capacityGbps()), Math.max(e.latencyMs(), r.latencyMs())));
    }
    return new Folded(links, folded, unpaired, capMismatch, latMismatch);
  }

  private static int takeBest(ArrayDeque<Integer> queue, List<Entry> entries, Entry e) {
    for (Iterator<Integer> it = queue.iterator(); it.hasNext(); ) {
      int j = it.next();
      Entry c = entries.get(j);
      if (c.metric() == e.metric() && c.capacityGbps() == e.capacityGbps()) {
        it.remove();
        return j;
      }
    }
    return queue.pollFirst();
  }

  private static String key(String from, String to) {
    return from + '\u0000' + to;
  }

  private static Link link(String id, String a, String b, int metric, OptionalInt metricBa,
      double capacityGbps, double latencyMs) {
    return new Link(id, a, b, metric, metricBa, List.of(new Member(id, capacityGbps, true)), 1,
        true, latencyMs, List.of());
  }
}
