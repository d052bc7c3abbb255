package io.netimpact.cli;

import io.netimpact.verdict.Verdict;
import io.netimpact.service.Outcome;
import io.netimpact.publish.ServeStore;
import io.netimpact.input.BadInputException;
import io.netimpact.input.InputProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code netimpact submit}: places a change request for a running {@code serve}, waits for its
 * outcome, prints what {@code review} prints for it and exits as {@code review} would.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
    description = "Submit a change request to a running serve and wait for its review: exit 0, "
        + "2 when rejected, 3 for --fail-on, 4 when no outcome came in --timeout-s.")
public final class SubmitCommand implements Callable<Integer> {
  /** Exit code when no outcome came in time. */
  public static final int EXIT_TIMEOUT = 4;

  @Option(names = "--requests", required = true, paramLabel = "DIR",
      description = "The request directory serve watches.")
  String requests;

  @Option(names = "--out", required = true, paramLabel = "PATH",
      description = "serve's --out.")
  String out;

  @Option(names = "--change", required = true, paramLabel = "FILE",
      description = "Change request JSON file (local).")
  Path change;

  @Option(names = "--timeout-s", defaultValue = "600", paramLabel = "S",
      description = "Seconds to wait for the outcome (default: ${DEFAULT-VALUE}).")
  double timeoutSeconds;

  @Option(names = "--fail-on", paramLabel = "block|risk",
      description = "Exit with code 3 when the verdict is this or worse.")
  Verdict failOn;

  @Option(names = "--conf", paramLabel = "KEY=VALUE",
      description = "A storage setting (spark.hadoop.*), as with spark-submit; repeatable.")
  java.util.List<String> conf = new java.util.ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (failOn == Verdict.SAFE) {
      throw new IllegalArgumentException("--fail-on takes block or risk, not safe");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(change);
    } catch (IOException e) {
      throw new BadInputException(new InputProblem(change.toString(), "", "",
          "cannot read: " + e.getMessage()));
    }
    Map<String, String> settings = new LinkedHashMap<>();
    for (String c : conf) {
      int eq = c.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--conf takes KEY=VALUE, got \"" + c + "\"");
      }
      settings.put(c.substring(0, eq).trim(), c.substring(eq + 1));
    }
    ServeStore store = ServeStore.client(settings, requests, out);
    String stem = change.getFileName().toString().replaceAll("\\.json$", "")
        .replaceAll("[^A-Za-z0-9._-]", "_");
    String name = stem + "-" + UUID.randomUUID().toString().substring(0, 8) + ".json";
    store.place(name, bytes);
    System.out.println("netimpact submit: placed " + store.requestPath(name)
        + "; waiting for its outcome");
    long deadline = System.nanoTime() + (long) (timeoutSeconds * 1e9);
    Optional<Outcome> outcome = store.outcome(name);
    while (outcome.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      outcome = store.outcome(name);
    }
    if (outcome.isEmpty()) {
      System.err.println("netimpact: no outcome for " + name + " within " + timeoutSeconds
          + " s (is serve running on " + requests + " and " + out + "?); the request stays "
          + "placed and will be answered once serve runs");
      return EXIT_TIMEOUT;
    }
    Outcome o = outcome.get();
    if (o.status() == Outcome.Status.REJECTED) {
      System.err.println("netimpact: " + o.error().orElse(""));
      return Main.EXIT_BAD_INPUT;
    }
    String runId = o.runId().orElseThrow();
    store.summary(runId).ifPresent(System.out::print);
    System.out.println("served: " + o.request() + " answered in " + o.latencyMs() + " ms "
        + "(snapshot " + o.snapshotId() + "); run " + runId + " under " + out);
    Verdict v = Verdict.valueOf(o.verdict().orElseThrow());
    if (failOn != null && v.compareTo(failOn) >= 0) {
      System.out.println("verdict " + v + " is at or above --fail-on " + failOn
          + ": exit code " + Main.EXIT_VERDICT);
      return Main.EXIT_VERDICT;
    }
    return Main.EXIT_OK;
  }
}
