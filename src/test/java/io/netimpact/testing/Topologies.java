package io.netimpact.testing;

/**
 * Tiny named topologies shared by tests and docs. Capacities are 100 Gbps unless stated;
 * the loads each one produces are worked out by hand in the tests that use it.
 */
public final class Topologies {
  private Topologies() {}

  /**
   * a-b-d and a-c-d, all metrics 1: two equal-cost paths from a to d.
   * <pre>
   *     b
   *   /   \
   *  a     d
   *   \   /
   *     c
   * </pre>
   */
  public static Net square() {
    return Net.create()
        .link("ab", "a", "b", 1, 100).link("bd", "b", "d", 1, 100)
        .link("ac", "a", "c", 1, 100).link("cd", "c", "d", 1, 100);
  }

  /** a to d over b, c and e, all metrics 1: three equal-cost paths. */
  public static Net threePaths() {
    return square().link("ae", "a", "e", 1, 100).link("ed", "e", "d", 1, 100);
  }

  /**
   * Per-hop (not per-path) ECMP: a has next hops b and c; b has next hops d via x and y.
   * a-b, a-c, c-d, b-x, b-y, x-d, y-d with metrics making a-c-d cost 2+2 and a-b-x-d 1+1+2,
   * so that a splits 1/2 to b and c, and b splits its half again.
   */
  public static Net perHop() {
    return Net.create()
        .link("ab", "a", "b", 1, 100).link("bx", "b", "x", 1, 100).link("by", "b", "y", 1, 100)
        .link("xd", "x", "d", 2, 100).link("yd", "y", "d", 2, 100)
        .link("ac", "a", "c", 2, 100).link("cd", "c", "d", 2, 100);
  }

  /** Two parallel links between a and b, plus a single one b-c. */
  public static Net parallel() {
    return Net.create()
        .link("ab1", "a", "b", 1, 100).link("ab2", "a", "b", 1, 100).link("bc", "b", "c", 1, 100);
  }

  /** a-t-b line with a detour a-x-b of cost 3: t is the transit device of the short path. */
  public static Net transit() {
    return Net.create()
        .link("at", "a", "t", 1, 100).link("tb", "t", "b", 1, 100)
        .link("ax", "a", "x", 2, 100).link("xb", "x", "b", 1, 100);
  }
}
