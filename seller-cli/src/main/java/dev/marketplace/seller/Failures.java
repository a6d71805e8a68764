package dev.marketplace.seller;

import dev.marketplace.client.FailureKind;
import dev.marketplace.client.MarketplaceException;
import dev.marketplace.client.NotSignedInException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns what went wrong into one line on standard error and an exit code: the server's message for
 * a refusal (1), a hint to sign in (3), the reason the server cannot be reached (4). Never a stack
 * trace, unless {@code --verbose} asks for details of an unexpected failure.
 */
final class Failures implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
    SellerCli cli = command.getCommandSpec().root().commandLine().getCommand();
    var err = cli.environment().err();
    int code;
    String message;
    if (failure instanceof CommandFailure stop) {
      code = stop.exitCode();
      message = stop.getMessage();
    } else if (failure instanceof MarketplaceException problem) {
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
    err.println("marketplace-seller: " + oneLine(problem.getMessage()));
    CommandLine.UnmatchedArgumentException.printSuggestions(problem, err);
    err.println("See '" + command.getCommandSpec().qualifiedName() + " --help'.");
    err.flush();
    return ExitCode.USAGE;
  }

  static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
