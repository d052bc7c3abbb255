/**
 * Evaluates a change against measured traffic over time: routes every interval of a
 * {@link io.netimpact.model.TrafficSeries} on the network before and after a change and
 * summarises the worst interval and the hours at risk. Plain Java: no Spark.
 */
package io.netimpact.series;
