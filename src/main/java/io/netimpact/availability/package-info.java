/**
 * Availability (docs/availability.md): a failure model's probabilities, the scenarios it makes
 * (the base, every single failure, every pair above a cutoff) and their probabilities, and per
 * demand the probability of not being hit, its expected unroutable traffic and its worst
 * scenario, as mergeable partial sums. Plain Java.
 */
package io.netimpact.availability;
