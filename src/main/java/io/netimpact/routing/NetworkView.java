package io.netimpact.routing;

/**
 * A read-only network in the base's index space: the compiled {@link Network} itself, or the
 * network after a change seen through a {@link MaskedView}. What tools and checks read; the
 * routing kernel works on {@link MaskedView} directly.
 */
public interface NetworkView {
  int nodeCount();

  int linkCount();

  int arcCount();

  String nodeId(int v);

  String linkId(int link);

  boolean isPresent(int v);

  boolean isDrained(int v);

  /** The device an arc leaves. */
  int tail(int arc);

  /** The device an arc enters. */
  int head(int arc);

  int arcMetric(int arc);

  boolean arcUsable(int arc);

  /** Capacity of an arc in Gbps; 0 when unusable. */
  double arcCapacity(int arc);

  int demandCount();

  int demandSrc(int k);

  int demandDst(int k);

  double demandGbps(int k);

  /** Destinations that have at least one demand, in index order. */
  int[] destinations();

  /** Index of a device id. */
  java.util.Optional<Integer> node(String id);

  /** Index of a link id (links the change adds included). */
  java.util.Optional<Integer> link(String id);

  /** One end of a link (its a-&gt;b arc leaves it). */
  int linkA(int link);

  /** The other end of a link. */
  int linkB(int link);

  /** Whether a link is usable (admin up, enough members, both ends present). */
  boolean isUsable(int link);

  /** Capacity of each direction of a link in Gbps; 0 when unusable. */
  double linkCapacity(int link);

  /** This network as a view the kernel can route on. */
  MaskedView view();
}
