package io.netimpact.impact;

import io.netimpact.routing.Network;

/**
 * A scenario ready to evaluate: its id and title and the network after its change.
 *
 * @param id    scenario id (a change's id, or a generated {@code op:element})
 * @param title human title, or ""
 * @param after the network after the change, in the index space of the baseline
 */
public record Scenario(String id, String title, Network after) implements java.io.Serializable {}
