package io.netimpact.testing;

import io.netimpact.spark.ReportWriter;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/** Finds what a run published on a local disk the way readers should: through its marker. */
public final class PublishedRuns {
  private PublishedRuns() {}

  /** The run's current {@code summary.html}; fails when the marker names none. */
  public static Path page(Path out, String runId) throws IOException {
    return file(out, runId, "summary.html");
  }

  /** The run's current attached file {@code name}; fails when the marker names none. */
  public static Path file(Path out, String runId, String name) throws IOException {
    return ReportWriter.publishedAttachment(FileSystem.getLocal(new Configuration()),
        out.toString(), runId, name)
        .map(p -> Path.of(p.toUri().getPath()))
        .orElseThrow(() -> new AssertionError("the marker of run " + runId + " under " + out
            + " names no " + name));
  }
}
