package io.netimpact.topology;

import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkView;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Connected components of a network's usable topology: present devices joined by usable links.
 * Drains do not split components (a drained device still forwards nothing in transit, but it is
 * connected; traffic a drain makes unroutable is in the routing report, not here).
 *
 * <p>Labels are dense, {@code 0 .. count - 1}, numbered in order of each component's lowest
 * device index; an absent device has label {@code -1}.
 *
 * @param label component of each device index, -1 when absent
 * @param count number of components (an isolated present device is one)
 */
public record Components(int[] label, int count) implements Serializable {
  public static final int ABSENT = -1;

  public Components {
    if (count < 0) {
      throw new IllegalArgumentException("negative component count " + count);
    }
    label = label.clone();
    for (int l : label) {
      if (l < ABSENT || l >= count) {
        throw new IllegalArgumentException("label " + l + " outside 0.." + (count - 1));
      }
    }
  }

  /**
   * Union-find with path halving and union by size. O(V + E α(V)) time, O(V) memory.
   */
  public static Components of(NetworkView net) {
    return of(net.view());
  }

  /** Components of the network after a change, seen through its view. O(V + E α(V)). */
  public static Components of(MaskedView net) {
    int n = net.nodeCount();
    int[] parent = new int[n];
    int[] size = new int[n];
    for (int v = 0; v < n; v++) {
      parent[v] = v;
      size[v] = 1;
    }
    for (int l = 0; l < net.linkCount(); l++) {
      if (!net.arcUsable(2 * l)) {
        continue;
      }
      int a = find(parent, net.tail(2 * l));
      int b = find(parent, net.head(2 * l));
      if (a != b) {
        if (size[a] < size[b]) {
          int t = a;
          a = b;
          b = t;
        }
        parent[b] = a;
        size[a] += size[b];
      }
    }
    // Dense labels in order of each component's lowest device (as fromRoots numbers them),
    // the roots being device indices: an array, not a map.
    int[] dense = size;
    Arrays.fill(dense, ABSENT);
    int[] label = new int[n];
    int count = 0;
    for (int v = 0; v < n; v++) {
      if (!net.isPresent(v)) {
        label[v] = ABSENT;
        continue;
      }
      int r = find(parent, v);
      if (dense[r] == ABSENT) {
        dense[r] = count++;
      }
      label[v] = dense[r];
    }
    return new Components(label, count);
  }

  /**
   * Components from any labelling where two present devices share a raw label exactly when
   * they are connected (GraphX's smallest-vertex-id labels, for instance); {@code -1} marks
   * absent devices. O(V) expected.
   */
  public static Components fromRoots(long[] rawLabel) {
    int[] label = new int[rawLabel.length];
    java.util.HashMap<Long, Integer> dense = new java.util.HashMap<>();
    for (int v = 0; v < rawLabel.length; v++) {
      if (rawLabel[v] == ABSENT) {
        label[v] = ABSENT;
      } else {
        Integer c = dense.get(rawLabel[v]);
        if (c == null) {
          c = dense.size();
          dense.put(rawLabel[v], c);
        }
        label[v] = c;
      }
    }
    return new Components(label, dense.size());
  }

  private static int find(int[] parent, int v) {
    while (parent[v] != v) {
      parent[v] = parent[parent[v]];
      v = parent[v];
    }
    return v;
  }

  public int of(int device) {
    return label[device];
  }

  public boolean connected(int u, int v) {
    return label[u] != ABSENT && label[u] == label[v];
  }

  /** Devices per component. O(V). */
  public int[] sizes() {
    int[] size = new int[count];
    for (int l : label) {
      if (l != ABSENT) {
        size[l]++;
      }
    }
    return size;
  }

  /**
   * The component holding most demand: the most Gbps of demands with both ends inside it; ties
   * go to the component with more devices, then to the lower label. {@code -1} when the network
   * has no present device. O(V + D).
   */
  public int main(Network net) {
    double[] gbps = new double[count];
    for (int k = 0; k < net.demandCount(); k++) {
      int s = net.demandSrc(k);
      if (connected(s, net.demandDst(k))) {
        gbps[label[s]] += net.demandGbps(k);
      }
    }
    int[] size = sizes();
    int best = -1;
    for (int c = 0; c < count; c++) {
      if (best < 0 || gbps[c] > gbps[best] || (gbps[c] == gbps[best] && size[c] > size[best])) {
        best = c;
      }
    }
    return best;
  }

  /**
   * Labels renumbered so that 0 is {@link #main} and the others follow by device count
   * (descending), then by lowest device index: stable, readable ids for the report. O(V + D + C log C).
   */
  public Components ranked(Network net) {
    int main = main(net);
    int[] size = sizes();
    Integer[] order = new Integer[count];
    for (int c = 0; c < count; c++) {
      order[c] = c;
    }
    Arrays.sort(order, (x, y) -> x == main ? -1 : y == main ? 1
        : size[x] != size[y] ? Integer.compare(size[y], size[x]) : Integer.compare(x, y));
    int[] rank = new int[count];
    for (int i = 0; i < count; i++) {
      rank[order[i]] = i;
    }
    int[] out = new int[label.length];
    for (int v = 0; v < label.length; v++) {
      out[v] = label[v] == ABSENT ? ABSENT : rank[label[v]];
    }
    return new Components(out, count);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Components c && c.count == count && Arrays.equals(c.label, label);
  }

  @Override
  public int hashCode() {
    return 31 * count + Arrays.hashCode(label);
  }

  @Override
  public String toString() {
    return "Components[count=" + count + ", label=" + Arrays.toString(label) + "]";
  }
}
