package dev.marketplace.seller;

import dev.marketplace.client.failure.FailureKind;
import dev.marketplace.client.failure.MarketplaceException;
import dev.marketplace.client.failure.NotSignedInException;
import dev.marketplace.seller.command.CommandFailure;
import dev.marketplace.seller.command.ExitCode;
import dev.marketplace.seller.command.SellerContext;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Turns what went wrong into one line on standard error and an exit code: the server's message for
 * a refusal (1), a hint to sign in (3), the reason the server cannot be reached (4). Never a stack
 * trace, unless {@code --verbose} asks for details of an unexpected failure.
 */
final class Failures implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
    SellerContext cli = command.getCommandSpec().root().commandLine().getCommand();
    var err = cli.environment().err();
    int code;
    String message;
    if (failure instanceof CommandFailure stop) {
      code = stop.exitCode();
      message = stop.getMessage();
    } else if (failure instanceof MarketplaceException problem) {
      MarketplaceException cause = unreachableInstead(cli, problem);
      problem = cause;
      code = exitCode(problem.kind());
      message =
          problem instanceof NotSignedInException
              ? problem.getMessage() + " Run: marketplace-seller login"
              : problem.getMessage();
    } else if (failure instanceof UncheckedIOException) {
      code = ExitCode.REFUSED;
      message = failure.getMessage();
    } else if (failure instanceof CommandLine.ParameterException problem) {
      return usage(problem, new String[0]);
    } else {
      code = ExitCode.REFUSED;
      message = "unexpected failure: " + failure;
      if (cli.verbose()) {
        failure.printStackTrace(err);
      }
    }
    err.println("marketplace-seller: " + oneLine(message));
    err.flush();
    return code;
  }

  /**
   * Without a session the client never calls the server, so a mistyped {@code --server} would read
   * "not signed in": when nothing answers there, that is the failure to report.
   */
  private static MarketplaceException unreachableInstead(
      SellerContext cli, MarketplaceException problem) {
    if (problem.kind() != FailureKind.NOT_SIGNED_IN) {
      return problem;
    }
    try {
      cli.client().checkReachable();
      return problem;
    } catch (MarketplaceException unreachable) {
      return unreachable.kind() == FailureKind.UNREACHABLE ? unreachable : problem;
    }
  }

  /** The exit code of a kind of failure: the kind decides, never the message's words. */
  static int exitCode(FailureKind kind) {
    return switch (kind) {
      case UNREACHABLE -> ExitCode.UNREACHABLE;
      case NOT_SIGNED_IN -> ExitCode.NOT_SIGNED_IN;
      case INVALID, FORBIDDEN, NOT_FOUND, CONFLICT, RATE_LIMITED, SERVER, OTHER -> ExitCode.REFUSED;
    };
  }

  /** A usage error: the problem on one line, then where to find the command's help (exit 2). */
  static int usage(CommandLine.ParameterException problem, String[] args) {
    CommandLine command = problem.getCommandLine();
    var err = command.getErr();
    if (problem instanceof CommandLine.UnmatchedArgumentException unmatched
        && !unmatched.getSuggestions().isEmpty()
        && !unmatched.getUnmatched().getFirst().startsWith("-")) {
      // For a mistyped command the did-you-mean line says it all; "Unmatched argument at index 0"
      // says nothing more. A mistyped option keeps "unknown option" above its suggestions.
      CommandLine.UnmatchedArgumentException.printSuggestions(problem, err);
      err.flush();
      return ExitCode.USAGE;
    }
    err.println("marketplace-seller: " + oneLine(wording(problem)));
    CommandLine.UnmatchedArgumentException.printSuggestions(problem, err);
    err.println("See '" + command.getCommandSpec().qualifiedName() + " --help'.");
    err.flush();
    return ExitCode.USAGE;
  }

  /**
   * A value that is not of its option's type, said as "price must be a number like 12.50" (the
   * converters in {@link Values} give the second half); anything else as picocli says it.
   */
  private static String wording(CommandLine.ParameterException problem) {
    if (problem.getCause() instanceof CommandLine.TypeConversionException wrongType
        && problem.getArgSpec() != null) {
      String name =
          problem.getArgSpec() instanceof CommandLine.Model.OptionSpec option
              ? option.longestName().replaceFirst("^-+", "")
              : problem.getArgSpec().paramLabel();
      return name + " " + wrongType.getMessage();
    }
    if (problem instanceof CommandLine.UnmatchedArgumentException unmatched
        && !unmatched.getUnmatched().isEmpty()) {
      return unmatched(unmatched);
    }
    return problem.getMessage();
  }

  /**
   * What was typed that the command does not take, and what it does take: picocli's "Unmatched
   * arguments from index 1: 'take', '1', '500'" names no remedy, and its "Unknown options:
   * '--password', 'secret'" counts the option's value as an option too.
   */
  private static String unmatched(CommandLine.UnmatchedArgumentException problem) {
    List<String> arguments = problem.getUnmatched();
    String first = arguments.getFirst();
    CommandSpec spec = problem.getCommandLine().getCommandSpec();
    if (first.startsWith("-")) {
      return "unknown option " + first;
    }
    List<String> commands =
        spec.subcommands().values().stream()
            .filter(sub -> !sub.getCommandSpec().usageMessage().hidden())
            .map(CommandLine::getCommandName)
            .distinct()
            .toList();
    if (!commands.isEmpty()) {
      return "'"
          + first
          + "' is not a command of "
          + spec.qualifiedName()
          + "; its commands: "
          + String.join(", ", commands);
    }
    return (arguments.size() == 1 ? "unexpected argument " : "unexpected arguments ")
        + arguments.stream().map(argument -> "'" + argument + "'").collect(Collectors.joining(" "));
  }

  static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
