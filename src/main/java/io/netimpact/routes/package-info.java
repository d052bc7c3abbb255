/**
 * What the routing kernel hands up, as plain values and sinks: the sinks arc loads are pushed
 * into ({@link io.netimpact.routes.LoadSink}, {@link io.netimpact.routes.ClassSink}), a
 * (scenario, destination) pair's outcome with its demands' route changes and paths after, a
 * destination's DAG in the form it is stored, and the flat form ({@link io.netimpact.routes.Flat})
 * in which such values cross processes. Depends on nothing of netimpact.
 */
package io.netimpact.routes;
