/**
 * Topology analysis in plain Java: connected components (union-find), bridges and articulation
 * points (Tarjan), and what a change strands. No Spark: the spark package runs GraphX once for
 * the baseline and these functions per scenario.
 */
package io.netimpact.topology;
