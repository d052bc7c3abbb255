package io.netimpact.cli;

import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * How a command-line mistake is reported: an unknown option or subcommand first, with the
 * closest valid name, then whatever else is wrong (a missing required option is often the
 * same typo), then the usage of the command at fault.
 */
final class UsageErrors {
  private UsageErrors() {}

  static void print(ParameterException e, PrintStream err) {
    CommandLine cl = e.getCommandLine();
    List<String> unmatched = cl.getUnmatchedArguments();
    if (!unmatched.isEmpty()) {
      UnmatchedArgumentException u = e instanceof UnmatchedArgumentException x ? x
          : new UnmatchedArgumentException(cl, unmatched);
      String first = unmatched.get(0);
      boolean option = first.startsWith("-");
      String what = option ? "option" : cl.getSubcommands().isEmpty() ? "argument" : "subcommand";
      List<String> suggestions = u.getSuggestions();
      err.println("netimpact: unknown " + what + " '" + first + "'" + (suggestions.isEmpty()
          ? "" : "; did you mean " + String.join(" or ", suggestions.stream()
              .map(x -> "'" + x + "'").toList()) + "?")
          + (cl.getCommandSpec().parent() == null ? "" : " (netimpact "
              + cl.getCommandName() + ")"));
      if (unmatched.size() > 1 && !option && cl.getSubcommands().isEmpty()) {
        err.println("netimpact: unexpected arguments: " + String.join(" ", unmatched));
      }
    }
    if (!(e instanceof UnmatchedArgumentException)) {
      err.println("netimpact: " + e.getMessage());
    }
    cl.usage(err);
  }
}
