package io.netimpact.topology;

import io.netimpact.routing.NetworkView;

/**
 * Bridges and articulation points of a network's usable topology (present devices, usable
 * links), by Tarjan's low-link depth-first search, iterative so that long chains cannot
 * overflow the stack.
 *
 * <p>Parallel links are separate edges: two devices joined by two usable links have no bridge
 * between them, because the search skips only the link it arrived by, not every link back to
 * the parent. O(V + E) time and O(V + E) memory (an explicit stack and per-device cursors).
 *
 * @param bridge            per link index: removing this link disconnects its two ends
 * @param articulationPoint per device index: removing this device disconnects two others
 */
public record Biconnectivity(boolean[] bridge, boolean[] articulationPoint) {

  public Biconnectivity {
    bridge = bridge.clone();
    articulationPoint = articulationPoint.clone();
  }

  public static Biconnectivity of(NetworkView net) {
    int n = net.nodeCount();
    int m = net.linkCount();
    // Undirected adjacency over usable links: CSR of (link) per device.
    int[] start = new int[n + 1];
    for (int l = 0; l < m; l++) {
      if (net.isUsable(l)) {
        start[net.linkA(l) + 1]++;
        start[net.linkB(l) + 1]++;
      }
    }
    for (int v = 0; v < n; v++) {
      start[v + 1] += start[v];
    }
    int[] adj = new int[start[n]];
    int[] fill = java.util.Arrays.copyOf(start, n);
    for (int l = 0; l < m; l++) {
      if (net.isUsable(l)) {
        adj[fill[net.linkA(l)]++] = l;
        adj[fill[net.linkB(l)]++] = l;
      }
    }

    boolean[] bridge = new boolean[m];
    boolean[] cut = new boolean[n];
    int[] disc = new int[n];
    int[] low = new int[n];
    int[] parentLink = new int[n];
    int[] cursor = new int[n];
    int[] children = new int[n];
    int[] stack = new int[n];
    int time = 0;
    for (int root = 0; root < n; root++) {
      if (!net.isPresent(root) || disc[root] != 0) {
        continue;
      }
      int top = 0;
      stack[top++] = root;
      disc[root] = low[root] = ++time;
      parentLink[root] = -1;
      cursor[root] = start[root];
      while (top > 0) {
        int v = stack[top - 1];
        if (cursor[v] < start[v + 1]) {
          int l = adj[cursor[v]++];
          if (l == parentLink[v]) {
            continue;
          }
          int w = net.linkA(l) == v ? net.linkB(l) : net.linkA(l);
          if (disc[w] == 0) {
            disc[w] = low[w] = ++time;
            parentLink[w] = l;
            cursor[w] = start[w];
            children[v]++;
            stack[top++] = w;
          } else {
            low[v] = Math.min(low[v], disc[w]);
          }
        } else {
          top--;
          int l = parentLink[v];
          if (l >= 0) {
            int p = net.linkA(l) == v ? net.linkB(l) : net.linkA(l);
            low[p] = Math.min(low[p], low[v]);
            if (low[v] > disc[p]) {
              bridge[l] = true;
            }
            if (parentLink[p] >= 0 && low[v] >= disc[p]) {
              cut[p] = true;
            }
          } else if (children[v] > 1) {
            cut[v] = true;
          }
        }
      }
    }
    return new Biconnectivity(bridge, cut);
  }

  public boolean isBridge(int link) {
    return bridge[link];
  }

  public boolean isArticulationPoint(int device) {
    return articulationPoint[device];
  }
}
