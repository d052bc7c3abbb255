package io.netimpact.survival;

/** How a change leaves the network against the next failure (contract section 7.2). */
public enum Survive {
  /** No failure is exposed by the change. */
  HOLDS,
  /** Some exposed failure is RISK with the change, none BLOCK. */
  WEAKENED,
  /** Some exposed failure is BLOCK with the change. */
  EXPOSED
}
