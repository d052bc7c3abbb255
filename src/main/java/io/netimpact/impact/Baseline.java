package io.netimpact.impact;

/**
 * The base network routed once: per-arc loads (Gbps, indexed by arc) and the traffic without
 * a path. Every scenario is compared against it.
 *
 * @param load       Gbps per base arc
 * @param unroutable Gbps of demand without a path
 */
public record Baseline(double[] load, double unroutable) implements java.io.Serializable {}
