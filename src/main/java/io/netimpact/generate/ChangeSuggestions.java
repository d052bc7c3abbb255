package io.netimpact.generate;

import java.util.List;

/**
 * Change requests that go with a generated network, for demos and the benchmark: one that
 * should be SAFE and one that must be BLOCK.
 *
 * <ul>
 *   <li>SAFE: drain spine 1 of plane 1 in the first data centre. Its plane keeps
 *       {@code spinesPerPlane - 1} spines, and fabric LAGs are far from the WAN bottleneck
 *       (the busiest arc, at 55-65 %), so no arc should cross the warn level.</li>
 *   <li>BLOCK: cut the access conduit of the first region's first PoP. Both of its uplinks
 *       run in that conduit (the generator's deliberate SRLG trap), so the PoP is isolated and
 *       its demands become unroutable: BLOCK by the contract whatever the loads.</li>
 * </ul>
 */
final class ChangeSuggestions {
  private ChangeSuggestions() {}

  /** A change request file: its name and JSON text. */
  record ChangeFile(String name, String json) {}

  static List<ChangeFile> of(Plan plan) {
    Plan.Region first = plan.regions[0];
    String spine = Names.spine(first.dcs()[0].name(), 0, 0);
    String pop = first.pops()[0].name();
    String srlg = "conduit-" + pop + "-access";
    return List.of(
        new ChangeFile("safe-drain-spine.json", """
            {"id": "GEN-SAFE-1", "title": "Drain %s for a line-card swap",
             "ops": [{"op": "drain_device", "device": "%s"}]}
            """.formatted(spine, spine)),
        new ChangeFile("block-srlg-cut.json", """
            {"id": "GEN-BLOCK-1", "title": "Civil works on conduit %s (both uplinks of %s)",
             "ops": [{"op": "srlg_down", "srlg": "%s"}]}
            """.formatted(srlg, pop, srlg)));
  }
}
