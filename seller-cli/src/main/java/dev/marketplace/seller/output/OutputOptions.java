package dev.marketplace.seller.output;

import dev.marketplace.seller.SellerCli;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code -o table|json|csv}, for the commands that print what they find. */
public final class OutputOptions {

  @Spec(Spec.Target.MIXEE)
  private CommandSpec command;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "table (default), json (the API's JSON) or csv (lists only).")
  private OutputFormat format = OutputFormat.TABLE;

  public OutputFormat format() {
    return format;
  }

  /** The format, refusing CSV for a command that prints one thing rather than a list. */
  public OutputFormat single() {
    if (format == OutputFormat.CSV) {
      throw SellerCli.usage(command, "-o csv is for lists; use -o table or -o json here.");
    }
    return format;
  }
}
