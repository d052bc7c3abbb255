/**
 * Demand deduction from measured loads (contract 7.4): the traffic matrix that, routed by the
 * one kernel, best explains interface counters and edge totals, found without a matrix (the
 * kernel's push is the routing matrix, its pull the transpose); and the drift of a model's
 * predicted loads from measured ones. Plain Java over {@code routing} and {@code model}.
 */
package io.netimpact.deduce;
