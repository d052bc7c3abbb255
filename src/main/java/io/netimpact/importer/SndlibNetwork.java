package io.netimpact.importer;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An SNDlib network as written in the file (native text or XML), in the file's own units,
 * with the line of each record for error messages.
 *
 * @param file    the file as the user named it
 * @param meta    META/meta entries (granularity, time, unit, origin); empty when absent
 * @param nodes   node ids in file order
 * @param links   links in file order
 * @param demands demands in file order
 */
record SndlibNetwork(String file, Map<String, String> meta, List<String> nodes,
    List<SndlibNetwork.LinkRow> links, List<SndlibNetwork.DemandRow> demands) {

  /**
   * @param preInstalled pre-installed capacity, 0 when none
   * @param modules      capacities of the installable modules, in file order
   */
  record LinkRow(String id, String source, String target, double preInstalled,
      List<Double> modules, long line) {}

  /** @param value routing_unit x demand_value */
  record DemandRow(String id, String source, String target, double value, long line) {}

  Optional<String> metaValue(String key) {
    return Optional.ofNullable(meta.get(key));
  }
}
