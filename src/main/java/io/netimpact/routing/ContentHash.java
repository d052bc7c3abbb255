package io.netimpact.routing;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A stable hash (SHA-256, hex) of everything the base routing of a {@link Network} reads:
 * the device count, each device's presence, drain flag and site (the transit stubs are
 * derived from the sites, the usable arcs and the demands' endpoints), each arc's tail, head,
 * metric and usability, and each demand's source, destination and Gbps (bit for bit). Two
 * networks with the same hash route their base identically: the same DAGs, settle orders and
 * arc loads. Capacities, latencies and names are not in it: a stored baseline does not depend
 * on them, and whatever reads them is computed afresh. {@code version} (the store format's)
 * is hashed first, so a new format never matches an old hash. O(V + E + demands), once per run.
 */
public final class ContentHash {
  private ContentHash() {}

  /** The hash of {@code net}'s routing content under format {@code version}, 64 hex digits. */
  public static String of(Network net, int version) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
    Chunks c = new Chunks(md);
    c.putInt(version);
    int n = net.nodeCount();
    c.putInt(n);
    for (int v = 0; v < n; v++) {
      c.putInt((net.present[v] ? 1 : 0) | (net.drained[v] ? 2 : 0));
      c.putInt(net.nodeSite[v]);
    }
    int arcs = net.arcCount();
    c.putInt(arcs);
    for (int a = 0; a < arcs; a++) {
      c.putInt(net.tail(a));
      c.putInt(net.head(a));
      c.putInt(net.arcMetric(a));
      c.putInt(net.usable[a >> 1] ? 1 : 0);
    }
    int demands = net.demandCount();
    c.putInt(demands);
    for (int k = 0; k < demands; k++) {
      c.putInt(net.demSrc[k]);
      c.putInt(net.demDst[k]);
      c.putLong(Double.doubleToLongBits(net.demGbps[k]));
    }
    return HexFormat.of().formatHex(c.digest());
  }

  /** Feeds the digest through one buffer, so hashing costs no call per value. */
  private static final class Chunks {
    private final MessageDigest md;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16);

    Chunks(MessageDigest md) {
      this.md = md;
    }

    void putInt(int x) {
      room(4);
      buf.putInt(x);
    }

    void putLong(long x) {
      room(8);
      buf.putLong(x);
    }

    private void room(int bytes) {
      if (buf.remaining() < bytes) {
        flush();
      }
    }

    private void flush() {
      md.update(buf.array(), 0, buf.position());
      buf.clear();
    }

    byte[] digest() {
      flush();
      return md.digest();
    }
  }
}
