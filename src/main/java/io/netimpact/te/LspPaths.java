package io.netimpact.te;

import io.netimpact.routing.NetworkView;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where the LSPs of a {@link TeTable} are placed on one network: per LSP its path (arcs, head
 * first) or nothing when it is down, and the bandwidth reserved per arc. Made by {@link
 * TePlacement}; immutable.
 */
public final class LspPaths {
  private final int[][] paths;
  private final double[] reserved;

  LspPaths(int[][] paths, double[] reserved) {
    this.paths = paths;
    this.reserved = reserved;
  }

  public int count() {
    return paths.length;
  }

  public boolean isUp(int lsp) {
    return paths[lsp] != null;
  }

  /** The arcs of an LSP's path, head first, or empty when it is down. */
  public Optional<int[]> path(int lsp) {
    return paths[lsp] == null ? Optional.empty() : Optional.of(paths[lsp].clone());
  }

  int[] pathOrNull(int lsp) {
    return paths[lsp];
  }

  /** Gbps reserved on an arc by the placed LSPs. */
  public double reserved(int arc) {
    return arc < reserved.length ? reserved[arc] : 0;
  }

  /** Whether two LSPs' states and paths are the same. O(path lengths). */
  boolean samePath(int lsp, LspPaths other, int otherLsp) {
    return Arrays.equals(paths[lsp], other.paths[otherLsp]);
  }

  /** Device ids along an LSP's path joined by {@code >}, head first
   * (docs/semantics.md#traffic-engineering). */
  public Optional<String> devices(NetworkView g, int lsp) {
    int[] p = paths[lsp];
    if (p == null) {
      return Optional.empty();
    }
    StringBuilder sb = new StringBuilder(g.nodeId(g.tail(p[0])));
    for (int arc : p) {
      sb.append('>').append(g.nodeId(g.head(arc)));
    }
    return Optional.of(sb.toString());
  }

  /** Total IGP metric of an LSP's path on {@code g}, or empty when it is down. */
  public Optional<Long> metric(NetworkView g, int lsp) {
    int[] p = paths[lsp];
    if (p == null) {
      return Optional.empty();
    }
    long m = 0;
    for (int arc : p) {
      m += g.arcMetric(arc);
    }
    return Optional.of(m);
  }
}
