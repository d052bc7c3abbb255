package io.netimpact.survival;

import io.netimpact.verdict.Verdict;

/**
 * One {@code survival} row (contract section 7.2): failure {@code failureId} without the change
 * and after it. {@code worstLinkIdWith} is empty when no arc carries anything.
 */
public record SurvivalRow(String runId, String scenarioId, String failureId,
    Verdict severityWithout, Verdict severityWith, double maxUtilWithout, double maxUtilWith,
    String worstLinkIdWith, double strandedGbpsWithout, double strandedGbpsWith,
    boolean exposed) implements java.io.Serializable {}
