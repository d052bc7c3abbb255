/**
 * Before/after impact of a change: per-arc loads and status, demands that changed, the
 * verdict, and the report rows. Plain Java, no Spark imports.
 */
package io.netimpact.impact;
