package io.netimpact.model;

/** One segment of an SR-TE segment list (docs/semantics.md#traffic-engineering): a prefix SID or an
 * adjacency SID. */
public sealed interface Segment {
  /** The device or link the segment names. */
  String target();

  /** A prefix SID: go to {@code device} over IGP shortest paths with per-hop ECMP. */
  record Node(String device) implements Segment {
    public Node {
      Checks.id(device, "node segment device");
    }

    @Override
    public String target() {
      return device;
    }
  }

  /** An adjacency SID: cross {@code link}, leaving the current point. */
  record Adj(String link) implements Segment {
    public Adj {
      Checks.id(link, "adjacency segment link");
    }

    @Override
    public String target() {
      return link;
    }
  }
}
