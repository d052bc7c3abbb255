/**
 * The Spark edge: the cluster (session, storage settings, progress), the one Spark runner of
 * the evaluator, broadcasts and listeners, GraphX components, the writing and atomic publishing
 * of runs, the reading of published runs, and the fault-injection points the crash tests use.
 */
package io.netimpact.spark;
