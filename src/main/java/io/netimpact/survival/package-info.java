/**
 * Surviving the next failure (contract section 7.2): the single failures a change is reviewed
 * against ({@link io.netimpact.survival.Failures}), the severity of a scenario against the base
 * ({@link io.netimpact.survival.Severity}), and what the change does to each failure
 * ({@link io.netimpact.survival.Survival}). Plain Java: the Spark layer evaluates the
 * scenarios, this package only decides.
 */
package io.netimpact.survival;
