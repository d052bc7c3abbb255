package io.netimpact.te;

import io.netimpact.model.Lsp;
import io.netimpact.routing.MaskedView;
import java.util.Optional;

/**
 * LSP placement before and after a change (docs/semantics.md#traffic-engineering). Before: every up
 * LSP in the
 * placement order (setup priority ascending, bandwidth descending, id ascending), each by
 * {@link Cspf} over what the LSPs before it left unreserved. After: an LSP that was up before
 * with the same bandwidth, is still up, and whose path is still usable (every arc usable, no
 * drained transit device) keeps its path and reservation, even where a capacity drop leaves
 * an arc over-reserved; the others are placed again in the placement order over what the kept
 * ones leave.
 *
 * <p>O(L log L + P) to order and keep, plus one CSPF, O(E log V), per LSP placed (before: all
 * up LSPs; after: only those not kept), for L LSPs with P arcs on their paths.
 */
public final class TePlacement {
  private TePlacement() {}

  /** Every up LSP of {@code t} placed on {@code g} from scratch. */
  public static LspPaths place(MaskedView g, TeTable t, Cspf cspf) {
    int n = t.lsps().size();
    int[][] paths = new int[n][];
    double[] reserved = new double[g.arcCount()];
    for (int j : t.placementOrder) {
      placeOne(g, t, j, cspf, paths, reserved);
    }
    return new LspPaths(paths, reserved);
  }

  /**
   * The LSPs of {@code after} (the TE table after the change, which may add LSPs or change
   * their state or bandwidth) on {@code g} (the network after the change), given where the
   * LSPs of {@code before} were placed on the base.
   */
  public static LspPaths replace(MaskedView g, TeTable after, TeTable before, LspPaths placed,
      Cspf cspf) {
    int n = after.lsps().size();
    int[][] paths = new int[n][];
    double[] reserved = new double[g.arcCount()];
    boolean[] kept = new boolean[n];
    for (int j = 0; j < n; j++) {
      Optional<int[]> keep = kept(g, after, j, before, placed);
      if (keep.isPresent()) {
        kept[j] = true;
        paths[j] = keep.get();
        for (int arc : paths[j]) {
          reserved[arc] += after.lsps().get(j).bandwidthGbps();
        }
      }
    }
    for (int j : after.placementOrder) {
      if (!kept[j]) {
        placeOne(g, after, j, cspf, paths, reserved);
      }
    }
    return new LspPaths(paths, reserved);
  }

  /** The before path an LSP keeps after the change, or empty when it must be placed again. */
  static Optional<int[]> kept(MaskedView g, TeTable after, int j, TeTable before,
      LspPaths placed) {
    Lsp l = after.lsps().get(j);
    int b = before.lspIndex(l.id());
    if (!l.up() || b < 0 || placed.pathOrNull(b) == null) {
      return Optional.empty();
    }
    Lsp was = before.lsps().get(b);
    if (was.bandwidthGbps() != l.bandwidthGbps() || !was.head().equals(l.head())
        || !was.tail().equals(l.tail())) {
      return Optional.empty();
    }
    int[] path = placed.pathOrNull(b);
    for (int i = 0; i < path.length; i++) {
      int arc = path[i];
      if (!g.arcUsable(arc) || (i > 0 && g.isDrained(g.tail(arc)))) {
        return Optional.empty();
      }
    }
    return Optional.of(path);
  }

  private static void placeOne(MaskedView g, TeTable t, int j, Cspf cspf, int[][] paths,
      double[] reserved) {
    Lsp l = t.lsps().get(j);
    if (!l.up()) {
      return;
    }
    Optional<int[]> p = cspf.path(g, t.lspHead[j], t.lspTail[j], l.bandwidthGbps(), reserved);
    if (p.isPresent()) {
      paths[j] = p.get();
      for (int arc : paths[j]) {
        reserved[arc] += l.bandwidthGbps();
      }
    }
  }
}
