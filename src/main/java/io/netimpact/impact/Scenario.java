package io.netimpact.impact;

import io.netimpact.routing.ScenarioMask;

/**
 * A scenario ready to evaluate: its id and title and what its change does to the base.
 *
 * @param id    scenario id (a change's id, or a generated {@code op:element})
 * @param title human title, or ""
 * @param mask  the change as a mask over the base network
 */
public record Scenario(String id, String title, ScenarioMask mask)
    implements java.io.Serializable {}
