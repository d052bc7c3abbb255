/**
 * The pipelines (review, sweep, topology): each is one sequence of stages, each entered once
 * (read and validate, compile, mask, evaluate, assemble, publish), and returns an outcome. They
 * print nothing and use no Spark or Hadoop type; progress lines go to the cluster's sink.
 */
package io.netimpact.pipeline;
