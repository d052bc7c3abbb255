/**
 * Traffic engineering over the one routing kernel (docs/semantics.md#traffic-engineering): the TE
 * tables compiled
 * over a network's dense indices, CSPF placement of RSVP-TE LSPs, SR-TE policy following, and
 * the TE traffic (arc loads and per-demand latency) before and after a change. Plain Java.
 */
package io.netimpact.te;
