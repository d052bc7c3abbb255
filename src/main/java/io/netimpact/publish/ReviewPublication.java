package io.netimpact.publish;

import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.LinkBaseline;
import io.netimpact.impact.Scenario;
import io.netimpact.verdict.Thresholds;
import io.netimpact.input.SnapshotReader;
import io.netimpact.series.SeriesReport;
import io.netimpact.survival.Survival;
import io.netimpact.spark.ReportWriter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@link Reports#publishReview} writes for one review: where and how, the report,
 * and what goes beside it. Made with {@link #builder}; what is not set is empty.
 *
 * @param out         output prefix of the run
 * @param format      report format
 * @param runId       the run's id
 * @param report      the review's one report
 * @param scenario    the reviewed change
 * @param thresholds  the WARN threshold the page states
 * @param baseline    the {@code link_baseline} rows, when this run carries them (the review
 *                    service publishes them once per snapshot instead)
 * @param rejects     the snapshot records set aside
 * @param series      the {@code scenario_series} row's report, with a traffic series
 * @param withTe      whether {@code lsp_impact} is written (traffic engineering)
 * @param attachments files published beside the tables ({@code summary.txt})
 * @param more        further tables, by name (the {@code drift} table, say)
 * @param survival    {@code review --survive}'s outcome: the survival columns, the
 *                    {@code survival} table and the page's survival line
 */
public record ReviewPublication(String out, ReportWriter.Format format, String runId,
    ImpactReport report, Scenario scenario, Thresholds thresholds,
    Optional<List<LinkBaseline>> baseline, List<SnapshotReader.Reject> rejects,
    Optional<SeriesReport> series, boolean withTe, Map<String, byte[]> attachments,
    Map<String, ReportWriter.Rows> more, Optional<Survival> survival) {

  public ReviewPublication {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(thresholds, "thresholds");
    baseline = baseline.map(List::copyOf);
    rejects = List.copyOf(rejects);
    Objects.requireNonNull(series, "series");
    attachments = Map.copyOf(attachments);
    // Written in the order given.
    more = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(more));
    Objects.requireNonNull(survival, "survival");
  }

  /** A publication of {@code report} with nothing beside it yet. */
  public static Builder builder(String out, ReportWriter.Format format, String runId,
      ImpactReport report, Scenario scenario, Thresholds thresholds) {
    return new Builder(out, format, runId, report, scenario, thresholds);
  }

  /** Sets what goes beside the report; {@link #build} validates. */
  public static final class Builder {
    private final String out;
    private final ReportWriter.Format format;
    private final String runId;
    private final ImpactReport report;
    private final Scenario scenario;
    private final Thresholds thresholds;
    private Optional<List<LinkBaseline>> baseline = Optional.empty();
    private List<SnapshotReader.Reject> rejects = List.of();
    private Optional<SeriesReport> series = Optional.empty();
    private boolean withTe;
    private Map<String, byte[]> attachments = Map.of();
    private Map<String, ReportWriter.Rows> more = Map.of();
    private Optional<Survival> survival = Optional.empty();

    private Builder(String out, ReportWriter.Format format, String runId, ImpactReport report,
        Scenario scenario, Thresholds thresholds) {
      this.out = out;
      this.format = format;
      this.runId = runId;
      this.report = report;
      this.scenario = scenario;
      this.thresholds = thresholds;
    }

    public Builder baseline(List<LinkBaseline> rows) {
      baseline = Optional.of(rows);
      return this;
    }

    public Builder rejects(List<SnapshotReader.Reject> r) {
      rejects = r;
      return this;
    }

    public Builder series(Optional<SeriesReport> s) {
      series = s;
      return this;
    }

    public Builder withTe(boolean te) {
      withTe = te;
      return this;
    }

    public Builder attachments(Map<String, byte[]> files) {
      attachments = files;
      return this;
    }

    public Builder more(Map<String, ReportWriter.Rows> tables) {
      more = tables;
      return this;
    }

    public Builder survival(Optional<Survival> s) {
      survival = s;
      return this;
    }

    public ReviewPublication build() {
      return new ReviewPublication(out, format, runId, report, scenario, thresholds, baseline,
          rejects, series, withTe, attachments, more, survival);
    }
  }
}
