/**
 * Capacity planning over a sweep (docs/semantics.md#the-augmentation-plan-sweep---plan): the
 * smallest number of LAG members to
 * add per link so that no arc exceeds a target utilisation in the base network or in any
 * scenario of the sweep, repeated in rounds while added members move traffic. Plain Java, no
 * Spark imports: the rounds' evaluations come from the one evaluator through {@link
 * io.netimpact.planning.CapacityPlanner.Rounds}.
 */
package io.netimpact.planning;
