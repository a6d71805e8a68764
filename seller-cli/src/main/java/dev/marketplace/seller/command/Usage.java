package dev.marketplace.seller.command;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Usage errors found while a command runs, reported as picocli reports its own (exit code 2). */
public final class Usage {

  private Usage() {}

  /**
   * A usage error of the command being run (the deepest one parsed, so that its help is the one
   * pointed to), for checks made while it runs.
   */
  public static CommandLine.ParameterException error(CommandSpec spec, String message) {
    CommandLine command = spec.commandLine();
    CommandLine.ParseResult parsed = command.getParseResult();
    while (parsed != null && parsed.subcommand() != null) {
      parsed = parsed.subcommand();
      command = parsed.commandSpec().commandLine();
    }
    return new CommandLine.ParameterException(command, message);
  }
}
