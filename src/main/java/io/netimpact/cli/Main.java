package io.netimpact.cli;

import io.netimpact.report.TerminalText;
import io.netimpact.spark.DriverExit;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * Entry point for {@code spark-submit --class io.netimpact.cli.Main netimpact.jar SUBCOMMAND}
 * and for {@code jobs/netimpact}. Exit codes: 0 done, 1 internal error, 2 bad input or
 * usage, 3 a verdict at or above {@code --fail-on}, 4 no outcome in time ({@code submit}).
 */
@Command(name = "netimpact", mixinStandardHelpOptions = true, version = Main.VERSION,
    description = "Network what-if engine: reviews changes against a topology snapshot.",
    subcommands = {ReviewCommand.class, SweepCommand.class, BaselineCommand.class,
        GenerateCommand.class,
        ImportCommand.class, TopologyCommand.class, ShowCommand.class, DeduceCommand.class,
        ServeCommand.class, SubmitCommand.class})
public final class Main implements Runnable {
  static final String VERSION = "netimpact 0.1.0";
  public static final int EXIT_OK = 0;
  public static final int EXIT_INTERNAL = 1;
  public static final int EXIT_BAD_INPUT = 2;
  public static final int EXIT_VERDICT = 3;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this),
        "name a subcommand: review, sweep, baseline, topology, generate, import, show, deduce, "
            + "serve or submit");
  }

  public static void main(String[] args) throws Exception {
    // Returns (code 0) or throws in YARN cluster mode, exits otherwise: see DriverExit.
    DriverExit.exit(execute(args));
  }

  /** Runs a command line and returns its exit code (tests call this, not {@link #main}). */
  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExitCodeExceptionMapper(e -> FailureReport.badInput(e).isPresent()
        ? EXIT_BAD_INPUT : EXIT_INTERNAL);
    // Every subcommand answers -V / --version with the same version line.
    cl.getSubcommands().values().forEach(s -> s.getCommandSpec().version(VERSION));
    cl.setParameterExceptionHandler((e, a) -> {
      UsageErrors.print(e, System.err);
      return EXIT_BAD_INPUT;
    });
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      java.util.Optional<Throwable> bad = FailureReport.badInput(e);
      if (bad.isPresent()) {
        System.err.println(TerminalText.escape("netimpact: " + bad.get().getMessage()));
        return EXIT_BAD_INPUT;
      }
      // A store that cannot do what the job needs (a committer an emulator lacks, say): one
      // line naming the fix, before the two-line failure report.
      io.netimpact.publish.StorageErrors.explain(e).ifPresent(m -> System.err.println("netimpact: "
          + m));
      // Two lines (what failed, what to do), the stack trace in a log file they name.
      return FailureReport.report(e, System.err);
    });
    try {
      NativeLibraries.load();
      return cl.execute(args);
    } catch (Throwable e) {
      // An Error (a file system's FSError, a native library that cannot load, no memory)
      // passes picocli's handlers: it gets the same two lines and log file.
      return FailureReport.report(e, System.err);
    }
  }
}
