package io.netimpact.job;

import io.netimpact.io.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point for {@code spark-submit --class io.netimpact.job.Main netimpact.jar SUBCOMMAND}
 * and for {@code jobs/netimpact}. Exit codes: 0 done, 1 internal error, 2 bad input or
 * usage, 3 a verdict at or above {@code --fail-on}.
 */
@Command(name = "netimpact", mixinStandardHelpOptions = true, version = Main.VERSION,
    description = "Network what-if engine: reviews changes against a topology snapshot.",
    subcommands = {ReviewCommand.class, SweepCommand.class, GenerateCommand.class,
        ImportCommand.class, TopologyCommand.class, ShowCommand.class})
public final class Main implements Runnable {
  static final String VERSION = "netimpact 0.1.0";
  public static final int EXIT_OK = 0;
  public static final int EXIT_INTERNAL = 1;
  public static final int EXIT_BAD_INPUT = 2;
  public static final int EXIT_VERDICT = 3;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this),
        "name a subcommand: review, sweep, topology, generate, import or show");
  }

  public static void main(String[] args) {
    int code = execute(args);
    System.out.flush();
    // Sessions outlive commands so that tests can share one; a real run stops it here.
    scala.Option<org.apache.spark.sql.SparkSession> session =
        org.apache.spark.sql.SparkSession.getDefaultSession();
    if (session.isDefined()) {
      session.get().stop();
    }
    System.exit(code);
  }

  /** Runs a command line and returns its exit code (tests call this, not {@link #main}). */
  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExitCodeExceptionMapper(e -> e instanceof BadInputException
        || e instanceof IllegalArgumentException ? EXIT_BAD_INPUT : EXIT_INTERNAL);
    // Every subcommand answers -V / --version with the same version line.
    cl.getSubcommands().values().forEach(s -> s.getCommandSpec().version(VERSION));
    cl.setParameterExceptionHandler((e, a) -> {
      UsageErrors.print(e, System.err);
      return EXIT_BAD_INPUT;
    });
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof BadInputException || e instanceof IllegalArgumentException) {
        System.err.println("netimpact: " + e.getMessage());
        return EXIT_BAD_INPUT;
      }
      io.netimpact.io.StorageErrors.explain(e).ifPresent(m -> System.err.println("netimpact: " + m));
      System.err.println("netimpact: failed: " + e);
      e.printStackTrace(System.err);
      return EXIT_INTERNAL;
    });
    return cl.execute(args);
  }
}
