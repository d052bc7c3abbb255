package io.netimpact.pipeline;

import io.netimpact.verdict.ScenarioSummary;
import io.netimpact.verdict.Verdict;
import io.netimpact.model.Sweep;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a sweep lists its pairs of failures (contract section 7.3): every pair counted by
 * verdict (console and marker), and the SAFE ones left out of the per-scenario tables unless
 * {@code --all-rows}.
 *
 * @param byVerdict the pairs by verdict (empty when the sweep has no pair generator)
 * @param unlisted  the ids of the pairs not written to the per-scenario tables
 */
record PairListing(Map<Verdict, Long> byVerdict, Set<String> unlisted) {
  PairListing {
    byVerdict = Map.copyOf(byVerdict);
    unlisted = Set.copyOf(unlisted);
  }

  /** O(scenarios). */
  static PairListing of(Sweep.Expansion expansion, List<ScenarioSummary> summaries,
      boolean allRows) {
    if (expansion.pairCount() == 0) {
      return new PairListing(Map.of(), Set.of());
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < expansion.changes().size(); i++) {
      index.put(expansion.changes().get(i).id(), i);
    }
    Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
    for (Verdict v : Verdict.values()) {
      counts.put(v, 0L);
    }
    Set<String> unlisted = new HashSet<>();
    for (ScenarioSummary s : summaries) {
      Integer i = index.get(s.scenarioId());
      if (i != null && expansion.isPair(i)) {
        counts.merge(s.verdict(), 1L, Long::sum);
        if (!allRows && s.verdict() == Verdict.SAFE) {
          unlisted.add(s.scenarioId());
        }
      }
    }
    return new PairListing(counts, unlisted);
  }

  /** What the marker carries: {@code "pairs": {"BLOCK": n, "RISK": n, "SAFE": n}}. */
  Map<String, Map<String, Long>> marker() {
    if (byVerdict.isEmpty()) {
      return Map.of();
    }
    Map<String, Long> c = new LinkedHashMap<>();
    for (Verdict v : new Verdict[] {Verdict.BLOCK, Verdict.RISK, Verdict.SAFE}) {
      c.put(v.name(), byVerdict.getOrDefault(v, 0L));
    }
    return Map.of("pairs", c);
  }
}
