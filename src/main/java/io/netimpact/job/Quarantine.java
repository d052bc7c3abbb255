package io.netimpact.job;

import io.netimpact.io.ReportTables;
import io.netimpact.io.SnapshotReader;
import java.io.PrintStream;
import java.util.List;

/** What the console says about records set aside with {@code --on-bad-record quarantine}. */
final class Quarantine {
  private static final int SHOWN = 5;

  private Quarantine() {}

  static void print(PrintStream out, List<SnapshotReader.Reject> rejects, String dir,
      String runId) {
    if (rejects.isEmpty()) {
      return;
    }
    out.printf("%nQUARANTINED: %d input records were set aside; every verdict of this run was "
        + "computed without them (scenario_summary.input_rejects = %d).%n", rejects.size(),
        rejects.size());
    for (SnapshotReader.Reject r : rejects.subList(0, Math.min(SHOWN, rejects.size()))) {
      out.println("  " + r.problem());
    }
    out.printf("  all of them, with the records: %s/%s/run_id=%s%n", dir, ReportTables.REJECTS,
        runId);
  }
}
