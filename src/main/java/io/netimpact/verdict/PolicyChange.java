package io.netimpact.verdict;

/**
 * An SR-TE policy whose way the change alters, for the console and the page: the candidate
 * path it uses before and after (-1: it steers nothing and its rows follow plain IGP).
 */
public record PolicyChange(String policyId, String head, String endpoint, int candidateBefore,
    int candidateAfter) implements java.io.Serializable {

  /** What happened, in words: "falls back to IGP", "moves to candidate 2", "comes up". */
  public String what() {
    if (candidateAfter < 0) {
      return "falls back to IGP";
    }
    if (candidateBefore < 0) {
      return "steers again (candidate " + (candidateAfter + 1) + ")";
    }
    return "moves from candidate " + (candidateBefore + 1) + " to " + (candidateAfter + 1);
  }
}
