/**
 * Synthetic hyperscale-like snapshots (regions of Clos data centres on a regional backbone,
 * joined by long-haul links), deterministic for a seed, streamed to JSON lines or Parquet. Plain
 * Java: no Spark here, so generation runs anywhere and at xl size within a bounded heap.
 */
package io.netimpact.generate;
