/**
 * Plain-Java routing engine: compiles a snapshot into a dense-index graph (CSR arrays),
 * applies changes as pure functions, and routes demands over shortest paths with per-hop
 * ECMP. No Spark imports (an architecture test keeps it so).
 */
package io.netimpact.routing;
